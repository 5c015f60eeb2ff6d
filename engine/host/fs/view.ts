import { FsError, type FileStat, type FileSystem, type WriteOptions } from '../types.ts';
import type { MemFs } from './memfs.ts';
import { asBytes, asText, inGroup, mayAccess, type Cred } from './node.ts';

/**
 * FsView is the FileSystem contract bound to one set of credentials: what a
 * process running as that user may see and do.
 */
export class FsView implements FileSystem {
  constructor(
    private readonly m: MemFs,
    readonly cred: Cred,
  ) {}

  stat(path: string): FileStat {
    return this.m.statOf(this.m.lookup(path, this.cred, true));
  }

  lstat(path: string): FileStat {
    return this.m.statOf(this.m.lookup(path, this.cred, false));
  }

  exists(path: string): boolean {
    try {
      return this.m.resolve(path, this.cred, true).node !== undefined;
    } catch {
      return false;
    }
  }

  readFile(path: string): string {
    return asText(this.m.readData(path, this.cred));
  }

  readBytes(path: string): Uint8Array {
    return asBytes(this.m.readData(path, this.cred));
  }

  writeFile(path: string, content: string | Uint8Array, opts: WriteOptions = {}): void {
    this.m.writeFile(path, content, opts, this.cred);
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    this.m.mkdir(path, opts, this.cred);
  }

  readdir(path: string): string[] {
    return this.m.readdir(path, this.cred);
  }

  unlink(path: string): void {
    this.m.remove(path, false, this.cred);
  }

  rmdir(path: string): void {
    this.m.remove(path, true, this.cred);
  }

  rename(from: string, to: string): void {
    this.m.rename(from, to, this.cred);
  }

  symlink(target: string, path: string): void {
    const r = this.m.resolve(path, this.cred, false);
    if (r.node) throw new FsError('EEXIST', path);
    this.m.checkDirWrite(r.parent, this.cred, path);
    const n = { type: 'symlink' as const, ino: this.m.nextIno++, mode: 0o777, uid: this.cred.uid, gid: this.cred.gid, mtime: this.m.clock.now(), nlink: 0, target };
    this.m.attach(r.parent, r.name, n);
  }

  readlink(path: string): string {
    const n = this.m.lookup(path, this.cred, false);
    if (n.type !== 'symlink') throw new FsError('EINVAL', path);
    return n.target;
  }

  link(existing: string, path: string): void {
    const src = this.m.lookupOwn(existing, this.cred, false);
    if (src.type === 'dir') throw new FsError('EPERM', existing);
    const r = this.m.resolve(path, this.cred, false);
    if (r.node) throw new FsError('EEXIST', path);
    this.m.checkDirWrite(r.parent, this.cred, path);
    this.m.attach(r.parent, r.name, src);
  }

  chmod(path: string, mode: number): void {
    const n = this.m.lookupOwn(path, this.cred, true);
    if (this.cred.uid !== 0 && this.cred.uid !== n.uid) throw new FsError('EPERM', path);
    n.mode = mode & 0o7777;
    this.m.changed(this.m.realpath(path, this.cred));
  }

  chown(path: string, uid: number, gid: number): void {
    const n = this.m.lookupOwn(path, this.cred, true);
    const newUid = uid < 0 ? n.uid : uid;
    const newGid = gid < 0 ? n.gid : gid;
    if (this.cred.uid !== 0) {
      const ownGroupChange = this.cred.uid === n.uid && newUid === n.uid && (newGid === n.gid || inGroup(this.cred, newGid));
      if (!ownGroupChange) throw new FsError('EPERM', path);
    }
    n.uid = newUid;
    n.gid = newGid;
    this.m.changed(this.m.realpath(path, this.cred));
  }

  utimes(path: string, mtime: number, opts: { noFollow?: boolean } = {}): void {
    const n = this.m.lookupOwn(path, this.cred, !opts.noFollow);
    if (this.cred.uid !== 0 && this.cred.uid !== n.uid) throw new FsError('EPERM', path);
    n.mtime = mtime;
  }

  access(path: string, mode: 4 | 2 | 1): boolean {
    try {
      return mayAccess(this.m.lookup(path, this.cred, true), this.cred, mode);
    } catch {
      return false;
    }
  }

  realpath(path: string): string {
    return this.m.realpath(path, this.cred);
  }

  watch(dir: string, onChange: (path: string) => void): { close(): void } {
    let key = dir;
    try {
      key = this.m.realpath(dir, this.cred);
    } catch {
      // watching a folder that does not exist yet is allowed: it fires once created
    }
    return this.m.watchers.add(key, onChange);
  }
}
