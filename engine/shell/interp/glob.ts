import { byteOrder } from '../../host/fs/memfs.ts';
import type { FileSystem } from '../../host/types.ts';
import { hasGlob, patternRegex, unescapeGlob } from '../../tools/coreutils/lib/pattern.ts';

/** GlobOptions are the shopt settings that change pathname expansion. */
export interface GlobOptions {
  dotglob: boolean;
  nocaseglob: boolean;
}

/**
 * globPaths expands a pattern against the filesystem the way bash does:
 * component by component, hidden files only when the component starts with
 * a literal dot, results in byte order. It returns [] when nothing matches
 * (the caller decides between the literal word, nullglob and failglob).
 */
export function globPaths(fs: FileSystem, cwd: string, pattern: string, opts: GlobOptions): string[] {
  const absolute = pattern.startsWith('/');
  const comps = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  if (absolute) comps.shift();
  let bases: string[] = [absolute ? '/' : ''];
  for (let ci = 0; ci < comps.length; ci++) {
    const comp = comps[ci]!;
    const last = ci === comps.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      const dir = base === '' ? cwd : base.startsWith('/') ? base : cwd + '/' + base;
      if (!hasGlob(comp)) {
        const name = unescapeGlob(comp);
        const path = join(base, name);
        if (last ? lexists(fs, abs(cwd, path)) : isDir(fs, abs(cwd, path))) next.push(path);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(dir);
      } catch {
        continue;
      }
      const re = patternRegex(comp, { pathname: true, nocase: opts.nocaseglob });
      const dotOk = opts.dotglob || comp.startsWith('.') || comp.startsWith('\\.');
      for (const n of names) {
        if (n.startsWith('.') && !dotOk) continue;
        if (!re.test(n)) continue;
        const path = join(base, n);
        if (!last && !isDir(fs, abs(cwd, path))) continue;
        next.push(path);
      }
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  if (pattern.endsWith('/')) bases = bases.map((b) => b + '/');
  return bases.sort(byteOrder);
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : base + '/' + name;
}

function abs(cwd: string, p: string): string {
  return p.startsWith('/') ? p : (cwd === '/' ? '' : cwd) + '/' + p;
}

function lexists(fs: FileSystem, p: string): boolean {
  try {
    fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

function isDir(fs: FileSystem, p: string): boolean {
  try {
    return fs.stat(p).type === 'dir';
  } catch {
    return false;
  }
}
