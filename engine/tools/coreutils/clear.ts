import { def } from './def.ts';

/** clear clears the terminal screen. */
export const clear = def(
  'clear',
  async (p) => {
    p.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
  'clear - clear the terminal screen\n\nSYNOPSIS\n       clear\n\nDESCRIPTION\n       clear clears your terminal\'s screen and its scrollback buffer.',
);
