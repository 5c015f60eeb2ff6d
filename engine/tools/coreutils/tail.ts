import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, qa, ql, readStdin, resolve } from './lib/io.ts';
import { parseCount } from './head.ts';
import { def } from './def.ts';
import type { Process } from '../../host/process.ts';

function lastLines(text: string, n: number, fromStart: boolean): string {
  const lines = text.split(/(?<=\n)/).filter((l) => l !== '');
  if (fromStart) return lines.slice(Math.max(0, n - 1)).join('');
  return n === 0 ? '' : lines.slice(-n).join('');
}

async function follow(p: Process, files: string[], headers: boolean): Promise<number> {
  const sizes = new Map<string, string>();
  for (const f of files) {
    try {
      sizes.set(f, p.fs.readFile(resolve(p, f)));
    } catch {
      sizes.set(f, '');
    }
  }
  let lastShown = files[files.length - 1];
  while (await p.sys.sleep(1000, p.signal)) {
    for (const f of files) {
      let now: string;
      try {
        now = p.fs.readFile(resolve(p, f));
      } catch {
        continue;
      }
      const before = sizes.get(f) ?? '';
      if (now === before) continue;
      let add: string;
      if (now.length < before.length || !now.startsWith(before.slice(0, Math.min(before.length, 64)))) {
        p.stderr.write(`tail: ${f}: file truncated\n`);
        add = now;
      } else add = now.slice(before.length);
      sizes.set(f, now);
      if (headers && lastShown !== f) p.stdout.write(`\n==> ${f} <==\n`);
      lastShown = f;
      p.stdout.write(add);
    }
  }
  return 130;
}

/** tail prints the last lines of files; -f keeps printing what is appended until Ctrl-C. */
export const tail = def(
  'tail',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'fFqvz', withArg: 'nc', numeric: 'n', long: { 'lines=': 'n', 'bytes=': 'c', follow: 'f', quiet: 'q', verbose: 'v', retry: 'r' } });
    if (typeof a === 'number') return a;
    const cArg = val(a, 'c');
    const raw = cArg ?? val(a, 'n') ?? '10';
    const fromStart = raw.startsWith('+');
    const n = parseCount(raw.replace(/^[+-]/, ''));
    if (n === undefined) {
      p.stderr.write(`tail: invalid number of ${cArg !== undefined ? 'bytes' : 'lines'}: ${ql(raw)}\n`);
      return 1;
    }
    const files = a.args.length ? a.args : ['-'];
    const headers = has(a, 'v') || (files.length > 1 && !has(a, 'q'));
    let code = 0;
    let first = true;
    for (const f of files) {
      let text: string;
      try {
        text = f === '-' ? await readStdin(p) : p.fs.readFile(resolve(p, f));
      } catch (e) {
        p.stderr.write(`tail: cannot open ${qa(f)} for reading: ${errText(e)}\n`);
        code = 1;
        continue;
      }
      if (headers) p.stdout.write(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      first = false;
      if (cArg !== undefined) p.stdout.write(fromStart ? text.slice(Math.max(0, n - 1)) : n === 0 ? '' : text.slice(-n));
      else p.stdout.write(lastLines(text, n, fromStart));
    }
    if ((has(a, 'f') || has(a, 'F')) && !(files.length === 1 && files[0] === '-')) {
      const real = files.filter((f) => f !== '-');
      return code || follow(p, real, headers);
    }
    return code;
  },
  'tail - output the last part of files\n\nSYNOPSIS\n       tail [OPTION]... [FILE]...\n\nDESCRIPTION\n       Print the last 10 lines of each FILE to standard output.\n\n       -f, --follow\n              output appended data as the file grows\n       -n, --lines=[+]NUM\n              output the last NUM lines, instead of the last 10; or use -n +NUM to skip NUM-1 lines at the start',
);
