/**
 * Path helpers shared by the filesystem, the shell and the coreutils. They are
 * lexical: `..` is resolved physically by the filesystem itself, so callers
 * pass `cwd + '/' + p` through absPath and let the fs walk it.
 */

/** absPath makes p absolute against cwd without touching `.` or `..` (the fs resolves them physically). */
export function absPath(cwd: string, p: string): string {
  if (p.startsWith('/')) return collapseSlashes(p);
  if (p === '') return collapseSlashes(cwd);
  return collapseSlashes(cwd + '/' + p);
}

/** collapseSlashes turns runs of "/" into one and drops a trailing "/" (except for the root). */
export function collapseSlashes(p: string): string {
  let out = p.replace(/\/{2,}/g, '/');
  if (out.length > 1 && out.endsWith('/')) out = out.slice(0, -1);
  return out;
}

/** normalize resolves `.` and `..` lexically (for display, PWD and cd -L). */
export function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = out.join('/');
  return abs ? '/' + s : s === '' ? '.' : s;
}

/** splitPath returns the non-empty components of an absolute path. */
export function splitPath(p: string): string[] {
  return p.split('/').filter((c) => c !== '');
}

/** dirname behaves like POSIX dirname(1). */
export function dirname(p: string): string {
  if (p === '') return '.';
  let s = p.replace(/\/+$/, '');
  if (s === '') return '/';
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  s = s.slice(0, i).replace(/\/+$/, '');
  return s === '' ? '/' : s;
}

/** basename behaves like POSIX basename(1) without a suffix. */
export function basename(p: string): string {
  if (p === '') return '';
  const s = p.replace(/\/+$/, '');
  if (s === '') return '/';
  return s.slice(s.lastIndexOf('/') + 1);
}

/** joinPath joins segments with "/" and collapses duplicate slashes. */
export function joinPath(...parts: string[]): string {
  return collapseSlashes(parts.filter((p) => p !== '').join('/'));
}
