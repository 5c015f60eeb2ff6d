import type { Clock } from '../../base/clock.ts';
import { FsError, type FileStat, type FileSystem, type WriteOptions } from '../types.ts';
import { childPath, concatData, dataSize, mayAccess, pathOfDir, ROOT_CRED, type Cred, type DirNode, type FileNode, type Node } from './node.ts';
import { resolvePath, type Resolved } from './resolve.ts';
import { FsView } from './view.ts';
import { Watchers } from './watch.ts';

/**
 * MemFs is one host's whole filesystem: an inode tree in memory. Every
 * operation takes the caller's credentials; view(cred) wraps them into the
 * FileSystem contract that processes see, and `fs` is root's view.
 */
export class MemFs {
  root: DirNode;
  /** next inode number to hand out */
  nextIno = 2;
  readonly watchers = new Watchers();
  /** fs is the filesystem as root sees it (no permission checks). */
  readonly fs: FileSystem;
  /**
   * lower is set once a shared layer was laid into this tree (layer.ts): its
   * nodes' inode numbers are offset by base here, and their mtime is the time
   * the layer was laid.
   */
  lower: { base: number; mtime: number } | undefined;

  constructor(readonly clock: Clock) {
    this.root = this.newDir(0o755, 0, 0);
    this.root.ino = 1;
    this.nextIno = 2;
    this.fs = this.view(ROOT_CRED);
  }

  /** view returns the FileSystem as seen by cred (permissions enforced unless cred is root). */
  view(cred: Cred): FileSystem {
    return new FsView(this, cred);
  }

  /** newDir makes a detached directory node (its own parent until linked). */
  newDir(mode: number, uid: number, gid: number): DirNode {
    const d = { type: 'dir', ino: this.nextIno++, mode, uid, gid, mtime: this.clock.now(), nlink: 2, entries: new Map(), sharedEntries: false, name: '' } as unknown as DirNode;
    d.parent = d;
    return d;
  }

  /** newFile makes a detached file node. */
  newFile(data: string | Uint8Array, mode: number, uid: number, gid: number): FileNode {
    return { type: 'file', ino: this.nextIno++, mode, uid, gid, mtime: this.clock.now(), nlink: 0, data, size: dataSize(data) };
  }

  /** resolve walks path for cred (see resolvePath). */
  resolve(path: string, cred: Cred, follow: boolean): Resolved {
    if (!path.startsWith('/')) path = '/' + path;
    return resolvePath(this.root, path, cred, follow);
  }

  /** lookup returns the node at path or throws ENOENT. */
  lookup(path: string, cred: Cred, follow: boolean): Node {
    const r = this.resolve(path, cred, follow);
    if (!r.node) throw new FsError('ENOENT', path);
    return r.node;
  }

  /** stat builds the FileStat of a node. */
  statOf(n: Node): FileStat {
    const size = n.type === 'file' ? n.size : n.type === 'dir' ? 4096 : dataSize(n.target);
    const lower = n.shared ? this.lower : undefined;
    return { type: n.type, mode: n.mode, uid: n.uid, gid: n.gid, size, mtime: lower ? lower.mtime : n.mtime, ino: lower ? n.ino + lower.base : n.ino, nlink: n.nlink };
  }

  /**
   * own returns parent/name's node ready to be changed: a node of a shared
   * layer is first copied into this tree (overlayfs' copy-up), with the inode
   * number and mtime it showed, so the other trees holding it never see the change.
   */
  own(parent: DirNode, name: string, n: Node): Node {
    if (!n.shared) return n;
    const lower = this.lower!;
    const ino = n.ino + lower.base;
    const copy: Node =
      n.type === 'file'
        ? { type: 'file', ino, mode: n.mode, uid: n.uid, gid: n.gid, mtime: lower.mtime, nlink: 1, data: n.data, size: n.size }
        : { type: 'symlink', ino, mode: n.mode, uid: n.uid, gid: n.gid, mtime: lower.mtime, nlink: 1, target: (n as { target: string }).target };
    this.entriesToChange(parent).set(name, copy);
    return copy;
  }

  /** entriesToChange is dir's entries ready for a change: a shared layer's map is copied first. */
  entriesToChange(dir: DirNode): Map<string, Node> {
    if (dir.sharedEntries) {
      dir.entries = new Map(dir.entries);
      dir.sharedEntries = false;
    }
    return dir.entries;
  }

  /** lookupOwn is lookup for a change of the node itself (chmod, chown, touch, ln): see own. */
  lookupOwn(path: string, cred: Cred, follow: boolean): Node {
    const r = this.resolve(path, cred, follow);
    if (!r.node) throw new FsError('ENOENT', path);
    return r.node.shared ? this.own(r.parent, r.name, r.node) : r.node;
  }

