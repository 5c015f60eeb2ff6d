/**
 * Operations the oracle test applies to MvccStore and to a real etcd alike,
 * a seeded generator of random sequences of them, and the normalisation that
 * makes the two answers comparable. Test-only.
 */
import type { Rand } from '../../base/rand.ts';
import type { MvccStore } from '../mvcc.ts';
import type { Compare, CompareResult, CompareTarget, DeleteOptions, PutOptions, RangeOptions, RequestOp, TxnRequest } from '../types.ts';
import type { EtcdGateway } from './etcd-gateway.ts';

/** Op is one request, sent to both stores. */
export type Op =
  | { kind: 'put'; key: string; value: string; opts: PutOptions }
  | { kind: 'delete'; key: string; opts: DeleteOptions }
  | { kind: 'range'; key: string; opts: RangeOptions }
  | { kind: 'txn'; req: TxnRequest }
  | { kind: 'compact'; rev: number }
  | { kind: 'leaseGrant'; ttl: number; id: number }
  | { kind: 'leaseRevoke'; id: number };

/** Outcome is a normalised answer: a result without member-specific header fields, or an error text. */
export type Outcome = { ok: unknown } | { error: string };

const MEMBER_FIELDS = new Set(['clusterId', 'memberId', 'raftTerm']);

/** normalise drops what differs between two clusters by nature (IDs, raft term) and undefined fields. */
export function normalise(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (k, v: unknown) => (MEMBER_FIELDS.has(k) ? undefined : v)) ?? 'null');
}

