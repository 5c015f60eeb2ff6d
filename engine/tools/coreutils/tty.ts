import { def } from './def.ts';

/** tty prints the terminal name of stdin. */
export const tty = def(
  'tty',
  async (p) => {
    if (p.stdin.isTTY) {
      p.stdout.write('/dev/pts/0\n');
      return 0;
    }
    p.stdout.write('not a tty\n');
    return 1;
  },
  'tty - print the file name of the terminal connected to standard input\n\nSYNOPSIS\n       tty [OPTION]...',
);

/** nproc prints the number of processors. */
export const nproc = def(
  'nproc',
  async (p) => {
    p.stdout.write('2\n');
    return 0;
  },
  'nproc - print the number of processing units available\n\nSYNOPSIS\n       nproc [OPTION]...',
);
