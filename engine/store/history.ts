import type { KeyValue } from './types.ts';

/**
 * Entry is one stored revision of one key: a put or a tombstone, like a row
 * of etcd's "key" bucket. Its kv is frozen and handed to readers as-is, so a
 * range or a watch never copies values.
 */
export interface Entry {
  /** kv is the stored KeyValue; a tombstone's kv is etcd's {key, mod_revision} with every other field zero. */
  readonly kv: KeyValue;
  /** sub orders the changes made within one revision (etcd's revision.sub). */
  readonly sub: number;
  readonly tomb: boolean;
}

/** putEntry builds the entry for a put. */
export function putEntry(kv: KeyValue, sub: number): Entry {
  return { kv: Object.freeze(kv), sub, tomb: false };
}

/** tombEntry builds the tombstone for deleting key at revision rev. */
export function tombEntry(key: string, rev: number, sub: number): Entry {
  return {
    kv: Object.freeze({ key, value: '', createRevision: 0, modRevision: rev, version: 0, lease: 0 }),
    sub,
    tomb: true,
  };
}

/**
 * History is a key's retained entries in (revision, sub) order. A key keeps
 * every entry since the last compaction plus the latest one at or before it,
 * which is what etcd's keyIndex generations keep.
 */
export type History = Entry[];

/** indexAt returns the index of the last entry at or before revision rev, or -1. */
export function indexAt(h: History, rev: number): number {
  const n = h.length;
  // The common read is at the current revision: the last entry answers it.
  if (n > 0 && h[n - 1]!.kv.modRevision <= rev) return n - 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (h[mid]!.kv.modRevision <= rev) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** liveAt returns the key's KeyValue as of revision rev, or undefined when it did not exist then. */
export function liveAt(h: History, rev: number): KeyValue | undefined {
  const i = indexAt(h, rev);
  if (i < 0) return undefined;
  const e = h[i]!;
  return e.tomb ? undefined : e.kv;
}

/** latestLive returns the key's current KeyValue, or undefined when it is deleted. */
export function latestLive(h: History): KeyValue | undefined {
  const e = h[h.length - 1];
  return e === undefined || e.tomb ? undefined : e.kv;
}

/**
 * compactHistory drops what compaction at rev makes unreachable: every entry
 * older than the latest one at or before rev, and that one too when it is a
 * tombstone (etcd removes a deleted key's last generation). It edits h in
 * place and returns the number of entries dropped.
 */
export function compactHistory(h: History, rev: number): number {
  const i = indexAt(h, rev);
  if (i < 0) return 0;
  const drop = h[i]!.tomb ? i + 1 : i;
  if (drop > 0) h.splice(0, drop);
  return drop;
}

/** compactable says whether a later compaction could still drop something from h. */
export function compactable(h: History): boolean {
  return h.length > 1 || (h.length === 1 && h[0]!.tomb);
}
