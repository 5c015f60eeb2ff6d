import { StoreError, type SnapshotStatus } from './types.ts';
import { MvccStore, type MvccStoreOptions } from './mvcc.ts';
import { decodeSnapshot, verifySnapshot } from './snapshot-codec.ts';

/**
 * Snapshot save, restore and status: what `etcdctl snapshot save|restore|status`
 * do with a file. MvccStore.snapshot() writes the file; the format is
 * described in snapshot-codec.ts.
 */

/**
 * restoreSnapshot builds a new store from a snapshot file. The revision and
 * compact revision are kept, as etcd's restore keeps them; the store's
 * identity (cluster and member IDs) comes from opts, as `etcdctl snapshot
 * restore` makes a new cluster. A damaged file throws
 * StoreError('corrupt-snapshot') and nothing else happens.
 */
export function restoreSnapshot(bytes: Uint8Array, opts: MvccStoreOptions = {}): MvccStore {
  const store = MvccStore.fromState(decodeSnapshot(bytes), opts);
  if (store === undefined) throw new StoreError('corrupt-snapshot', 'invalid database');
  return store;
}

/**
 * snapshotStatus is `etcdctl snapshot status`: a 32-bit hash of the contents
 * (printed in hex by etcdctl), the revision, the number of stored rows (every
 * retained revision of every key, plus leases) and the database size.
 */
export function snapshotStatus(bytes: Uint8Array): SnapshotStatus {
  const h = verifySnapshot(bytes, true);
  const d = h.digest;
  return {
    hash: ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0,
    revision: h.revision,
    totalKey: h.entryCount + h.leaseCount,
    totalSize: h.dataSize,
  };
}
