import { interpretEscapes } from './lib/printf.ts';
import { def } from './def.ts';

/** echo is /usr/bin/echo (GNU): -n, -e, -E. */
export const echo = def(
  'echo',
  async (p) => {
    let args = p.argv.slice(1);
    let nl = true;
    let esc = false;
    while (args.length && /^-[neE]+$/.test(args[0]!)) {
      for (const f of args[0]!.slice(1)) {
        if (f === 'n') nl = false;
        else esc = f === 'e';
      }
      args = args.slice(1);
    }
    let text = args.join(' ');
    if (esc) {
      const r = interpretEscapes(text);
      text = r.text;
      if (r.stop) nl = false;
    }
    p.stdout.write(nl ? text + '\n' : text);
    return 0;
  },
  'echo - display a line of text\n\nSYNOPSIS\n       echo [SHORT-OPTION]... [STRING]...\n\nDESCRIPTION\n       Echo the STRING(s) to standard output.\n\n       -n     do not output the trailing newline\n       -e     enable interpretation of backslash escapes\n       -E     disable interpretation of backslash escapes (default)',
);
