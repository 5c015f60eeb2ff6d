import { formatPrintf } from './lib/printf.ts';
import { def } from './def.ts';

/** printf is /usr/bin/printf (GNU). */
export const printf = def(
  'printf',
  async (p) => {
    const args = p.argv.slice(1);
    if (args.length === 0) {
      p.stderr.write("printf: missing operand\nTry 'printf --help' for more information.\n");
      return 1;
    }
    const r = formatPrintf(args[0]!, args.slice(1), 'coreutils');
    p.stdout.write(r.out);
    for (const e of r.errors) p.stderr.write(`${p.argv[0]}: ${e}\n`);
    return r.errors.length ? 1 : 0;
  },
  'printf - format and print data\n\nSYNOPSIS\n       printf FORMAT [ARGUMENT]...\n\nDESCRIPTION\n       Print ARGUMENT(s) according to FORMAT.',
);
