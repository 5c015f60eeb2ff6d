import { decodeBase64, encodeBase64 } from '../../base/base64.ts';
import type { Clock } from '../../base/clock.ts';
import { MemFs } from './memfs.ts';
import { childPath, type DirNode, type FileNode, type Node } from './node.ts';

/**
 * One entry of a snapshot, in depth-first order so parents come first:
 * [path, kind, ino, mode, uid, gid, mtime, data]. kind is d (dir), f (text
 * file), b (bytes, data in base64), l (symlink, data = target), n (null
 * device) or h (another name of an inode seen earlier; only path, kind, ino).
 */
export type SnapEntry = [string, 'd' | 'f' | 'b' | 'l' | 'n', number, number, number, number, number, string?] | [string, 'h', number];

/** FsSnapshot is the whole tree as plain JSON-able data, for persistence and rewind. */
export interface FsSnapshot {
  v: 1;
  next: number;
  nodes: SnapEntry[];
}

/** snapshotFs captures every inode of fs. */
export function snapshotFs(fs: MemFs): FsSnapshot {
  const nodes: SnapEntry[] = [];
  const seen = new Set<number>();
  const r = fs.root;
  nodes.push(['/', 'd', r.ino, r.mode, r.uid, r.gid, r.mtime]);
  const walk = (dir: DirNode) => {
    for (const [name, n] of dir.entries) {
      const path = childPath(dir, name);
      // a shared layer's node shows the inode number and mtime the tree gives it
      const { ino, mtime } = n.shared ? fs.statOf(n) : n;
      if (n.type !== 'dir' && seen.has(ino)) {
        nodes.push([path, 'h', ino]);
        continue;
      }
      seen.add(ino);
      nodes.push(entryOf(path, n, ino, mtime));
      if (n.type === 'dir') walk(n);
    }
  };
  walk(r);
  return { v: 1, next: fs.nextIno, nodes };
}

function entryOf(path: string, n: Node, ino: number, mtime: number): SnapEntry {
  const head = [ino, n.mode, n.uid, n.gid, mtime] as const;
  if (n.type === 'dir') return [path, 'd', ...head];
  if (n.type === 'symlink') return [path, 'l', ...head, n.target];
  if (n.device === 'null') return [path, 'n', ...head];
  if (typeof n.data === 'string') return [path, 'f', ...head, n.data];
  return [path, 'b', ...head, encodeBase64(n.data)];
}

/** restoreFs rebuilds a MemFs from a snapshot; the clock drives later mtimes. */
export function restoreFs(snap: FsSnapshot, clock: Clock): MemFs {
  const fs = new MemFs(clock);
  const byIno = new Map<number, Node>();
  const dirs = new Map<string, DirNode>();
  for (const e of snap.nodes) {
    const path = e[0];
    if (path === '/') {
      const [, , ino, mode, uid, gid, mtime] = e as [string, 'd', number, number, number, number, number];
      Object.assign(fs.root, { ino, mode, uid, gid, mtime });
      dirs.set('/', fs.root);
      continue;
    }
    const slash = path.lastIndexOf('/');
    const parent = dirs.get(slash === 0 ? '/' : path.slice(0, slash));
    if (!parent) throw new Error(`snapshot: missing parent of ${path}`);
    const name = path.slice(slash + 1);
    let node: Node;
    if (e[1] === 'h') {
      const n = byIno.get(e[2]);
      if (!n) throw new Error(`snapshot: unknown inode ${e[2]}`);
      node = n;
    } else {
      const [, kind, ino, mode, uid, gid, mtime, data] = e;
      if (kind === 'd') {
        node = fs.newDir(mode, uid, gid);
        dirs.set(path, node);
      } else if (kind === 'l') {
        node = { type: 'symlink', ino, mode, uid, gid, mtime, nlink: 0, target: data ?? '' };
      } else {
        const content = kind === 'b' ? decodeBase64(data ?? '') : (data ?? '');
        node = fs.newFile(content, mode, uid, gid);
        if (kind === 'n') (node as FileNode).device = 'null';
      }
      Object.assign(node, { ino, mtime });
      byIno.set(ino, node);
    }
    const keep = node.mtime;
    const parentMtime = parent.mtime;
    fs.attach(parent, name, node);
    node.mtime = keep;
    parent.mtime = parentMtime;
  }
  // Directory mtimes were disturbed by later attaches; set them again in a second pass.
  for (const e of snap.nodes) if (e[1] === 'd') dirs.get(e[0])!.mtime = e[6];
  fs.nextIno = snap.next;
  return fs;
}

/** cloneFs copies a filesystem through a snapshot. */
export function cloneFs(fs: MemFs): MemFs {
  return restoreFs(snapshotFs(fs), fs.clock);
}