  /** link adds node under parent/name and notifies watchers. */
  attach(parent: DirNode, name: string, node: Node): void {
    this.entriesToChange(parent).set(name, node);
    parent.mtime = this.clock.now();
    if (node.type === 'dir') {
      node.parent = parent;
      node.name = name;
      parent.nlink++;
    } else if (!node.shared) node.nlink++;
    if (!this.watchers.idle) this.changed(childPath(parent, name));
  }

  /** detach removes parent/name and notifies watchers. */
  detach(parent: DirNode, name: string, notify = true): Node | undefined {
    const node = parent.entries.get(name);
    if (!node) return undefined;
    this.entriesToChange(parent).delete(name);
    parent.mtime = this.clock.now();
    if (node.type === 'dir') parent.nlink--;
    else if (!node.shared) node.nlink--;
    if (notify && !this.watchers.idle) this.changed(childPath(parent, name));
    return node;
  }

  /** changed tells watchers of path's ancestors. */
  changed(path: string): void {
    this.watchers.notify(path);
  }

  /** checkDirWrite demands write+search permission on a directory that gains or loses an entry. */
  checkDirWrite(dir: DirNode, cred: Cred, path: string): void {
    if (!mayAccess(dir, cred, 2) || !mayAccess(dir, cred, 1)) throw new FsError('EACCES', path);
  }

  /** checkSticky applies the sticky bit (/tmp): only the owner of the entry or of the dir may remove it. */
  checkSticky(dir: DirNode, node: Node, cred: Cred, path: string): void {
    if ((dir.mode & 0o1000) !== 0 && cred.uid !== 0 && cred.uid !== node.uid && cred.uid !== dir.uid) throw new FsError('EPERM', path);
  }

  /** writeFile creates or replaces (or appends to) a file. */
  writeFile(path: string, content: string | Uint8Array, opts: WriteOptions, cred: Cred): void {
    const r = this.resolve(path, cred, true);
    const now = this.clock.now();
    if (r.node) {
      let n = r.node;
      if (n.type === 'dir') throw new FsError('EISDIR', path);
      if (n.type !== 'file') throw new FsError('ENOENT', path);
      if (!mayAccess(n, cred, 2)) throw new FsError('EACCES', path);
      if (n.device === 'null') return;
      if (n.shared) n = this.own(r.parent, r.name, n) as FileNode;
      // An append counts only the new bytes: a log written line by line must not cost its whole length each time.
      n.size = opts.append ? n.size + dataSize(content) : dataSize(content);
      n.data = opts.append ? concatData(n.data, content) : content;
      n.mtime = now;
      if (!this.watchers.idle) this.changed(childPath(r.parent, r.name));
      return;
    }
    if (r.name === '') throw new FsError('EISDIR', path);
    this.checkDirWrite(r.parent, cred, path);
    const f = this.newFile(content, opts.mode ?? 0o644, opts.uid ?? cred.uid, opts.gid ?? cred.gid);
    this.attach(r.parent, r.name, f);
  }

  /** readData returns a file's content after the read permission check. */
  readData(path: string, cred: Cred): string | Uint8Array {
    const n = this.lookup(path, cred, true);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    if (n.type !== 'file') throw new FsError('ENOENT', path);
    if (!mayAccess(n, cred, 4)) throw new FsError('EACCES', path);
    return n.data;
  }

  /** mkdir creates a directory (and its parents with recursive). */
  mkdir(path: string, opts: { recursive?: boolean; mode?: number }, cred: Cred): void {
    const mode = opts.mode ?? 0o755;
    if (opts.recursive) {
      if (this.mkdirsPlain(path, mode, cred)) return;
      const parts = path.split('/').filter((c) => c !== '');
      let cur = '';
      for (const part of parts) {
        cur += '/' + part;
        const r = this.resolve(cur, cred, true);
        if (r.node) {
          if (r.node.type !== 'dir') throw new FsError(cur === path ? 'EEXIST' : 'ENOTDIR', path);
          continue;
        }
        this.checkDirWrite(r.parent, cred, path);
        this.attach(r.parent, r.name, this.newDir(mode, cred.uid, cred.gid));
      }
      return;
    }
    const r = this.resolve(path, cred, false);
    if (r.node) throw new FsError('EEXIST', path);
    this.checkDirWrite(r.parent, cred, path);
    this.attach(r.parent, r.name, this.newDir(mode, cred.uid, cred.gid));
  }

