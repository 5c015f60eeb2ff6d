import {
  StoreError,
  type DeleteOptions,
  type DeleteResult,
  type KV,
  type PutOptions,
  type PutResult,
  type RangeOptions,
  type RangeResult,
  type RequestOp,
  type ResponseHeader,
  type TxnRequest,
  type TxnResult,
  type Watch,
  type WatchOptions,
} from './types.ts';
import { ERR, compactedError, futureRevError } from './errors.ts';
import { keyRange } from './keys.ts';
import { Keyspace } from './keyspace.ts';
import { WatchHub, type WatchCallback } from './watch-hub.ts';
import { Lessor } from './lease.ts';
import { checkIntervals, checkKey, checkPut, checkTxn, isReadOnly } from './txn-check.ts';
import { applyTxn, checkPath, compareToPath, type TxnExec } from './txn.ts';
import type { WriteTxn } from './write.ts';
import { exceeds, putSize, txnSize } from './request-size.ts';
import { encodeSnapshot, type SnapshotState } from './snapshot-codec.ts';
import { LeaseApi } from './lease-api.ts';
import { DEFAULT_CLUSTER_ID, DEFAULT_MEMBER_ID, type MvccStoreOptions } from './options.ts';

export { DEFAULT_CLUSTER_ID, DEFAULT_MEMBER_ID, type MvccStoreOptions } from './options.ts';

/**
 * MvccStore is an etcd v3 keyspace in memory: one global revision, per-key
 * create/mod revision and version, ranges at any retained revision, watches
 * from a revision, transactions, compaction, leases and snapshots, with
 * etcd's own behaviour and error texts. Watch callbacks run synchronously
 * inside the write that caused them.
 */
export class MvccStore extends LeaseApi implements KV {
  private readonly ks: Keyspace;
  protected readonly lessor: Lessor;
  private readonly hub: WatchHub;
  private readonly ids: { clusterId: string; memberId: string; raftTerm: number };
  private readonly maxTxnOps: number;
  private readonly maxRequestBytes: number;

  constructor(opts: MvccStoreOptions = {}) {
    super();
    this.ids = {
      clusterId: opts.clusterId ?? DEFAULT_CLUSTER_ID,
      memberId: opts.memberId ?? DEFAULT_MEMBER_ID,
      raftTerm: opts.raftTerm ?? 2,
    };
    this.maxTxnOps = opts.maxTxnOps ?? 128;
    this.maxRequestBytes = opts.maxRequestBytes ?? 1.5 * 1024 * 1024;
    const clock = opts.clock;
    this.lessor = new Lessor(clock ? () => clock.now() : undefined, low16(this.ids.memberId));
    this.hub = new WatchHub({
      header: (rev) => this.header(rev),
      // etcd looks previous values up at send time; below the compaction there are none.
      prevKv: (key, rev) => (rev < this.ks.compactMain ? undefined : this.ks.kvAt(key, rev)),
      onCallbackError: opts.onCallbackError ?? (() => {}),
    });
    this.ks = new Keyspace(this.lessor, (item) => this.hub.publish(item));
  }

  /** revision is the store's current revision. */
  get revision(): number {
    return this.ks.rev;
  }

  /** compactRevision is the revision of the last compaction (0 before any). */
  get compactRevision(): number {
    return Math.max(0, this.ks.compactMain);
  }

  /** watcherCount is the number of active watches. */
  get watcherCount(): number {
    return this.hub.count;
  }

  /** header is a top-level response header at rev (default: now). */
  header(rev = this.ks.rev): ResponseHeader {
    return { revision: rev, ...this.ids };
  }

  range(key: string, opts: RangeOptions = {}): RangeResult {
    checkKey(key, opts.prefix);
    const rev = this.ks.readRevision(opts.revision ?? 0);
    return { header: this.header(), ...this.ks.read(keyRange(key, opts.rangeEnd, opts.prefix), opts, rev) };
  }

  put(key: string, value: string, opts: PutOptions = {}): PutResult {
    checkPut(key, value, opts.lease, opts.ignoreValue, opts.ignoreLease);
    if (exceeds(this.maxRequestBytes, (m) => putSize(key, value, m))) throw tooLarge();
    const lease = opts.lease ?? 0;
    if (lease !== 0 && !this.lessor.lookup(lease)) throw new StoreError('lease-not-found', ERR.leaseNotFound);
    if ((opts.ignoreValue || opts.ignoreLease) && !this.ks.liveNow(key)) throw new StoreError('key-not-found', ERR.keyNotFound);
    const w = this.ks.begin();
    const prev = w.put(key, value, lease, opts.ignoreValue, opts.ignoreLease);
    const rev = this.ks.commit(w);
    return opts.prevKv && prev ? { header: this.header(rev), prevKv: prev } : { header: this.header(rev) };
  }

  deleteRange(key: string, opts: DeleteOptions = {}): DeleteResult {
    checkKey(key, opts.prefix);
    const w = this.ks.begin();
    const gone = w.deleteRange(keyRange(key, opts.rangeEnd, opts.prefix));
    const rev = this.ks.commit(w);
    return { header: this.header(rev), deleted: gone.length, prevKvs: opts.prevKv ? gone : [] };
  }

