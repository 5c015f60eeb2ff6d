import { compactedError, futureRevError } from './errors.ts';
import { compactHistory, compactable, indexAt, latestLive, liveAt, type Entry, type History } from './history.ts';
import { KeyIndex } from './key-index.ts';
import type { KeyRange } from './keys.ts';
import type { Lessor } from './lease.ts';
import { readRange, type RangeRows } from './range.ts';
import { RevisionLog, type LogItem } from './revlog.ts';
import type { SnapshotState } from './snapshot-codec.ts';
import type { KeyValue, RangeOptions } from './types.ts';
import { WriteTxn } from './write.ts';

/**
 * Keyspace is the storage engine under MvccStore, etcd's mvcc.store: the
 * current and compact revisions, the key index with every key's retained
 * history, and the revision log watchers replay. It applies writes and
 * compactions; request checks, headers and watchers live in MvccStore.
 */
export class Keyspace {
  /** rev is the current revision; compactMain is etcd's compactMainRev (-1 before the first compaction). */
  rev = 1;
  compactMain = -1;
  readonly index = new KeyIndex();
  readonly log = new RevisionLog();
  /** dirty holds keys whose history compaction can shrink, so compaction never scans every key. */
  private readonly dirty = new Set<string>();

  constructor(
    private readonly lessor: Lessor,
    /** publish hands a committed revision to the watchers. */
    private readonly publish: (item: LogItem) => void,
  ) {}

  /** begin starts a write at the next revision. */
  begin(): WriteTxn {
    return new WriteTxn(this.index, this.rev, this.lessor, this.dirty);
  }

  /**
   * commit makes a write's changes the new revision and notifies watchers.
   * It returns the revision the write's response reports (watch callbacks
   * may write again, so the store may be further along afterwards).
   */
  commit(w: WriteTxn): number {
    if (w.changes.length === 0) return w.beginRev;
    this.rev = w.rev;
    const item: LogItem = { rev: w.rev, changes: w.changes };
    this.log.append(item);
    this.publish(item);
    return w.rev;
  }

  /** read answers a range at revision rev (already checked). */
  read(r: KeyRange, o: RangeOptions, rev: number): RangeRows {
    return readRange(this.index, r, o, rev);
  }

  /** readRevision resolves a requested read revision as etcd's rangeKeys does (0 or less: current). */
  readRevision(requested: number): number {
    if (requested > this.rev) throw futureRevError();
    const rev = requested <= 0 ? this.rev : requested;
    if (rev < this.compactMain) throw compactedError(Math.max(0, this.compactMain));
    return rev;
  }

  /** kvAt returns key's KeyValue as of rev, or undefined. */
  kvAt(key: string, rev: number): KeyValue | undefined {
    const h = this.index.get(key);
    return h === undefined ? undefined : liveAt(h, rev);
  }

  /** liveNow returns key's current KeyValue, or undefined. */
  liveNow(key: string): KeyValue | undefined {
    const h = this.index.get(key);
    return h === undefined ? undefined : latestLive(h);
  }

  /**
   * compact drops history before revision (checked by the caller): each key
   * keeps its latest entry at or before it, deleted keys vanish, and the log
   * keeps only what a watch from revision on can still replay.
   */
  compact(revision: number): void {
    this.compactMain = revision;
    let emptied = false;
    for (const key of this.dirty) {
      const h = this.index.get(key)!;
      compactHistory(h, revision);
      if (h.length === 0) emptied = true;
      if (!compactable(h)) this.dirty.delete(key);
    }
    if (emptied) this.index.removeEmpty();
    this.log.compact(revision, (e) => {
      const h = this.index.get(e.kv.key);
      return h !== undefined && h[indexAt(h, revision)] === e;
    });
  }

  /** exportState hands the keyspace to the snapshot encoder (histories are shared, not copied). */
  exportState(leases: SnapshotState['leases']): SnapshotState {
    const keys: [string, History][] = [];
    this.index.scan({ kind: 'from', start: '' }, (k, h) => void keys.push([k, h]));
    return { revision: this.rev, compactRevision: this.compactMain, leases, keys };
  }

  /**
   * loadState fills an empty keyspace from snapshot contents, rebuilding the
   * replay log and lease attachments. It returns false when the keys are
   * not in order.
   */
  loadState(s: SnapshotState): boolean {
    if (!this.index.load(s.keys)) return false;
    this.rev = s.revision;
    this.compactMain = s.compactRevision;
    const logged: Entry[] = [];
    for (const [key, h] of s.keys) {
      if (compactable(h)) this.dirty.add(key);
      const kv = latestLive(h);
      if (kv && kv.lease !== 0) this.lessor.attach(kv.lease, key);
      for (const e of h) if (e.kv.modRevision >= s.compactRevision) logged.push(e);
    }
    logged.sort((a, b) => a.kv.modRevision - b.kv.modRevision || a.sub - b.sub);
    for (let i = 0; i < logged.length; ) {
      const rev = logged[i]!.kv.modRevision;
      let j = i;
      while (j < logged.length && logged[j]!.kv.modRevision === rev) j++;
      this.log.append({ rev, changes: logged.slice(i, j) });
      i = j;
    }
    return true;
  }
}
