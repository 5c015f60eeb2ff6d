import { describe, expect, it } from 'vitest';
import { mostRecent, next, parseSchedule } from './schedule.ts';

const at = (s: string) => Date.parse(s);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

describe('cron schedule', () => {
  it('finds the next activation like robfig/cron', () => {
    expect(iso(next(parseSchedule('*/5 * * * *'), at('2026-01-05T09:02:30Z')))).toBe('2026-01-05T09:05:00.000Z');
    expect(iso(next(parseSchedule('@hourly'), at('2026-01-05T09:00:00Z')))).toBe('2026-01-05T10:00:00.000Z');
    expect(iso(next(parseSchedule('30 2 * * mon-fri'), at('2026-01-09T03:00:00Z')))).toBe('2026-01-12T02:30:00.000Z');
    expect(iso(next(parseSchedule('0 0 1 * *'), at('2026-01-15T00:00:00Z')))).toBe('2026-02-01T00:00:00.000Z');
    // Both day fields restricted: either matches (the 13th, or any Friday).
    expect(iso(next(parseSchedule('0 0 13 * 5'), at('2026-01-05T00:00:00Z')))).toBe('2026-01-09T00:00:00.000Z');
    expect(iso(next(parseSchedule('@weekly'), at('2026-01-05T00:00:00Z')))).toBe('2026-01-11T00:00:00.000Z');
  });

  it('reports the most recent missed time', () => {
    const r = mostRecent(parseSchedule('* * * * *'), at('2026-01-05T09:00:00Z'), at('2026-01-05T09:03:10Z'));
    expect(iso(r.time)).toBe('2026-01-05T09:03:00.000Z');
    expect(r.missed).toBe(3);
    expect(iso(r.next)).toBe('2026-01-05T09:04:00.000Z');
  });
});
