import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, forEachLine, lineSource, qf } from './lib/io.ts';
import { def } from './def.ts';

type Range = [number, number];

function parseList(s: string): Range[] | string {
  const out: Range[] = [];
  for (const part of s.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') return `invalid byte, character or field list`;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a === 0 || b === 0) return 'fields and positions are numbered from 1';
    if (b < a) return 'invalid decreasing range';
    out.push([a, b]);
  }
  return out;
}

const inList = (ranges: Range[], i: number) => ranges.some(([a, b]) => i >= a && i <= b);

/** cut prints selected fields (-f with -d), characters (-c) or bytes (-b) of each line. */
export const cut = def(
  'cut',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'nsz', withArg: 'bcdf', long: { 'bytes=': 'b', 'characters=': 'c', 'delimiter=': 'd', 'fields=': 'f', 'only-delimited': 's', complement: 'C', 'output-delimiter=': 'O' } });
    if (typeof a === 'number') return a;
    const modes = ['b', 'c', 'f'].filter((m) => has(a, m));
    if (modes.length === 0) {
      p.stderr.write("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
      return 1;
    }
    if (modes.length > 1) {
      p.stderr.write("cut: only one type of list may be specified\nTry 'cut --help' for more information.\n");
      return 1;
    }
    const mode = modes[0]!;
    const list = parseList(val(a, mode)!);
    if (typeof list === 'string') {
      p.stderr.write(`cut: ${list}\nTry 'cut --help' for more information.\n`);
      return 1;
    }
    const delim = val(a, 'd') ?? '\t';
    if (delim.length !== 1) {
      p.stderr.write("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
      return 1;
    }
    if (has(a, 'd') && mode !== 'f') {
      p.stderr.write("cut: an input delimiter may be specified only when operating on fields\nTry 'cut --help' for more information.\n");
      return 1;
    }
    const comp = has(a, 'C');
    const outDelim = val(a, 'O');
    const pick = (i: number) => inList(list, i) !== comp;
    let code = 0;
    for (const f of a.args.length ? a.args : ['-']) {
      let src;
      try {
        src = lineSource(p, f);
      } catch (e) {
        p.stderr.write(`cut: ${qf(f)}: ${errText(e)}\n`);
        code = 1;
        continue;
      }
      await forEachLine(src, (line) => {
        if (mode === 'f') {
          if (!line.includes(delim)) {
            if (!has(a, 's')) p.stdout.write(line + '\n');
            return;
          }
          const parts = line.split(delim);
          p.stdout.write(parts.filter((_, i) => pick(i + 1)).join(outDelim ?? delim) + '\n');
        } else {
          const chars = [...line];
          if (outDelim !== undefined) {
            const groups: string[] = [];
            let cur = '';
            chars.forEach((c, i) => {
              if (pick(i + 1)) cur += c;
              else if (cur) {
                groups.push(cur);
                cur = '';
              }
            });
            if (cur) groups.push(cur);
            p.stdout.write(groups.join(outDelim) + '\n');
          } else p.stdout.write(chars.filter((_, i) => pick(i + 1)).join('') + '\n');
        }
      });
    }
    return code;
  },
  'cut - remove sections from each line of files\n\nSYNOPSIS\n       cut OPTION... [FILE]...\n\nDESCRIPTION\n       -b, --bytes=LIST\n              select only these bytes\n       -c, --characters=LIST\n              select only these characters\n       -d, --delimiter=DELIM\n              use DELIM instead of TAB for field delimiter\n       -f, --fields=LIST\n              select only these fields',
);
