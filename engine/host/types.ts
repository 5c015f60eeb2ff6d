/**
 * The contract of a simulated Linux machine: its filesystem, users and the
 * processes that run on it. Everything a host binary (kubectl, etcdctl,
 * kubeadm, coreutils…) can touch comes through these interfaces.
 */

export type FileType = 'file' | 'dir' | 'symlink';

export interface FileStat {
  type: FileType;
  /** permission bits, e.g. 0o644 */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** modification time, simulated ms since epoch */
  mtime: number;
  /** inode number, stable for the life of the file */
  ino: number;
  nlink: number;
}

/** FsError carries an errno code and the text coreutils print ("No such file or directory"). */
export class FsError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'EACCES' | 'EPERM' | 'ENOTEMPTY' | 'EINVAL' | 'ELOOP' | 'EXDEV',
    readonly path: string,
  ) {
    super(FS_ERROR_TEXT[code]);
    this.name = 'FsError';
  }
}

export const FS_ERROR_TEXT: Record<FsError['code'], string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EXDEV: 'Invalid cross-device link',
};

export interface WriteOptions {
  mode?: number;
  append?: boolean;
  /** owner for a file this write creates (defaults to the caller) */
  uid?: number;
  gid?: number;
}

/**
 * FileSystem is a POSIX-like view of one host's files. Paths are absolute
 * (callers resolve cwd first). A FileSystem obtained from a Process is bound to
 * that process's user and enforces permissions; a Host's raw fs is root's.
 * Errors are thrown as FsError.
 */
export interface FileSystem {
  stat(path: string): FileStat;
  lstat(path: string): FileStat;
  exists(path: string): boolean;
  readFile(path: string): string;
  readBytes(path: string): Uint8Array;
  writeFile(path: string, content: string | Uint8Array, opts?: WriteOptions): void;
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void;
  readdir(path: string): string[];
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  /** realpath resolves symlinks and dots. */
  realpath(path: string): string;
  /**
   * watch calls onChange(path) after any change under dir (create, write,
   * delete, rename), synchronously inside the change; the kubelet watches its
   * static-pod folder this way.
   */
  watch(dir: string, onChange: (path: string) => void): { close(): void };
  /** link makes a hard link (ln without -s); optional for read-only or fake filesystems. */
  link?(existing: string, path: string): void;
  /** utimes sets the modification time (touch -d, tar x); noFollow changes a symlink itself (touch -h); optional. */
  utimes?(path: string, mtime: number, opts?: { noFollow?: boolean }): void;
  /** access tells whether the bound user may read (4), write (2) or execute (1) path, like access(2); optional. */
  access?(path: string, mode: 4 | 2 | 1): boolean;
}

/** User is an /etc/passwd entry plus its groups. */
export interface User {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
  /** supplementary group ids */
  groups: number[];
}
