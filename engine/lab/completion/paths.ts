import type { FileSystem } from '../../host/types.ts';

/**
 * completePath lists the entries of the directory a partial path points into
 * whose names start with the typed rest: folders end with "/", hidden files
 * only when the typed name starts with ".". Paths are returned as typed
 * (relative, ~-relative or absolute).
 */
export function completePath(fs: FileSystem, typed: string, cwd: string, home: string, opts: { dirsOnly?: boolean } = {}): string[] {
  const slash = typed.lastIndexOf('/');
  const dirPart = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const namePart = slash >= 0 ? typed.slice(slash + 1) : typed;
  let dir = dirPart === '' ? cwd : dirPart;
  if (dir.startsWith('~')) dir = home + dir.slice(1);
  if (!dir.startsWith('/')) dir = `${cwd.replace(/\/$/, '')}/${dir}`;
  let names: string[];
  try {
    names = fs.readdir(dir.replace(/(.)\/$/, '$1'));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names.sort()) {
    if (!n.startsWith(namePart)) continue;
    if (n.startsWith('.') && !namePart.startsWith('.')) continue;
    let isDir = false;
    try {
      isDir = fs.stat(`${dir.replace(/\/$/, '')}/${n}`).type === 'dir';
    } catch {
      isDir = false;
    }
    if (opts.dirsOnly && !isDir) continue;
    out.push(dirPart + n + (isDir ? '/' : ''));
  }
  return out;
}

/** completeCommand lists executables on PATH whose names start with typed. */
export function completeCommand(fs: FileSystem, path: string, typed: string): string[] {
  const out = new Set<string>();
  for (const dir of path.split(':').filter(Boolean)) {
    let names: string[];
    try {
      names = fs.readdir(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      if (!n.startsWith(typed)) continue;
      try {
        const st = fs.stat(`${dir}/${n}`);
        if (st.type === 'file' && (st.mode & 0o111) !== 0) out.add(n);
      } catch {
        // dangling link
      }
    }
  }
  return [...out];
}
