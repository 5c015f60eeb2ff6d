import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, forEachLine, lineSource, qa, ql, readText } from './lib/io.ts';
import { def } from './def.ts';

/** parseCount reads -n/-c values with GNU suffixes (K, M, b…). */
export function parseCount(s: string): number | undefined {
  const m = /^([+-]?\d+)(b|kB|K|KiB|k|MB|M|MiB|GB|G|GiB)?$/.exec(s);
  if (!m) return undefined;
  const mult: Record<string, number> = { b: 512, kB: 1000, K: 1024, KiB: 1024, k: 1024, MB: 1e6, M: 1048576, MiB: 1048576, GB: 1e9, G: 1073741824, GiB: 1073741824 };
  return Number(m[1]) * (m[2] ? mult[m[2]]! : 1);
}

/** head prints the first lines (or bytes) of files. */
export const head = def(
  'head',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'qvz', withArg: 'nc', numeric: 'n', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v' } });
    if (typeof a === 'number') return a;
    const nArg = val(a, 'n');
    const cArg = val(a, 'c');
    const bytes = cArg !== undefined && (nArg === undefined || a.opts.get('c') !== undefined);
    const raw = bytes ? cArg! : (nArg ?? '10');
    const n = parseCount(raw);
    if (n === undefined) {
      p.stderr.write(`head: invalid number of ${bytes ? 'bytes' : 'lines'}: ${ql(raw)}\n`);
      return 1;
    }
    const files = a.args.length ? a.args : ['-'];
    const headers = has(a, 'v') || (files.length > 1 && !has(a, 'q'));
    let code = 0;
    let first = true;
    for (const f of files) {
      try {
        const src = lineSource(p, f);
        if (headers) p.stdout.write(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
        first = false;
        if (bytes || raw.startsWith('-')) {
          const text = await readText(p, f);
          if (bytes) p.stdout.write(n < 0 || raw.startsWith('-') ? text.slice(0, Math.max(0, text.length + (n <= 0 ? n : -n))) : text.slice(0, n));
          else {
            const lines = text.split(/(?<=\n)/);
            p.stdout.write(lines.slice(0, Math.max(0, lines.length - Math.abs(n))).join(''));
          }
          continue;
        }
        let count = 0;
        if (n > 0) {
          await forEachLine(src, (line, nl) => {
            p.stdout.write(line + (nl ? '\n' : ''));
            return ++count < n;
          });
        }
      } catch (e) {
        p.stderr.write(`head: cannot open ${qa(f)} for reading: ${errText(e)}\n`);
        code = 1;
      }
    }
    return code;
  },
  'head - output the first part of files\n\nSYNOPSIS\n       head [OPTION]... [FILE]...\n\nDESCRIPTION\n       Print the first 10 lines of each FILE to standard output.\n\n       -c, --bytes=[-]NUM\n              print the first NUM bytes of each file\n       -n, --lines=[-]NUM\n              print the first NUM lines instead of the first 10',
);
