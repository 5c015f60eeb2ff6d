/**
 * A trivially correct model of etcd's keyspace for property tests: the whole
 * keyspace is copied at every revision, ranges filter and sort everything,
 * and keys are compared as UTF-8 bytes by Buffer. Slow by design, obviously
 * right by construction. It covers what the property test generates:
 * transactions whose operations touch distinct keys (no duplicate-key cases;
 * those are the oracle's and the unit tests' job).
 */
import type { Compare, KeyValue, RequestOp, TxnRequest, WatchEvent } from '../types.ts';

/** ModelRange selects keys: one key, a prefix, or [key, end) with end "\0" meaning "no end". */
export interface ModelRange {
  key: string;
  end?: string;
  prefix?: boolean;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
/** byteCompare is etcd's bytes.Compare on the UTF-8 encodings. */
export const byteCompare = (a: string, b: string): number => Buffer.compare(utf8(a), utf8(b));

function contains(r: ModelRange, k: string): boolean {
  if (r.prefix) return k.startsWith(r.key);
  if (r.end === undefined) return k === r.key;
  return byteCompare(k, r.key) >= 0 && (r.end === '\0' || byteCompare(k, r.end) < 0);
}

/** ModelError carries the same text the store throws. */
export class ModelError extends Error {}

export class Model {
  /** states[r] is the keyspace at revision r (states[0] is unused). */
  private states: Map<string, KeyValue>[] = [new Map(), new Map()];
  /** events[r] lists revision r's changes in order. */
  private events: WatchEvent[][] = [[], []];
  private compacted = -1;

  get revision(): number {
    return this.states.length - 1;
  }

  private state(rev: number): Map<string, KeyValue> {
    if (rev > this.revision) throw new ModelError('etcdserver: mvcc: required revision is a future revision');
    const r = rev <= 0 ? this.revision : rev;
    if (r < this.compacted) throw new ModelError('etcdserver: mvcc: required revision has been compacted');
    return this.states[r]!;
  }

  /** range returns [kvs, count, more] like a RangeResult. */
  range(r: ModelRange, limit = 0, rev = 0): { kvs: KeyValue[]; count: number; more: boolean } {
    const all = [...this.state(rev).values()].filter((kv) => contains(r, kv.key)).sort((a, b) => byteCompare(a.key, b.key));
    const kvs = limit > 0 ? all.slice(0, limit) : all;
    return { kvs, count: all.length, more: kvs.length < all.length };
  }

  /** write applies one write (a list of single operations) as one revision, if it changes anything. */
  private write(apply: (next: Map<string, KeyValue>, rev: number, evs: WatchEvent[]) => void): number {
    const next = new Map(this.states[this.revision]!);
    const evs: WatchEvent[] = [];
    apply(next, this.revision + 1, evs);
    if (evs.length === 0) return this.revision;
    this.states.push(next);
    this.events.push(evs);
    return this.revision;
  }

  private static put(next: Map<string, KeyValue>, rev: number, evs: WatchEvent[], key: string, value: string): KeyValue | undefined {
    const prev = next.get(key);
    const kv = { key, value, createRevision: prev?.createRevision ?? rev, modRevision: rev, version: (prev?.version ?? 0) + 1, lease: 0 };
    next.set(key, kv);
    evs.push({ type: 'PUT', kv });
    return prev;
  }

  private static del(next: Map<string, KeyValue>, rev: number, evs: WatchEvent[], r: ModelRange): KeyValue[] {
    const gone = [...next.values()].filter((kv) => contains(r, kv.key)).sort((a, b) => byteCompare(a.key, b.key));
    for (const kv of gone) {
      next.delete(kv.key);
      evs.push({ type: 'DELETE', kv: { key: kv.key, value: '', createRevision: 0, modRevision: rev, version: 0, lease: 0 } });
    }
    return gone;
  }

