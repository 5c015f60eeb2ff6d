import { basename as base, dirname as dir } from '../../host/fs/path.ts';
import { has, parseOrUsage, val } from './lib/args.ts';
import { ql } from './lib/io.ts';
import { def } from './def.ts';

/** basename strips directory and suffix from names. */
export const basename = def(
  'basename',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'az', withArg: 's', long: { multiple: 'a', 'suffix=': 's', zero: 'z' } });
    if (typeof a === 'number') return a;
    if (a.args.length === 0) {
      p.stderr.write("basename: missing operand\nTry 'basename --help' for more information.\n");
      return 1;
    }
    const multi = has(a, 'a') || has(a, 's');
    let suffix = val(a, 's');
    let names = a.args;
    if (!multi) {
      if (names.length > 2) {
        p.stderr.write(`basename: extra operand ${ql(names[2]!)}\nTry 'basename --help' for more information.\n`);
        return 1;
      }
      suffix = names[1];
      names = [names[0]!];
    }
    const end = has(a, 'z') ? '\0' : '\n';
    for (const n of names) {
      let b = base(n);
      if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
      p.stdout.write(b + end);
    }
    return 0;
  },
  'basename - strip directory and suffix from filenames\n\nSYNOPSIS\n       basename NAME [SUFFIX]\n       basename OPTION... NAME...',
);

/** dirname strips the last component from names. */
export const dirname = def(
  'dirname',
  async (p) => {
    const args = p.argv.slice(1).filter((x) => x !== '--');
    if (args.length === 0) {
      p.stderr.write("dirname: missing operand\nTry 'dirname --help' for more information.\n");
      return 1;
    }
    for (const n of args) p.stdout.write(dir(n) + '\n');
    return 0;
  },
  'dirname - strip last component from file name\n\nSYNOPSIS\n       dirname [OPTION] NAME...',
);
