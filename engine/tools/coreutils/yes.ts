import { def } from './def.ts';

/** yes repeats a line until its reader goes away or Ctrl-C. */
export const yes = def(
  'yes',
  async (p) => {
    const line = (p.argv.length > 1 ? p.argv.slice(1).join(' ') : 'y') + '\n';
    const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
    while (!p.signal.interrupted) {
      p.stdout.write(chunk);
      // One chunk per simulated millisecond: a terminal cannot take more, and Ctrl-C (or a closed pipe) gets a turn.
      if (!(await p.sys.sleep(1, p.signal))) break;
    }
    return p.signal.interrupted ? 130 : 0;
  },
  'yes - output a string repeatedly until killed\n\nSYNOPSIS\n       yes [STRING]...\n\nDESCRIPTION\n       Repeatedly output a line with all specified STRING(s), or \'y\'.',
);
