import { ql } from './lib/io.ts';
import { def } from './def.ts';

/** parseDuration reads sleep/timeout intervals: 5, 0.5, 2m, 1h, 1d. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * mult * 1000;
}

/** sleep waits simulated time; Ctrl-C ends it early. */
export const sleep = def(
  'sleep',
  async (p) => {
    const args = p.argv.slice(1);
    if (args.length === 0) {
      p.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let total = 0;
    for (const a of args) {
      // strtod reads inf and infinity (any case): `sleep infinity` keeps a container alive until it is stopped
      const ms = /^(inf|infinity)$/i.test(a) ? Infinity : parseDuration(a);
      if (ms === undefined) {
        p.stderr.write(`sleep: invalid time interval ${ql(a)}\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      total += ms;
    }
    if (total === Infinity) {
      // no timer at all: only a signal ends it (a timer at an infinite time would drag the clock there)
      await new Promise<void>((resolve) => p.signal.onInterrupt(resolve));
      return 130;
    }
    return (await p.sys.sleep(total, p.signal)) ? 0 : 130;
  },
  'sleep - delay for a specified amount of time\n\nSYNOPSIS\n       sleep NUMBER[SUFFIX]...\n\nDESCRIPTION\n       Pause for NUMBER seconds.  SUFFIX may be \'s\' for seconds (the default), \'m\' for minutes, \'h\' for hours or \'d\' for days.',
);
