import { normalize } from '../../host/fs/path.ts';
import { has, parseOrUsage } from './lib/args.ts';
import { errText, resolve } from './lib/io.ts';
import { def } from './def.ts';
import type { Process } from '../../host/process.ts';

/** canonical resolves a path; missing trailing components are allowed with -m (and one with -f). */
function canonical(p: Process, path: string, missing: 'none' | 'last' | 'all'): string {
  const abs = resolve(p, path);
  try {
    return p.fs.realpath(abs);
  } catch (e) {
    if (missing === 'none') throw e;
    const parts = normalize(abs).split('/').filter((x) => x);
    for (let i = parts.length - 1; i >= 0; i--) {
      const head = '/' + parts.slice(0, i).join('/');
      try {
        const real = p.fs.realpath(head);
        if (missing === 'last' && i < parts.length - 1) throw e;
        return (real === '/' ? '' : real) + '/' + parts.slice(i).join('/');
      } catch {
        continue;
      }
    }
    throw e;
  }
}

/** realpath prints resolved absolute paths. */
export const realpath = def(
  'realpath',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'emsqz', long: { 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-symlinks': 's', quiet: 'q' } });
    if (typeof a === 'number') return a;
    if (a.args.length === 0) {
      p.stderr.write("realpath: missing operand\nTry 'realpath --help' for more information.\n");
      return 1;
    }
    let code = 0;
    for (const f of a.args) {
      try {
        p.stdout.write((has(a, 's') ? normalize(resolve(p, f)) : canonical(p, f, has(a, 'm') ? 'all' : has(a, 'e') ? 'none' : 'last')) + '\n');
      } catch (e) {
        if (!has(a, 'q')) p.stderr.write(`realpath: ${f}: ${errText(e)}\n`);
        code = 1;
      }
    }
    return code;
  },
  'realpath - print the resolved path\n\nSYNOPSIS\n       realpath [OPTION]... FILE...',
);

/** readlink prints symlink targets, or canonical paths with -f/-e/-m. */
export const readlink = def(
  'readlink',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'femnqsvz', long: { canonicalize: 'f', 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-newline': 'n' } });
    if (typeof a === 'number') return a;
    if (a.args.length === 0) {
      p.stderr.write("readlink: missing operand\nTry 'readlink --help' for more information.\n");
      return 1;
    }
    let code = 0;
    const nl = has(a, 'n') ? '' : '\n';
    for (const f of a.args) {
      try {
        if (has(a, 'f') || has(a, 'e') || has(a, 'm')) p.stdout.write(canonical(p, f, has(a, 'm') ? 'all' : has(a, 'e') ? 'none' : 'last') + nl);
        else p.stdout.write(p.fs.readlink(resolve(p, f)) + nl);
      } catch (e) {
        if (has(a, 'v')) p.stderr.write(`readlink: ${f}: ${errText(e)}\n`);
        code = 1;
      }
    }
    return code;
  },
  'readlink - print resolved symbolic links or canonical file names\n\nSYNOPSIS\n       readlink [OPTION]... FILE...',
);