  put(key: string, value: string): { rev: number; prev?: KeyValue } {
    let prev: KeyValue | undefined;
    const rev = this.write((next, r, evs) => (prev = Model.put(next, r, evs, key, value)));
    return { rev, prev };
  }

  del(r: ModelRange): { rev: number; deleted: number } {
    let deleted = 0;
    const rev = this.write((next, at, evs) => (deleted = Model.del(next, at, evs, r).length));
    return { rev, deleted };
  }

  /** txn runs a transaction: every compare sees the state before it; operations run in order. */
  txn(t: TxnRequest): { rev: number; succeeded: boolean; results: unknown[] } {
    const before = this.states[this.revision]!;
    let out: { succeeded: boolean; results: unknown[] } = { succeeded: false, results: [] };
    const rev = this.write((next, at, evs) => (out = this.runTxn(t, before, next, at, evs)));
    return { rev, ...out };
  }

  private runTxn(t: TxnRequest, before: Map<string, KeyValue>, next: Map<string, KeyValue>, at: number, evs: WatchEvent[]) {
    const succeeded = t.compare.every((c) => holds(c, before.get(c.key)));
    const results: unknown[] = [];
    for (const op of succeeded ? t.success : t.failure) results.push(this.runOp(op, before, next, at, evs));
    return { succeeded, results };
  }

  private runOp(op: RequestOp, before: Map<string, KeyValue>, next: Map<string, KeyValue>, at: number, evs: WatchEvent[]): unknown {
    if ('put' in op) return { put: Model.put(next, at, evs, op.put.key, op.put.value) };
    if ('deleteRange' in op) return { deleted: Model.del(next, at, evs, { key: op.deleteRange.key }).length };
    if ('range' in op) return { range: next.get(op.range.key) };
    return { txn: this.runTxn(op.txn, before, next, at, evs) };
  }

  compact(rev: number): void {
    if (rev <= this.compacted) throw new ModelError('etcdserver: mvcc: required revision has been compacted');
    if (rev > this.revision) throw new ModelError('etcdserver: mvcc: required revision is a future revision');
    this.compacted = rev;
  }

  /**
   * replay is what a watch from start sees (live: what a watcher opened
   * before start saw as it happened): every event since start, except
   * that compaction at C keeps, of revision C itself, only the puts. prevKv
   * is the key at rev-1 (none for creations, none below the compaction).
   */
  replay(r: ModelRange, start: number, prevKv: boolean, live = false): WatchEvent[] | 'compacted' {
    // A live watcher got every event as it happened, before any later compaction.
    const compacted = live ? -1 : this.compacted;
    if (start < compacted) return 'compacted';
    const out: WatchEvent[] = [];
    for (let rev = Math.max(start, 1); rev <= this.revision; rev++) {
      for (const e of this.events[rev]!) {
        if (!contains(r, e.kv.key)) continue;
        if (rev === compacted && e.type === 'DELETE') continue;
        const ev: WatchEvent = { ...e };
        if (prevKv && !(e.type === 'PUT' && e.kv.createRevision === rev) && rev - 1 >= compacted) {
          const prev = this.states[rev - 1]!.get(e.kv.key);
          if (prev) ev.prevKv = prev;
        }
        out.push(ev);
      }
    }
    return out;
  }
}

function holds(c: Compare, kv: KeyValue | undefined): boolean {
  if (!kv && c.target === 'VALUE') return false;
  const v = kv ?? { value: '', createRevision: 0, modRevision: 0, version: 0, lease: 0 };
  const r =
    c.target === 'VALUE'
      ? byteCompare(v.value, String(c.value))
      : Math.sign({ CREATE: v.createRevision, MOD: v.modRevision, VERSION: v.version, LEASE: v.lease }[c.target] - Number(c.value));
  return c.result === 'EQUAL' ? r === 0 : c.result === 'NOT_EQUAL' ? r !== 0 : c.result === 'GREATER' ? r > 0 : r < 0;
}
