import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, qf, ql, readText, resolve, splitLines } from './lib/io.ts';
import { def } from './def.ts';

interface Key {
  f1: number;
  c1: number;
  f2: number;
  c2: number;
  flags: string;
}

function parseKey(s: string): Key | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinMRrV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinMRrV]*))?$/.exec(s);
  if (!m || Number(m[1]) === 0) return undefined;
  return { f1: Number(m[1]), c1: Number(m[2] ?? 1), f2: m[4] ? Number(m[4]) : Infinity, c2: m[5] ? Number(m[5]) : 0, flags: (m[3] ?? '') + (m[6] ?? '') };
}

/** fieldStarts returns where each field begins: at each separator, or at blank runs without -t. */
function fields(line: string, sep: string | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (sep !== undefined) {
    let start = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === sep) {
        out.push([start, i]);
        start = i + 1;
      }
    }
    return out;
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push([start, i]);
  }
  return out;
}

function keyText(line: string, k: Key, sep: string | undefined, blanks: boolean): string {
  const fs = fields(line, sep);
  const f1 = fs[k.f1 - 1];
  if (!f1) return '';
  let s = f1[0];
  if (blanks || k.flags.includes('b')) while (s < f1[1] && (line[s] === ' ' || line[s] === '\t')) s++;
  s = Math.min(s + k.c1 - 1, f1[1]);
  let e: number;
  if (k.f2 === Infinity) e = line.length;
  else {
    const f2 = fs[k.f2 - 1];
    e = !f2 ? line.length : k.c2 === 0 ? f2[1] : Math.min(f2[0] + k.c2, f2[1]);
  }
  return line.slice(s, Math.max(s, e));
}

const HUMAN: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

function numVal(s: string, human: boolean): number {
  const m = /^\s*(-?\d*\.?\d+)([KkMGTPE]?)/.exec(s);
  if (!m) return 0;
  const v = Number(m[1]);
  return human && m[2] ? v * 1024 ** HUMAN[m[2]]! : v;
}

function cmp(a: string, b: string, flags: string): number {
  if (flags.includes('n') || flags.includes('h') || flags.includes('g')) {
    const x = numVal(a, flags.includes('h'));
    const y = numVal(b, flags.includes('h'));
    if (x !== y) return x < y ? -1 : 1;
    return 0;
  }
  if (flags.includes('V')) return a.localeCompare(b, undefined, { numeric: true });
  if (flags.includes('M')) {
    const mon = (s: string) => ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].indexOf(s.trim().slice(0, 3).toUpperCase());
    return mon(a) - mon(b);
  }
  if (flags.includes('f')) {
    a = a.toUpperCase();
    b = b.toUpperCase();
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** sort sorts lines: -n -r -k -t -u -h -f -V -o -s -c. */
export const sort = def(
  'sort',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'bcdfghMnrRsuVC', withArg: 'ktoS', long: { numeric: 'n', 'numeric-sort': 'n', reverse: 'r', 'key=': 'k', 'field-separator=': 't', unique: 'u', 'human-numeric-sort': 'h', 'ignore-case': 'f', 'version-sort': 'V', 'output=': 'o', stable: 's', check: 'c', 'ignore-leading-blanks': 'b', 'general-numeric-sort': 'g', 'month-sort': 'M' }, usageCode: 2 });
    if (typeof a === 'number') return a;
    const sep = val(a, 't');
    if (sep !== undefined && sep.length !== 1) {
      p.stderr.write(`sort: multi-character tab ${ql(sep)}\n`);
      return 2;
    }
    const keys: Key[] = [];
    for (const k of a.opts.get('k') ?? []) {
      const parsed = parseKey(k);
      if (!parsed) {
        p.stderr.write(`sort: invalid number at field start: invalid count at start of ${ql(k)}\n`);
        return 2;
      }
      keys.push(parsed);
    }
    const global = ['n', 'h', 'f', 'V', 'g', 'M', 'b'].filter((f) => has(a, f)).join('');
    const rev = has(a, 'r');
    let lines: string[] = [];
    for (const f of a.args.length ? a.args : ['-']) {
      try {
        lines.push(...splitLines(await readText(p, f)));
      } catch (e) {
        p.stderr.write(`sort: cannot read: ${qf(f)}: ${errText(e)}\n`);
        return 2;
      }
    }
    const compare = (x: string, y: string): number => {
      for (const k of keys) {
        const fl = k.flags.replace(/[br]/g, '') || global;
        let c = cmp(keyText(x, k, sep, global.includes('b')), keyText(y, k, sep, global.includes('b')), fl);
        if (k.flags.includes('r')) c = -c;
        if (c !== 0) return c;
      }
      if (keys.length === 0) {
        const c = cmp(x, y, global);
        if (c !== 0) return c;
      }
      return 0;
    };
    const full = (x: string, y: string): number => {
      const c = compare(x, y);
      if (c !== 0 || has(a, 'u') || has(a, 's')) return rev ? -c : c;
      const last = x < y ? -1 : x > y ? 1 : 0;
      return rev ? -last : last;
    };
    if (has(a, 'c') || has(a, 'C')) {
      for (let i = 1; i < lines.length; i++) {
        if (full(lines[i - 1]!, lines[i]!) > 0 || (has(a, 'u') && full(lines[i - 1]!, lines[i]!) === 0)) {
          if (has(a, 'c')) p.stderr.write(`sort: ${a.args[0] ?? '-'}:${i + 1}: disorder: ${lines[i]}\n`);
          return 1;
        }
      }
      return 0;
    }
    lines = lines.map((l, i) => [l, i] as const).sort((x, y) => full(x[0], y[0]) || x[1] - y[1]).map(([l]) => l);
    if (has(a, 'u')) lines = lines.filter((l, i) => i === 0 || compare(lines[i - 1]!, l) !== 0);
    const text = lines.map((l) => l + '\n').join('');
    const o = val(a, 'o');
    if (o !== undefined) {
      try {
        p.fs.writeFile(resolve(p, o), text);
      } catch (e) {
        p.stderr.write(`sort: open failed: ${o}: ${errText(e)}\n`);
        return 2;
      }
    } else p.stdout.write(text);
    return 0;
  },
  'sort - sort lines of text files\n\nSYNOPSIS\n       sort [OPTION]... [FILE]...\n\nDESCRIPTION\n       -n, --numeric-sort\n              compare according to string numerical value\n       -r, --reverse\n              reverse the result of comparisons\n       -k, --key=KEYDEF\n              sort via a key\n       -t, --field-separator=SEP\n              use SEP instead of non-blank to blank transition\n       -u, --unique\n              output only the first of an equal run\n       -h, --human-numeric-sort\n              compare human readable numbers (e.g., 2K 1G)',
);
