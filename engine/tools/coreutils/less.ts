import type { Process } from '../../host/process.ts';
import { errText, readStdin, resolve } from './lib/io.ts';
import { def } from './def.ts';

async function pager(p: Process, name: string): Promise<number> {
  const files = p.argv.slice(1).filter((a) => !a.startsWith('-') && !a.startsWith('+'));
  let code = 0;
  if (files.length === 0) {
    if (p.stdin.isTTY) {
      p.stderr.write(name === 'less' ? 'Missing filename ("less --help" for help)\n' : 'Usage: more [options] <file>...\n');
      return 1;
    }
    p.stdout.write(await readStdin(p));
    return 0;
  }
  for (const f of files) {
    try {
      const path = resolve(p, f);
      if (p.fs.stat(path).type === 'dir') {
        p.stderr.write(name === 'less' ? `${f} is a directory\n` : `\n*** ${f}: directory ***\n\n`);
        code = 1;
        continue;
      }
      if (files.length > 1 && name === 'more') p.stdout.write(`::::::::::::::\n${f}\n::::::::::::::\n`);
      p.stdout.write(p.fs.readFile(path));
    } catch (e) {
      p.stderr.write(name === 'less' ? `${f}: ${errText(e)}\n` : `more: cannot open ${f}: ${errText(e)}\n`);
      code = 1;
    }
  }
  return code;
}

/** less shows files; the lab's terminal scrolls, so the pager prints the whole text. */
export const less = def('less', (p) => pager(p, 'less'), 'less - opposite of more\n\nSYNOPSIS\n       less [options] [file]...\n\nDESCRIPTION\n       In the lab the whole file is printed; scroll the terminal to read it.');
/** more, as less. */
export const more = def('more', (p) => pager(p, 'more'), 'more - display the contents of a file in a terminal\n\nSYNOPSIS\n       more [options] file...', '/usr/bin');
