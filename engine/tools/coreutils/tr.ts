import { has, parseOrUsage } from './lib/args.ts';
import { ql } from './lib/io.ts';
import { def } from './def.ts';

const CLASSES: Record<string, () => string[]> = {
  upper: () => range('A', 'Z'), lower: () => range('a', 'z'), digit: () => range('0', '9'),
  alpha: () => [...range('A', 'Z'), ...range('a', 'z')], alnum: () => [...range('0', '9'), ...range('A', 'Z'), ...range('a', 'z')],
  space: () => [' ', '\t', '\n', '\r', '\v', '\f'], blank: () => [' ', '\t'], punct: () => [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'],
  xdigit: () => [...range('0', '9'), ...range('A', 'F'), ...range('a', 'f')], cntrl: () => Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat('\x7f'),
  print: () => Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), graph: () => Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)),
};

function range(a: string, b: string): string[] {
  const out: string[] = [];
  for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

function unescape(s: string, i: number): [string, number] {
  const c = s[i + 1];
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };
  if (c === undefined) return ['\\', 1];
  if (c in map) return [map[c]!, 2];
  const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), 1 + oct[0].length];
  return [c, 2];
}

/** expandSet turns a tr SET (ranges, classes, escapes, [c*n]) into characters. */
export function expandSet(s: string): string[] | string {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    const cls = /^\[:(\w+):\]/.exec(s.slice(i));
    if (cls) {
      const f = CLASSES[cls[1]!];
      if (!f) return `invalid character class ${ql(cls[1]!)}`;
      out.push(...f());
      i += cls[0].length;
      continue;
    }
    const rep = /^\[(.)\*(\d*)\]/.exec(s.slice(i));
    if (rep) {
      out.push(...Array(Number(rep[2] || 0) || 0).fill(rep[1]));
      i += rep[0].length;
      continue;
    }
    let c: string;
    let len: number;
    if (s[i] === '\\') [c, len] = unescape(s, i);
    else [c, len] = [s[i]!, 1];
    if (s[i + len] === '-' && i + len + 1 < s.length) {
      let d: string;
      let dl: number;
      if (s[i + len + 1] === '\\') [d, dl] = unescape(s, i + len + 1);
      else [d, dl] = [s[i + len + 1]!, 1];
      if (d < c) return `range-endpoints of '${c}-${d}' are in reverse collating sequence order`;
      out.push(...range(c, d));
      i += len + 1 + dl;
      continue;
    }
    out.push(c);
    i += len;
  }
  return out;
}

/** tr translates, squeezes or deletes characters from stdin. */
export const tr = def(
  'tr',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'cCdst', long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' } });
    if (typeof a === 'number') return a;
    const del = has(a, 'd');
    const squeeze = has(a, 's');
    const need = del && squeeze ? 2 : del || (squeeze && a.args.length === 1) ? 1 : 2;
    if (a.args.length < need) {
      p.stderr.write(a.args.length === 0 ? "tr: missing operand\nTry 'tr --help' for more information.\n" : `tr: missing operand after ${ql(a.args[0]!)}\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
      return 1;
    }
    if (a.args.length > need && !(need === 1 && squeeze && a.args.length === 2)) {
      p.stderr.write(`tr: extra operand ${ql(a.args[need]!)}\n${del && !squeeze ? 'Only one string may be given when deleting without squeezing repeats.\n' : ''}Try 'tr --help' for more information.\n`);
      return 1;
    }
    const s1 = expandSet(a.args[0]!);
    const s2 = a.args[1] !== undefined ? expandSet(a.args[1]) : [];
    if (typeof s1 === 'string' || typeof s2 === 'string') {
      p.stderr.write(`tr: ${typeof s1 === 'string' ? s1 : s2}\n`);
      return 1;
    }
    const comp = has(a, 'c') || has(a, 'C');
    const in1 = new Set(s1);
    const member = (c: string) => in1.has(c) !== comp;
    const map = new Map<string, string>();
    if (!del && s2.length) {
      if (comp) {
        // complemented SET1 maps everything else to the last char of SET2
      } else s1.forEach((c, i) => map.set(c, s2[Math.min(i, s2.length - 1)]!));
    }
    const sqSet = new Set(del ? s2 : s2.length ? s2 : s1);
    let text = '';
    for (;;) {
      const c = await p.stdin.read();
      if (c === null) break;
      text += c;
    }
    let out = '';
    let last = '';
    for (const ch of text) {
      if (del && member(ch)) continue;
      let o = ch;
      if (!del && s2.length) {
        if (comp) o = member(ch) ? s2[s2.length - 1]! : ch;
        else o = map.get(ch) ?? ch;
      }
      if (squeeze && o === last && (del || s2.length ? sqSet.has(o) : member(o))) continue;
      out += o;
      last = o;
    }
    p.stdout.write(out);
    return 0;
  },
  'tr - translate or delete characters\n\nSYNOPSIS\n       tr [OPTION]... SET1 [SET2]\n\nDESCRIPTION\n       Translate, squeeze, and/or delete characters from standard input, writing to standard output.\n\n       -d, --delete\n              delete characters in SET1, do not translate\n       -s, --squeeze-repeats\n              replace each sequence of a repeated character that is listed in the last specified SET, with a single occurrence of that character',
);
