import { userName } from './lib/io.ts';
import { def } from './def.ts';

/** whoami prints the effective user's name. */
export const whoami = def(
  'whoami',
  async (p) => {
    p.stdout.write(userName(p, p.user.uid) + '\n');
    return 0;
  },
  'whoami - print effective user name\n\nSYNOPSIS\n       whoami [OPTION]...\n\nDESCRIPTION\n       Print the user name associated with the current effective user ID.',
);