async function outcome(f: () => unknown): Promise<Outcome> {
  try {
    return { ok: normalise(await f()) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** runOp applies op to the store and to etcd and returns both outcomes. */
export async function runOp(store: MvccStore, etcd: EtcdGateway, op: Op): Promise<[Outcome, Outcome]> {
  switch (op.kind) {
    case 'put':
      return [await outcome(() => store.put(op.key, op.value, op.opts)), await outcome(() => etcd.put(op.key, op.value, op.opts))];
    case 'delete':
      return [await outcome(() => store.deleteRange(op.key, op.opts)), await outcome(() => etcd.deleteRange(op.key, op.opts))];
    case 'range':
      return [await outcome(() => store.range(op.key, op.opts)), await outcome(() => etcd.range(op.key, op.opts))];
    case 'txn':
      return [await outcome(() => store.txn(op.req)), await outcome(() => etcd.txn(op.req))];
    case 'compact':
      return [await outcome(() => store.compact(op.rev)), await outcome(() => etcd.compact(op.rev))];
    case 'leaseGrant':
      return [
        await outcome(() => {
          const r = store.leaseGrant(op.ttl, op.id);
          return { id: r.id, ttl: r.ttl };
        }),
        await outcome(() => etcd.leaseGrant(op.ttl, op.id)),
      ];
    case 'leaseRevoke':
      return [await outcome(() => store.leaseRevoke(op.id)), await outcome(() => etcd.leaseRevoke(op.id))];
  }
}

/** KEYS is the random sequences' key pool: nested prefixes, neighbours and look-alikes. */
export const KEYS = [
  '/registry/pods/default/web-1',
  '/registry/pods/default/web-2',
  '/registry/pods/default/web-10',
  '/registry/pods/kube-system/dns',
  '/registry/services/default/web',
  '/registry/services/default/web-1',
  'foo',
  'foo/bar',
  'foo1',
  'fop',
  'a',
  'b',
];

const PREFIXES = ['/registry/', '/registry/pods/', '/registry/pods/default/', 'foo', 'f', '/registry/services/'];
const TARGETS: CompareTarget[] = ['VERSION', 'CREATE', 'MOD', 'VALUE', 'LEASE'];
const RESULTS: CompareResult[] = ['EQUAL', 'NOT_EQUAL', 'GREATER', 'LESS'];

/** Gen draws random operations that stay within what both stores can be asked. */
export class Gen {
  constructor(private readonly r: Rand) {}

  key(): string {
    return this.r.pick(KEYS);
  }

  value(): string {
    return `v${this.r.int(6)}`;
  }

  /** revision picks a revision around the interesting edges: compacted, current, future. */
  revision(current: number, compacted: number): number {
    const pick = this.r.int(10);
    if (pick < 2) return 0;
    if (pick < 4) return current - this.r.int(3);
    if (pick === 4) return current + 1;
    if (pick === 5) return Math.max(1, compacted - 1 + this.r.int(3));
    return 1 + this.r.int(current);
  }

  range(current: number, compacted: number): { key: string; opts: RangeOptions } {
    const opts: RangeOptions = {};
    let key = this.key();
    const shape = this.r.int(4);
    if (shape === 1) {
      key = this.r.pick(PREFIXES);
      opts.prefix = true;
    } else if (shape === 2) {
      const [a, b] = [this.key(), this.key()].sort();
      key = a!;
      opts.rangeEnd = b!;
    } else if (shape === 3) opts.rangeEnd = '\0';
    if (this.r.int(2)) opts.limit = this.r.int(4);
    if (this.r.int(4) === 0) opts.keysOnly = true;
    if (this.r.int(6) === 0) opts.countOnly = true;
    if (this.r.int(3) === 0) opts.revision = this.revision(current, compacted);
    // Sorting by key only: etcd's order for ties on other targets is unspecified.
    if (this.r.int(8) === 0) opts.sortOrder = this.r.pick(['ASCEND', 'DESCEND'] as const);
    if (this.r.int(8) === 0) opts.minModRevision = this.r.int(current + 1);
    if (this.r.int(8) === 0) opts.maxCreateRevision = this.r.int(current + 1);
    return { key, opts };
  }

  compare(current: number): Compare {
    const target = this.r.pick(TARGETS);
    const value = target === 'VALUE' ? this.value() : target === 'LEASE' ? 0 : this.r.int(current + 2);
    return { key: this.key(), target, result: this.r.pick(RESULTS), value };
  }

  requestOp(current: number, compacted: number, depth: number): RequestOp {
    const pick = this.r.int(depth > 0 ? 4 : 5);
    if (pick === 0) return { put: { key: this.key(), value: this.value(), prevKv: this.r.int(2) === 0 } };
    if (pick === 1) return { deleteRange: { key: this.key(), prevKv: true } };
    if (pick === 2 && this.r.int(4) === 0) return { deleteRange: { key: this.r.pick(PREFIXES), prefix: true } };
    if (pick <= 3) {
      const { key, opts } = this.range(current, compacted);
      return { range: { key, ...opts } };
    }
    return { txn: this.txn(current, compacted, depth + 1) };
  }

  txn(current: number, compacted: number, depth = 0): TxnRequest {
    const ops = (n: number) => Array.from({ length: n }, () => this.requestOp(current, compacted, depth));
    return {
      compare: Array.from({ length: this.r.int(3) }, () => this.compare(current)),
      success: ops(this.r.int(4)),
      failure: ops(this.r.int(3)),
    };
  }

  /** op draws the next operation of a random sequence. */
  op(current: number, compacted: number): Op {
    const pick = this.r.int(100);
    if (pick < 30) return { kind: 'put', key: this.key(), value: this.value(), opts: { prevKv: this.r.int(2) === 0 } };
    if (pick < 38) return { kind: 'delete', key: this.key(), opts: { prevKv: this.r.int(2) === 0 } };
    if (pick < 42) return { kind: 'delete', key: this.r.pick(PREFIXES), opts: { prefix: true, prevKv: true } };
    if (pick < 62) {
      const { key, opts } = this.range(current, compacted);
      return { kind: 'range', key, opts };
    }
    if (pick < 72) {
      // The apiserver's optimistic-concurrency patterns: create if absent, update if unchanged.
      const key = this.key();
      const mod = this.r.int(3) === 0 ? this.r.int(current + 1) : 0;
      return {
        kind: 'txn',
        req: {
          compare: [{ key, target: mod ? 'MOD' : 'CREATE', result: 'EQUAL', value: mod }],
          success: [{ put: { key, value: this.value() } }],
          failure: [{ range: { key } }],
        },
      };
    }
    if (pick < 97) return { kind: 'txn', req: this.txn(current, compacted) };
    return { kind: 'compact', rev: this.revision(current, compacted) };
  }
}
