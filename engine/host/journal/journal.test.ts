import { describe, expect, it } from 'vitest';
import { formatEntry, parsePriority } from './format.ts';
import { Journal, JournalStream } from './journal.ts';
import { formatRelative, formatTimespan, parseTimeArg } from './time.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('journal', () => {
  it('keeps a bounded ring per unit, so a noisy unit cannot push out the others', () => {
    let now = T0;
    const j = new Journal(() => now, 5);
    j.append({ unit: 'quiet.service', ident: 'quiet', pid: 9, priority: 6, message: 'hello' });
    for (let i = 0; i < 20; i++) {
      now += 1000;
      j.append({ unit: 'noisy.service', ident: 'noisy', pid: 10, priority: 6, message: `line ${i}` });
    }
    expect(j.entries({ units: ['noisy.service'] }).map((e) => e.message)).toEqual(['line 15', 'line 16', 'line 17', 'line 18', 'line 19']);
    expect(j.entries({ units: ['quiet.service'] }).map((e) => e.message)).toEqual(['hello']);
    expect(j.cutoff()).toEqual({ first: T0, last: T0 + 20_000 });
  });

  it('turns a service\'s output into lines with the syslog prefix, waiting for the newline', () => {
    const j = new Journal(() => T0 + 5000);
    const s = new JournalStream(j, { unit: 'kubelet.service', ident: 'kubelet', pid: () => 1234 });
    s.write('I0105 first');
    expect(j.entries()).toEqual([]);
    s.write(' half\n<3>E0105 second\n');
    expect(j.entries().map((e) => formatEntry(e, 'controlplane'))).toEqual([
      'Jan 05 09:00:05 controlplane kubelet[1234]: I0105 first half',
      'Jan 05 09:00:05 controlplane kubelet[1234]: E0105 second',
    ]);
    expect(j.entries({ maxPriority: 3 }).length).toBe(1);
  });

  it('writes times as systemd does', () => {
    expect(formatRelative(T0, T0 + 123_000)).toBe('2min 3s ago');
    expect(formatRelative(T0, T0 + 4_000)).toBe('4s ago');
    expect(formatRelative(T0, T0 + 3 * 3600_000 + 5 * 60_000)).toBe('3h 5min ago');
    expect(formatRelative(T0, T0 + 26 * 3600_000)).toBe('1 day 2h ago');
    expect(formatRelative(T0, T0 + 9 * 86400_000)).toBe('1 week 2 days ago');
    expect(formatTimespan(63_219)).toBe('1min 3.219s');
    expect(formatTimespan(52)).toBe('52ms');
    expect(parseTimeArg('5 minutes ago', T0)).toBe(T0 - 300_000);
    expect(parseTimeArg('-1h', T0)).toBe(T0 - 3600_000);
    expect(parseTimeArg('2026-01-05 08:00', T0)).toBe(T0 - 3600_000);
    expect(parseTimeArg('today', T0)).toBe(Date.UTC(2026, 0, 5));
    expect(parseTimeArg('yesterday-ish', T0)).toBeUndefined();
    expect(parsePriority('warning..err')).toEqual({ min: 3, max: 4 });
  });
});
