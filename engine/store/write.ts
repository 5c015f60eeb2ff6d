import { compactable, latestLive, putEntry, tombEntry, type Entry } from './history.ts';
import type { KeyIndex } from './key-index.ts';
import type { KeyRange } from './keys.ts';
import type { Lessor } from './lease.ts';
import type { KeyValue } from './types.ts';

/**
 * WriteTxn is etcd's storeTxnWrite: the changes of one write request, all
 * at revision beginRev + 1, applied to the index as they are made so later
 * operations of the same transaction see them. Callers validate first, so
 * nothing here can fail half-way; the store commits the revision only when
 * something changed.
 */
export class WriteTxn {
  /** rev is the revision every change of this write gets. */
  readonly rev: number;
  /** changes lists the entries written, in order (their sub-revisions). */
  readonly changes: Entry[] = [];

  constructor(
    private readonly index: KeyIndex,
    readonly beginRev: number,
    private readonly lessor: Lessor,
    /** dirty collects keys whose history a later compaction can shrink. */
    private readonly dirty: Set<string>,
  ) {
    this.rev = beginRev + 1;
  }

  /** readRev is the revision reads inside this write see: the new one once something changed. */
  get readRev(): number {
    return this.changes.length > 0 ? this.rev : this.beginRev;
  }

  /**
   * put writes key. With ignoreValue/ignoreLease the current value/lease is
   * kept (the caller has checked the key exists). Returns the previous kv.
   */
  put(key: string, value: string, lease: number, ignoreValue = false, ignoreLease = false): KeyValue | undefined {
    const h = this.index.history(key);
    const prev = latestLive(h);
    if (ignoreValue && prev) value = prev.value;
    if (ignoreLease && prev) lease = prev.lease;
    const entry = putEntry(
      {
        key,
        value,
        createRevision: prev ? prev.createRevision : this.rev,
        modRevision: this.rev,
        version: prev ? prev.version + 1 : 1,
        lease,
      },
      this.changes.length,
    );
    h.push(entry);
    this.changes.push(entry);
    if (compactable(h)) this.dirty.add(key);
    if (prev && prev.lease !== 0) this.lessor.detach(prev.lease, key);
    if (lease !== 0) this.lessor.attach(lease, key);
    return prev;
  }

  /** deleteRange tombstones every live key in r and returns their last kvs. */
  deleteRange(r: KeyRange): KeyValue[] {
    const gone: KeyValue[] = [];
    this.index.scan(r, (_key, h) => {
      const kv = latestLive(h);
      if (kv !== undefined) gone.push(kv);
    });
    for (const kv of gone) {
      const entry = tombEntry(kv.key, this.rev, this.changes.length);
      this.index.get(kv.key)!.push(entry);
      this.changes.push(entry);
      this.dirty.add(kv.key);
      if (kv.lease !== 0) this.lessor.detach(kv.lease, kv.key);
    }
    return gone;
  }
}
