import { FsError } from '../types.ts';
import { mayAccess, type Cred, type DirNode, type Node } from './node.ts';

/** MAX_SYMLINK_HOPS is Linux's limit before ELOOP. */
export const MAX_SYMLINK_HOPS = 40;

/** Resolved is where a path lands: the directory holding the last component, its name and the node (if it exists). */
export interface Resolved {
  parent: DirNode;
  name: string;
  node: Node | undefined;
}

/** components splits a path on '/' without empty parts, in one pass (one array, not split's and filter's). */
function components(path: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path.charCodeAt(i) === 47) {
      if (i > start) out.push(path.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

/** selfOf is where a path that ends on directory d lands (a module function: resolvePath runs for every file call). */
function selfOf(root: DirNode, d: DirNode): Resolved {
  return { parent: d.parent, name: d === root ? '' : d.name, node: d };
}

/**
 * resolvePath walks an absolute path from root for cred, following symlinks
 * in the middle of the path, and the last one too when follow is set. `.` and
 * `..` are resolved physically, as the kernel does. Search permission is
 * checked on every directory crossed. A trailing slash demands a directory.
 */
export function resolvePath(root: DirNode, path: string, cred: Cred, follow: boolean): Resolved {
  const trailingSlash = path.length > 1 && path.endsWith('/');
  if (trailingSlash) follow = true;
  let comps = components(path);
  let dir = root;
  let hops = 0;
  let i = 0;
  while (i < comps.length) {
    if (!mayAccess(dir, cred, 1)) throw new FsError('EACCES', path);
    const c = comps[i]!;
    const last = i === comps.length - 1;
    if (c === '.' || c === '..') {
      if (c === '..') dir = dir.parent;
      if (last) return selfOf(root, dir);
      i++;
      continue;
    }
    const node = dir.entries.get(c);
    if (!node) {
      if (last) return { parent: dir, name: c, node: undefined };
      throw new FsError('ENOENT', path);
    }
    if (node.type === 'symlink' && (!last || follow)) {
      if (++hops > MAX_SYMLINK_HOPS) throw new FsError('ELOOP', path);
      if (node.target.startsWith('/')) dir = root;
      comps = [...node.target.split('/').filter((x) => x !== ''), ...comps.slice(i + 1)];
      i = 0;
      if (comps.length === 0) return selfOf(root, dir);
      continue;
    }
    if (last) {
      if (trailingSlash && node.type !== 'dir') throw new FsError('ENOTDIR', path);
      return { parent: dir, name: c, node };
    }
    if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
    dir = node;
    i++;
  }
  return selfOf(root, dir);
}
