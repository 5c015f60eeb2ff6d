import type { FileSystem } from '../../host/types.ts';
import { restoreSnapshot } from '../../store/snapshot.ts';
import { MvccStore } from '../../store/mvcc.ts';
import { decimalId } from './wire.ts';
import type { GroupMember } from './group.ts';

/**
 * An etcd data directory on a host's filesystem, laid out as etcd lays it
 * out: `member/snap/db` holds the keyspace (here in the snapshot file format)
 * and `member/wal/0000000000000000-0000000000000000.wal` the member's
 * identity (here as a small JSON document). `etcdutl snapshot restore` writes
 * one; the etcd program reads it at start and writes it back when it stops.
 */

/** Identity is who a data directory belongs to. */
export interface DataDirIdentity {
  name: string;
  memberId: string;
  clusterId: string;
  peerUrls: string[];
  /** members is the cluster's membership when the member last stopped (a single member when absent). */
  members?: GroupMember[];
}

export const WAL_FILE = 'member/wal/0000000000000000-0000000000000000.wal';
export const DB_FILE = 'member/snap/db';

const join = (dir: string, rel: string) => `${dir.replace(/\/+$/, '')}/${rel}`;

/** isEmptyOrMissing is etcd's check before a restore (fileutil.Exist && !DirEmpty). */
export function isEmptyOrMissing(fs: FileSystem, dir: string): boolean {
  try {
    return fs.readdir(dir).length === 0;
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT';
  }
}

/** writeDataDir lays out a data directory holding a snapshot file's contents. */
export function writeDataDir(fs: FileSystem, dir: string, snapshot: Uint8Array, id: DataDirIdentity): void {
  for (const d of [dir, join(dir, 'member'), join(dir, 'member/snap'), join(dir, 'member/wal')]) {
    if (!fs.exists(d)) fs.mkdir(d, { recursive: true, mode: 0o700 });
  }
  fs.writeFile(join(dir, DB_FILE), snapshot, { mode: 0o600 });
  fs.writeFile(join(dir, WAL_FILE), JSON.stringify(id) + '\n', { mode: 0o600 });
}

/** readIdentity reads a data directory's identity, or undefined when it has none. */
export function readIdentity(fs: FileSystem, dir: string): DataDirIdentity | undefined {
  try {
    const id = JSON.parse(fs.readFile(join(dir, WAL_FILE))) as DataDirIdentity;
    return typeof id.memberId === 'string' && typeof id.clusterId === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * openDataDir loads the keyspace of a data directory: the stored one when it
 * has a database, a fresh store otherwise. A damaged database answers the
 * error etcd dies with.
 */
export function openDataDir(fs: FileSystem, dir: string, id: DataDirIdentity): { store: MvccStore; fresh: boolean } | { error: string } {
  const ids = { clusterId: decimalId(id.clusterId), memberId: decimalId(id.memberId) };
  let bytes: Uint8Array;
  try {
    bytes = fs.readBytes(join(dir, DB_FILE));
  } catch {
    return { store: new MvccStore(ids), fresh: true };
  }
  try {
    return { store: restoreSnapshot(bytes, ids), fresh: false };
  } catch {
    return { error: `failed to open database: invalid database` };
  }
}

/** writeIdentity records who a member is and the membership it knows (its WAL), leaving the keyspace file alone. */
export function writeIdentity(fs: FileSystem, dir: string, id: DataDirIdentity): void {
  for (const d of [dir, join(dir, 'member'), join(dir, 'member/wal')]) {
    if (!fs.exists(d)) fs.mkdir(d, { recursive: true, mode: 0o700 });
  }
  fs.writeFile(join(dir, WAL_FILE), JSON.stringify(id) + '\n', { mode: 0o600 });
}
