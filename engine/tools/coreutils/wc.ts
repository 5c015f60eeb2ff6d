import { has, parseOrUsage } from './lib/args.ts';
import { errText, qf, readStdin, resolve } from './lib/io.ts';
import { utf8Length } from '../../host/fs/node.ts';
import { def } from './def.ts';

interface Counts {
  l: number;
  w: number;
  c: number;
  m: number;
  L: number;
}

function count(text: string): Counts {
  let l = 0;
  let w = 0;
  let L = 0;
  let cur = 0;
  let inWord = false;
  for (const ch of text) {
    if (ch === '\n') {
      l++;
      L = Math.max(L, cur);
      cur = 0;
    } else cur += ch === '\t' ? 8 - (cur % 8) : 1;
    const space = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\v' || ch === '\f';
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      w++;
    }
  }
  L = Math.max(L, cur);
  return { l, w, c: utf8Length(text), m: [...text].length, L };
}

/** wc counts lines, words and bytes. */
export const wc = def(
  'wc',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' } });
    if (typeof a === 'number') return a;
    let keys = (['l', 'w', 'm', 'c', 'L'] as const).filter((k) => has(a, k));
    if (keys.length === 0) keys = ['l', 'w', 'c'];
    const files = a.args.length ? a.args : ['-'];
    const rows: Array<{ c: Counts; name: string | undefined }> = [];
    let code = 0;
    let width = 1;
    let nonRegular = false;
    let totalBytes = 0;
    for (const f of files) {
      if (f === '-') nonRegular = true;
      else {
        try {
          const st = p.fs.stat(resolve(p, f));
          if (st.type === 'file') totalBytes += st.size;
          else nonRegular = true;
        } catch {
          // reported below
        }
      }
    }
    width = String(totalBytes).length;
    if (nonRegular) width = Math.max(width, 7);
    if (keys.length === 1 && files.length === 1) width = 1;
    const total: Counts = { l: 0, w: 0, c: 0, m: 0, L: 0 };
    for (const f of files) {
      let text: string;
      try {
        text = f === '-' ? await readStdin(p) : p.fs.readFile(resolve(p, f));
      } catch (e) {
        p.stderr.write(`wc: ${qf(f)}: ${errText(e)}\n`);
        code = 1;
        continue;
      }
      const c = count(text);
      for (const k of ['l', 'w', 'c', 'm'] as const) total[k] += c[k];
      total.L = Math.max(total.L, c.L);
      rows.push({ c, name: f === '-' && a.args.length === 0 ? undefined : f });
    }
    if (files.length > 1) rows.push({ c: total, name: 'total' });
    for (const r of rows) p.stdout.write(keys.map((k) => String(r.c[k]).padStart(width)).join(' ') + (r.name !== undefined ? ' ' + r.name : '') + '\n');
    return code;
  },
  'wc - print newline, word, and byte counts for each file\n\nSYNOPSIS\n       wc [OPTION]... [FILE]...\n\nDESCRIPTION\n       -c, --bytes\n              print the byte counts\n       -l, --lines\n              print the newline counts\n       -w, --words\n              print the word counts',
);
