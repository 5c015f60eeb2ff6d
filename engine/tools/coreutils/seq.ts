import { has, parseOrUsage, val } from './lib/args.ts';
import { formatPrintf } from './lib/printf.ts';
import { ql } from './lib/io.ts';
import { def } from './def.ts';

/** seq prints a sequence of numbers. */
export const seq = def(
  'seq',
  async (p) => {
    const argv = p.argv.slice(1);
    const a = parseOrUsage({ ...p, argv: [p.argv[0]!, ...argv.map((x) => (/^-\d/.test(x) ? `\u0000${x}` : x))] }, { flags: 'w', withArg: 'sf', long: { 'separator=': 's', 'format=': 'f', 'equal-width': 'w' } });
    if (typeof a === 'number') return a;
    const nums = a.args.map((x) => x.replace(/^\u0000/, ''));
    if (nums.length === 0 || nums.length > 3) {
      p.stderr.write(nums.length === 0 ? "seq: missing operand\nTry 'seq --help' for more information.\n" : `seq: extra operand ${ql(nums[3]!)}\nTry 'seq --help' for more information.\n`);
      return 1;
    }
    for (const n of nums) {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(n)) {
        p.stderr.write(`seq: invalid floating point argument: ${ql(n)}\nTry 'seq --help' for more information.\n`);
        return 1;
      }
    }
    const [first, inc, last] = nums.length === 1 ? ['1', '1', nums[0]!] : nums.length === 2 ? [nums[0]!, '1', nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
    const dec = Math.max(...[first, inc].map((x) => (x.includes('.') ? x.split('.')[1]!.length : 0)));
    const f = Number(first);
    const s = Number(inc);
    const l = Number(last);
    if (s === 0) {
      p.stderr.write(`seq: invalid Zero increment value: ${ql(inc)}\nTry 'seq --help' for more information.\n`);
      return 1;
    }
    const sep = val(a, 's') ?? '\n';
    const fmt = val(a, 'f');
    const out: string[] = [];
    const width = has(a, 'w') ? Math.max(f.toFixed(dec).length, l.toFixed(dec).length) : 0;
    for (let i = 0; ; i++) {
      const v = f + i * s;
      if (s > 0 ? v > l + 1e-9 : v < l - 1e-9) break;
      let t = fmt ? formatPrintf(fmt, [String(v)], 'coreutils').out : v.toFixed(dec);
      if (width) t = t.startsWith('-') ? '-' + t.slice(1).padStart(width - 1, '0') : t.padStart(width, '0');
      out.push(t);
      if (out.length > 10_000_000) break;
    }
    if (out.length) p.stdout.write(out.join(sep) + '\n');
    return 0;
  },
  'seq - print a sequence of numbers\n\nSYNOPSIS\n       seq [OPTION]... LAST\n       seq [OPTION]... FIRST LAST\n       seq [OPTION]... FIRST INCREMENT LAST',
);
