import type { Process } from '../../host/process.ts';
import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, forEachLine, resolve } from './lib/io.ts';
import { patternRegex } from './lib/pattern.ts';
import { posixToJs, RegexError } from './lib/regex.ts';
import { def } from './def.ts';

interface GrepOpts {
  invert: boolean;
  count: boolean;
  lineNo: boolean;
  filesWith: boolean;
  filesWithout: boolean;
  only: boolean;
  quiet: boolean;
  names: boolean;
  max: number;
  before: number;
  after: number;
  color: boolean;
}

function buildRegex(patterns: string[], mode: 'G' | 'E' | 'F', icase: boolean, word: boolean, line: boolean): RegExp {
  const parts = patterns.map((pt) => (mode === 'F' ? pt.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : posixToJs(pt, mode === 'E')));
  let src = parts.length === 1 ? parts[0]! : parts.map((x) => `(?:${x})`).join('|');
  if (word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  if (line) src = `^(?:${src})$`;
  return new RegExp(src, icase ? 'gi' : 'g');
}

async function grepStream(p: Process, src: { read(): Promise<string | null> }, name: string, re: RegExp, o: GrepOpts, state: { matched: boolean }): Promise<boolean> {
  let n = 0;
  let count = 0;
  let lastPrinted = 0;
  let pendingAfter = 0;
  const before: Array<[number, string]> = [];
  const prefix = (ln: number, sep: string) => (o.names ? `${o.color ? `\x1b[35m\x1b[K${name}\x1b[m\x1b[K\x1b[36m\x1b[K${sep}\x1b[m\x1b[K` : name + sep}` : '') + (o.lineNo ? `${o.color ? `\x1b[32m\x1b[K${ln}\x1b[m\x1b[K\x1b[36m\x1b[K${sep}\x1b[m\x1b[K` : ln + sep}` : '');
  const ctx = o.before > 0 || o.after > 0;
  let stop = false;
  await forEachLine(src, (line) => {
    n++;
    re.lastIndex = 0;
    const hit = re.test(line) !== o.invert;
    if (!hit) {
      if (pendingAfter > 0 && !o.count && !o.filesWith && !o.filesWithout && !o.quiet) {
        p.stdout.write(prefix(n, '-') + line + '\n');
        lastPrinted = n;
        pendingAfter--;
      } else if (o.before > 0) {
        before.push([n, line]);
        if (before.length > o.before) before.shift();
      }
      return !stop;
    }
    count++;
    state.matched = true;
    if (o.quiet || o.filesWith) return false;
    if (o.filesWithout) return false;
    if (!o.count) {
      if (ctx && lastPrinted > 0 && (before.length ? before[0]![0] : n) > lastPrinted + 1) p.stdout.write(o.color ? '\x1b[36m\x1b[K--\x1b[m\x1b[K\n' : '--\n');
      for (const [bn, bl] of before) p.stdout.write(prefix(bn, '-') + bl + '\n');
      before.length = 0;
      if (o.only && !o.invert) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') p.stdout.write(prefix(n, ':') + (o.color ? `\x1b[01;31m\x1b[K${m[0]}\x1b[m\x1b[K` : m[0]) + '\n');
      } else {
        const shown = o.color && !o.invert ? line.replace(re, (m) => (m ? `\x1b[01;31m\x1b[K${m}\x1b[m\x1b[K` : m)) : line;
        p.stdout.write(prefix(n, ':') + shown + '\n');
      }
      lastPrinted = n;
      pendingAfter = o.after;
    }
    if (count >= o.max) {
      stop = true;
      return o.after > 0;
    }
    return true;
  });
  if (o.count) p.stdout.write((o.names ? name + ':' : '') + count + '\n');
  if (o.filesWith && count > 0) p.stdout.write(name + '\n');
  if (o.filesWithout && count === 0) p.stdout.write(name + '\n');
  return count > 0;
}

/** grep searches lines for patterns (BRE by default, -E ERE, -F fixed). */
function makeGrep(name: string, mode: 'G' | 'E' | 'F') {
  return def(
    name,
    async (p) => {
      const a = parseOrUsage(p, { flags: 'EFGivwxcnlLoqsrRhHTIUz', withArg: 'efmABCd', long: { 'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', 'ignore-case': 'i', 'invert-match': 'v', 'word-regexp': 'w', 'line-regexp': 'x', count: 'c', 'line-number': 'n', 'files-with-matches': 'l', 'files-without-match': 'L', 'only-matching': 'o', quiet: 'q', silent: 'q', 'no-messages': 's', recursive: 'r', 'dereference-recursive': 'R', 'no-filename': 'h', 'with-filename': 'H', 'regexp=': 'e', 'file=': 'f', 'max-count=': 'm', 'after-context=': 'A', 'before-context=': 'B', 'context=': 'C', 'color=': 'color', colour: 'color', 'colour=': 'color', color: 'color', 'include=': 'include', 'exclude=': 'exclude', 'exclude-dir=': 'exclude-dir' }, usageCode: 2, numeric: 'C' });
      if (typeof a === 'number') return a;
      const m: 'G' | 'E' | 'F' = has(a, 'F') ? 'F' : has(a, 'E') ? 'E' : has(a, 'G') ? 'G' : mode;
      let patterns = a.opts.get('e') ?? [];
      for (const f of a.opts.get('f') ?? []) {
        try {
          patterns = [...patterns, ...p.fs.readFile(resolve(p, f)).split('\n').filter((x, i, arr) => i < arr.length - 1 || x !== '')];
        } catch (e) {
          p.stderr.write(`${name}: ${f}: ${errText(e)}\n`);
          return 2;
        }
      }
      const args = [...a.args];
      if (patterns.length === 0) {
        if (args.length === 0) {
          p.stderr.write(`Usage: ${name} [OPTION]... PATTERNS [FILE]...\nTry '${name} --help' for more information.\n`);
          return 2;
        }
        patterns = args.shift()!.split('\n');
      }
      let re: RegExp;
      try {
        re = buildRegex(patterns, m, has(a, 'i'), has(a, 'w'), has(a, 'x'));
      } catch (e) {
        p.stderr.write(`${name}: ${e instanceof RegexError ? e.message : 'Invalid regular expression'}\n`);
        return 2;
      }
      const recursive = has(a, 'r') || has(a, 'R');
      const files = args.length ? args : recursive ? ['.'] : ['-'];
      const ctxN = val(a, 'C') !== undefined ? Number(val(a, 'C')) : 0;
      const colorOpt = val(a, 'color');
      const o: GrepOpts = {
        invert: has(a, 'v'), count: has(a, 'c'), lineNo: has(a, 'n'), filesWith: has(a, 'l'), filesWithout: has(a, 'L'), only: has(a, 'o'), quiet: has(a, 'q'),
        names: has(a, 'H') || (!has(a, 'h') && (files.length > 1 || recursive)), max: val(a, 'm') !== undefined ? Number(val(a, 'm')) : Infinity,
        before: val(a, 'B') !== undefined ? Number(val(a, 'B')) : ctxN, after: val(a, 'A') !== undefined ? Number(val(a, 'A')) : ctxN,
        color: colorOpt === 'always' || ((colorOpt === 'auto' || colorOpt === '') && p.stdout.isTTY),
      };
      const include = a.opts.get('include') ?? [];
      const exclude = a.opts.get('exclude') ?? [];
      const state = { matched: false };
      let trouble = false;
      const one = async (f: string, top: boolean): Promise<void> => {
        if (f === '-') {
          await grepStream(p, p.stdin, '(standard input)', re, o, state);
          return;
        }
        const path = resolve(p, f);
        let st;
        try {
          st = p.fs.stat(path);
        } catch (e) {
          if (!has(a, 's')) p.stderr.write(`${name}: ${f}: ${errText(e)}\n`);
          trouble = true;
          return;
        }
        if (st.type === 'dir') {
          if (!recursive) {
            if (!has(a, 's')) p.stderr.write(`${name}: ${f}: Is a directory\n`);
            trouble = true;
            return;
          }
          if (!top && !has(a, 'R') && p.fs.lstat(path).type === 'symlink') return;
          let names: string[] = [];
          try {
            names = p.fs.readdir(path);
          } catch (e) {
            p.stderr.write(`${name}: ${f}: ${errText(e)}\n`);
            trouble = true;
          }
          for (const n of names) {
            if ((a.opts.get('exclude-dir') ?? []).some((x) => patternRegex(x).test(n))) continue;
            await one(f === '.' && !args.length ? n : `${f.replace(/\/+$/, '')}/${n}`, false);
            if (state.matched && o.quiet) return;
          }
          return;
        }
        const base = f.split('/').pop()!;
        if (!top && include.length && !include.some((x) => patternRegex(x).test(base))) return;
        if (exclude.some((x) => patternRegex(x).test(base))) return;
        if (!top && !has(a, 'R') && p.fs.lstat(path).type === 'symlink') return;
        let text: string;
        try {
          text = p.fs.readFile(path);
        } catch (e) {
          if (!has(a, 's')) p.stderr.write(`${name}: ${f}: ${errText(e)}\n`);
          trouble = true;
          return;
        }
        let done = false;
        await grepStream(p, { read: () => Promise.resolve(done || text === '' ? null : ((done = true), text)) }, f, re, o, state);
      };
      for (const f of files) {
        await one(f, true);
        if (state.matched && o.quiet) return 0;
      }
      if (trouble && !(o.quiet && state.matched)) return 2;
      return state.matched ? 0 : 1;
    },
    `${name} - print lines that match patterns\n\nSYNOPSIS\n       ${name} [OPTION...] PATTERNS [FILE...]\n\nDESCRIPTION\n       -E  extended regular expressions; -F fixed strings; -i ignore case; -v invert match; -w whole words; -c count; -n line numbers; -l files with matches; -o only the matching part; -r recursive; -A/-B/-C NUM context lines; -q quiet.`,
  );
}

/** grep, egrep and fgrep. */
export const grep = makeGrep('grep', 'G');
export const egrep = makeGrep('egrep', 'E');
export const fgrep = makeGrep('fgrep', 'F');