  txn(req: TxnRequest): TxnResult {
    checkTxn(req, this.maxTxnOps);
    // A branch of one plain operation cannot write a key twice: the apiserver's writes (one put or delete) skip the interval check.
    if (req.success.length > 1 || (req.success[0] && 'txn' in req.success[0])) checkIntervals(req.success);
    if (req.failure.length > 1 || (req.failure[0] && 'txn' in req.failure[0])) checkIntervals(req.failure);
    const readOnly = isReadOnly(req);
    if (!readOnly && exceeds(this.maxRequestBytes, (m) => txnSize(req, m))) throw tooLarge();
    const ks = this.ks;
    const path = compareToPath(req, (r) => ks.read(r, {}, ks.rev).kvs);
    if (!readOnly) checkPath(req, path, (op) => this.checkTxnPut(op));
    checkPath(req, path, (op) => this.checkTxnRange(op));
    const w = ks.begin();
    const body = applyTxn(req, path, new TxnOps(ks, w));
    return { header: this.header(ks.commit(w)), ...body };
  }

  watch(key: string, opts: WatchOptions, onResponse: WatchCallback, onError?: (e: StoreError) => void): Watch {
    const r = keyRange(key, opts.rangeEnd, opts.prefix);
    const start = opts.startRevision ?? 0;
    const prevKv = !!opts.prevKv;
    const rev = this.ks.rev;
    if (start !== 0 && start < this.ks.compactMain) {
      try {
        onError?.(compactedError(this.compactRevision));
      } catch {
        // A failing error callback must not break the caller either.
      }
      return this.hub.refused();
    }
    if (start === 0 || start > rev) return this.hub.add(r, prevKv, start === 0 ? rev + 1 : start, onResponse, []);
    return this.hub.add(r, prevKv, rev + 1, onResponse, this.ks.log.since(start));
  }

  compact(revision: number): ResponseHeader {
    // etcd's revisions are int64; anything else would corrupt the compaction bookkeeping.
    if (!Number.isSafeInteger(revision)) throw new StoreError('invalid-argument', `invalid compaction revision ${revision}`);
    if (revision <= this.ks.compactMain) throw compactedError(this.compactRevision);
    if (revision > this.ks.rev) throw futureRevError();
    this.ks.compact(revision);
    return this.header();
  }

  snapshot(): Uint8Array {
    return encodeSnapshot(this.exportState());
  }

  /** exportState hands the keyspace and leases to the snapshot encoder. */
  exportState(): SnapshotState {
    return this.ks.exportState(this.lessor.all().map((l) => ({ id: l.id, ttl: l.ttl })));
  }

  /**
   * fromState builds a store from decoded snapshot contents, keeping their
   * revision and compact revision as etcd's restore does. It returns
   * undefined when the keys are not in order.
   */
  static fromState(s: SnapshotState, opts: MvccStoreOptions = {}): MvccStore | undefined {
    const store = new MvccStore(opts);
    for (const l of s.leases) store.lessor.restore(l.id, l.ttl);
    return store.ks.loadState(s) ? store : undefined;
  }

  /** revoke deletes a lease's keys in one write (one revision, if it held any) and forgets the lease. */
  protected revoke(id: number): number {
    const keys = this.lessor.remove(id);
    const w = this.ks.begin();
    for (const key of keys) w.deleteRange({ kind: 'single', key });
    return this.ks.commit(w);
  }

  /** checkTxnPut is checkRequestPut, against the store before the transaction. */
  private checkTxnPut(op: RequestOp): void {
    if (!('put' in op)) return;
    const p = op.put;
    if ((p.ignoreValue || p.ignoreLease) && !this.ks.liveNow(p.key)) throw new StoreError('key-not-found', ERR.keyNotFound);
    if (p.lease && !this.lessor.lookup(p.lease)) throw new StoreError('lease-not-found', ERR.leaseNotFound);
  }

  /** checkTxnRange is checkRequestRange: a range's revision must exist before the transaction runs. */
  private checkTxnRange(op: RequestOp): void {
    if (!('range' in op) || !op.range.revision) return;
    if (op.range.revision > this.ks.rev) throw futureRevError();
    if (op.range.revision < this.ks.compactMain) throw compactedError(this.compactRevision);
  }
}

/**
 * TxnOps runs a transaction's operations inside its write. A class, not an
 * object literal of arrow functions: a build that keeps function names
 * (esbuild's keepNames, which tsx uses) renames each such arrow as it is
 * created, and one of these is made per transaction.
 */
class TxnOps implements TxnExec {
  constructor(
    private readonly ks: Keyspace,
    private readonly w: WriteTxn,
  ) {}

  put(p: Parameters<TxnExec['put']>[0]): PutResult {
    const w = this.w;
    const prev = w.put(p.key, p.value, p.lease ?? 0, p.ignoreValue, p.ignoreLease);
    return p.prevKv && prev ? { header: { revision: w.rev }, prevKv: prev } : { header: { revision: w.rev } };
  }

  deleteRange(d: Parameters<TxnExec['deleteRange']>[0]): DeleteResult {
    const gone = this.w.deleteRange(keyRange(d.key, d.rangeEnd, d.prefix));
    return { header: { revision: this.w.readRev }, deleted: gone.length, prevKvs: d.prevKv ? gone : [] };
  }

  range(q: Parameters<TxnExec['range']>[0]): RangeResult {
    const cur = this.w.readRev;
    const rows = this.ks.read(keyRange(q.key, q.rangeEnd, q.prefix), q, q.revision && q.revision > 0 ? q.revision : cur);
    return { header: { revision: cur }, ...rows };
  }
}

function tooLarge(): StoreError {
  return new StoreError('request-too-large', ERR.requestTooLarge);
}

/** low16 is the low 16 bits of a member ID given in decimal (as the gateway prints it) or in hex (as etcdctl does). */
function low16(id: string): number {
  if (/^\d+$/.test(id)) return Number(BigInt(id) & 0xffffn);
  if (/^[0-9a-f]+$/i.test(id)) return parseInt(id.slice(-4), 16);
  return 0;
}
