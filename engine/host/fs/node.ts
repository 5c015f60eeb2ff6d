/**
 * The inodes of the in-memory filesystem. A directory knows its parent and
 * its own name so a path can be rebuilt from a node (for watch callbacks and
 * realpath); files may be hard-linked from several directories.
 */

/** Cred is who performs a filesystem call: the effective uid and its groups. */
export interface Cred {
  uid: number;
  gid: number;
  groups: readonly number[];
}

/** ROOT_CRED is the superuser, who passes every permission check. */
export const ROOT_CRED: Cred = { uid: 0, gid: 0, groups: [0] };

interface NodeBase {
  ino: number;
  /** permission bits including setuid (0o4000), setgid (0o2000) and sticky (0o1000) */
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  nlink: number;
  /**
   * shared marks a file or symlink of a layer that several trees hold (an
   * image's files under every container of it, see layer.ts): it is never
   * changed in place but copied into the tree first, and its inode number and
   * mtime are read through the tree (MemFs.statOf).
   */
  shared?: true;
}

/** FileNode holds content as text (the common case) or bytes (archives, binaries). */
export interface FileNode extends NodeBase {
  type: 'file';
  data: string | Uint8Array;
  /** cached UTF-8 byte length of data when it is a string */
  size: number;
  /** a character device: 'null' swallows writes and reads as empty */
  device?: 'null';
}

/** DirNode is a directory; root is its own parent. */
export interface DirNode extends NodeBase {
  type: 'dir';
  entries: Map<string, Node>;
  /**
   * sharedEntries: entries is a shared layer's map (a folder holding only
   * shared files, as an image's /bin): read through, copied before any change
   * (MemFs.entriesToChange).
   */
  sharedEntries: boolean;
  parent: DirNode;
  name: string;
}

/** LinkNode is a symbolic link. */
export interface LinkNode extends NodeBase {
  type: 'symlink';
  target: string;
}

/** Node is any inode. */
export type Node = FileNode | DirNode | LinkNode;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** utf8Length counts the UTF-8 bytes of s without allocating for ASCII text. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** dataSize is the byte size of file content. */
export function dataSize(data: string | Uint8Array): number {
  return typeof data === 'string' ? utf8Length(data) : data.length;
}

/** asText decodes content as UTF-8. */
export function asText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : decoder.decode(data);
}

/** asBytes encodes content as UTF-8 bytes. */
export function asBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

/** concatData appends b to a, staying text when both are text. */
export function concatData(a: string | Uint8Array, b: string | Uint8Array): string | Uint8Array {
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  const x = asBytes(a);
  const y = asBytes(b);
  const out = new Uint8Array(x.length + y.length);
  out.set(x, 0);
  out.set(y, x.length);
  return out;
}

/** inGroup tells whether cred belongs to gid. */
export function inGroup(cred: Cred, gid: number): boolean {
  return cred.gid === gid || cred.groups.includes(gid);
}

/**
 * mayAccess applies the owner/group/other permission bits. want is 4 (read),
 * 2 (write) or 1 (execute/search). Root may read and write anything, and may
 * execute a file only if some execute bit is set.
 */
export function mayAccess(node: Node, cred: Cred, want: 4 | 2 | 1): boolean {
  if (cred.uid === 0) {
    if (want !== 1 || node.type === 'dir') return true;
    return (node.mode & 0o111) !== 0;
  }
  let bits: number;
  if (cred.uid === node.uid) bits = (node.mode >> 6) & 7;
  else if (inGroup(cred, node.gid)) bits = (node.mode >> 3) & 7;
  else bits = node.mode & 7;
  return (bits & want) !== 0;
}

/** pathOfDir rebuilds the absolute path of a directory from its parent chain. */
export function pathOfDir(dir: DirNode): string {
  const parts: string[] = [];
  let d = dir;
  while (d.parent !== d) {
    parts.push(d.name);
    d = d.parent;
  }
  return '/' + parts.reverse().join('/');
}

/** childPath joins a directory's path and an entry name. */
export function childPath(dir: DirNode, name: string): string {
  const p = pathOfDir(dir);
  return p === '/' ? '/' + name : p + '/' + name;
}