  /**
   * mkdirsPlain is `mkdir -p` in one walk down the path, for a path of plain
   * names and folders (the common case: a pod's folders under /var/lib/kubelet);
   * it answers false, having made nothing, at a `.`, `..` or symlink, which
   * the walk by prefixes resolves.
   */
  private mkdirsPlain(path: string, mode: number, cred: Cred): boolean {
    const parts = path.split('/');
    let dir = this.root;
    let cur = '';
    let i = 0;
    // the existing part of the path
    for (; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === '') continue;
      if (part === '.' || part === '..') return false;
      const node = dir.entries.get(part);
      if (node === undefined) break;
      if (node.type === 'symlink') return false;
      if (!mayAccess(dir, cred, 1)) throw new FsError('EACCES', path);
      cur += '/' + part;
      if (node.type !== 'dir') throw new FsError(cur === path ? 'EEXIST' : 'ENOTDIR', path);
      dir = node;
    }
    for (let j = i; j < parts.length; j++) if (parts[j] === '.' || parts[j] === '..') return false;
    // the folders to make
    for (; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === '') continue;
      if (!mayAccess(dir, cred, 1)) throw new FsError('EACCES', path);
      this.checkDirWrite(dir, cred, path);
      const d = this.newDir(mode, cred.uid, cred.gid);
      this.attach(dir, part, d);
      dir = d;
    }
    return true;
  }

  /** readdir lists a directory's entry names in byte order. */
  readdir(path: string, cred: Cred): string[] {
    const n = this.lookup(path, cred, true);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    if (!mayAccess(n, cred, 4)) throw new FsError('EACCES', path);
    return [...n.entries.keys()].sort(byteOrder);
  }

  /** remove unlinks a non-directory (dir=false) or removes an empty directory (dir=true). */
  remove(path: string, dir: boolean, cred: Cred): void {
    const r = this.resolve(path, cred, false);
    const n = r.node;
    if (!n) throw new FsError('ENOENT', path);
    if (dir) {
      if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
      if (n === this.root) throw new FsError('EPERM', path);
      if (path.endsWith('/.') || path === '.') throw new FsError('EINVAL', path);
      if (n.entries.size > 0) throw new FsError('ENOTEMPTY', path);
    } else if (n.type === 'dir') throw new FsError('EISDIR', path);
    this.checkDirWrite(r.parent, cred, path);
    this.checkSticky(r.parent, n, cred, path);
    this.detach(r.parent, r.name);
  }

  /** rename moves an entry, replacing a compatible target like rename(2). */
  rename(from: string, to: string, cred: Cred): void {
    const a = this.resolve(from, cred, false);
    if (!a.node) throw new FsError('ENOENT', from);
    const b = this.resolve(to, cred, false);
    const src = a.node;
    if (b.node === src) return;
    if (src === this.root || b.name === '') throw new FsError('EINVAL', from);
    if (src.type === 'dir') {
      for (let d: DirNode = b.parent; ; d = d.parent) {
        if (d === src) throw new FsError('EINVAL', to);
        if (d.parent === d) break;
      }
    }
    this.checkDirWrite(a.parent, cred, from);
    this.checkDirWrite(b.parent, cred, to);
    this.checkSticky(a.parent, src, cred, from);
    if (b.node) {
      const dst = b.node;
      if (src.type === 'dir' && dst.type !== 'dir') throw new FsError('ENOTDIR', to);
      if (src.type !== 'dir' && dst.type === 'dir') throw new FsError('EISDIR', to);
      if (dst.type === 'dir' && dst.entries.size > 0) throw new FsError('ENOTEMPTY', to);
      this.checkSticky(b.parent, dst, cred, to);
      this.detach(b.parent, b.name, false);
    }
    this.detach(a.parent, a.name);
    this.attach(b.parent, b.name, src);
  }

  /** realpath returns the canonical path of an existing file. */
  realpath(path: string, cred: Cred): string {
    const r = this.resolve(path, cred, true);
    if (!r.node) throw new FsError('ENOENT', path);
    if (r.node.type === 'dir') return pathOfDir(r.node);
    return childPath(r.parent, r.name);
  }

  /** makeNullDevice creates a character device like /dev/null: writes vanish, reads are empty. */
  makeNullDevice(path: string): void {
    const r = this.resolve(path, ROOT_CRED, false);
    if (r.node) return;
    const f = this.newFile('', 0o666, 0, 0);
    f.device = 'null';
    this.attach(r.parent, r.name, f);
  }
}

/** byteOrder compares names the way `LC_ALL=C sort` does. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
