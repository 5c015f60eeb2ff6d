import { describe, expect, it } from 'vitest';
import { SimClock } from '../../base/clock.ts';
import { MemFs } from '../../host/fs/memfs.ts';
import { attachLogFile } from './log-files.ts';
import { ContainerLog } from './logs.ts';
import type { ContainerRecord, Sandbox } from './types.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 5, 123);

function setup() {
  const clock = new SimClock(T0);
  const node = new MemFs(clock).fs;
  const sb = { id: 'sb1', config: { name: 'web', namespace: 'default', uid: 'u1' } } as unknown as Sandbox;
  const rec = { id: 'c0ffee', config: { name: 'nginx', attempt: 0 }, log: new ContainerLog(() => clock.now()) } as unknown as ContainerRecord;
  attachLogFile(node, sb, rec);
  return { clock, node, rec };
}

describe('CRI log files', () => {
  it('writes each line of a write as its own CRI line, in order, and keeps the lines for kubectl logs', () => {
    const { clock, node, rec } = setup();
    const out = rec.log.writer('stdout');
    const err = rec.log.writer('stderr');
    out.write('one\ntwo\nthr');
    err.write('oops\n');
    clock.set(T0 + 1000);
    out.write('ee\n');
    rec.log.close();
    expect(node.readFile('/var/log/pods/default_web_u1/nginx/0.log')).toBe(
      [
        '2026-01-05T09:00:05.123000123Z stdout F one',
        '2026-01-05T09:00:05.123001123Z stdout F two',
        '2026-01-05T09:00:05.123002123Z stderr F oops',
        '2026-01-05T09:00:06.123003123Z stdout F three',
        '',
      ].join('\n'),
    );
    expect(rec.log.lines.map((l) => `${l.stream}:${l.text}`)).toEqual(['stdout:one', 'stdout:two', 'stderr:oops', 'stdout:three']);
    expect(node.readlink('/var/log/containers/web_default_nginx-c0ffee.log')).toBe('/var/log/pods/default_web_u1/nginx/0.log');
  });

  it('ends an unterminated last line with the partial tag', () => {
    const { node, rec } = setup();
    rec.log.writer('stdout').write('no newline');
    rec.log.close();
    expect(node.readFile('/var/log/pods/default_web_u1/nginx/0.log')).toBe('2026-01-05T09:00:05.123000123Z stdout P no newline\n');
  });
});
