import { has, parseOrUsage } from './lib/args.ts';
import { errText, qf, resolve } from './lib/io.ts';
import { def } from './def.ts';

/** tee copies stdin to stdout and files (-a appends), as it arrives. */
export const tee = def(
  'tee',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' } });
    if (typeof a === 'number') return a;
    let code = 0;
    const targets: string[] = [];
    for (const f of a.args) {
      try {
        const path = resolve(p, f);
        if (has(a, 'a')) p.fs.writeFile(path, '', { append: true });
        else p.fs.writeFile(path, '');
        targets.push(path);
      } catch (e) {
        p.stderr.write(`tee: ${qf(f)}: ${errText(e)}\n`);
        code = 1;
      }
    }
    for (;;) {
      const c = await p.stdin.read();
      if (c === null) break;
      p.stdout.write(c);
      for (const t of targets) {
        try {
          p.fs.writeFile(t, c, { append: true });
        } catch {
          // reported when opened
        }
      }
    }
    return code;
  },
  'tee - read from standard input and write to standard output and files\n\nSYNOPSIS\n       tee [OPTION]... [FILE]...\n\nDESCRIPTION\n       -a, --append\n              append to the given FILEs, do not overwrite',
);
