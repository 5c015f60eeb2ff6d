import { programByName } from '../registry.ts';
import { def } from './def.ts';

/** man prints the short manual page of a program. */
export const man = def(
  'man',
  async (p) => {
    const names = p.argv.slice(1).filter((a) => !a.startsWith('-') && !/^\d$/.test(a));
    if (names.length === 0) {
      p.stderr.write('What manual page do you want?\nFor example, try \'man man\'.\n');
      return 1;
    }
    let code = 0;
    for (const name of names) {
      const d = programByName(name);
      if (!d?.man) {
        p.stderr.write(`No manual entry for ${name}\n`);
        code = 16;
        continue;
      }
      const title = `${name.toUpperCase()}(1)`;
      const width = p.sys.terminal.columns > 40 ? Math.min(p.sys.terminal.columns, 80) : 80;
      const mid = 'User Commands';
      const gap = Math.max(1, width - title.length * 2 - mid.length);
      const left = Math.floor(gap / 2);
      const [first, ...rest] = d.man.split('\n');
      p.stdout.write(`${title}${' '.repeat(left)}${mid}${' '.repeat(gap - left)}${title}\n\nNAME\n       ${first}\n${rest.length ? rest.join('\n') + '\n' : ''}\n`);
    }
    return code;
  },
  'man - an interface to the system reference manuals\n\nSYNOPSIS\n       man [page...]',
);
