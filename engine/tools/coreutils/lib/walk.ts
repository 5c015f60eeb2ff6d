import type { FileSystem } from '../../../host/types.ts';

/** walk visits path and (for directories, not following symlinks) everything below it, parents first. */
export function walk(fs: FileSystem, path: string, visit: (path: string, type: 'file' | 'dir' | 'symlink', depth: number) => boolean | void, depth = 0): void {
  const st = fs.lstat(path);
  if (visit(path, st.type, depth) === false) return;
  if (st.type !== 'dir') return;
  let names: string[];
  try {
    names = fs.readdir(path);
  } catch {
    return;
  }
  for (const n of names) walk(fs, path === '/' ? '/' + n : `${path}/${n}`, visit, depth + 1);
}
