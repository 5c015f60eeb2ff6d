import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MvccStore } from './mvcc.ts';
import type { RequestOp, TxnRequest, WatchEvent } from './types.ts';
import { Model, type ModelRange } from './testing/model.ts';

/**
 * MvccStore against a model that copies the whole keyspace at every revision:
 * random sequences of puts, deletes, ranges (at old revisions too),
 * transactions, compactions and watches must give the same answers. Keys mix
 * ASCII with characters whose UTF-16 order differs from their UTF-8 order.
 */

const KEYS = ['a', 'ab', 'a/b', 'a/c', 'b', 'é', 'ê', '\u{1F600}', '\uE000', '\uFFFD', 'z'];
const PREFIXES = ['a', 'a/', 'é', '\u{1F600}', '\uE000'];

const keyArb = fc.constantFrom(...KEYS);
const rangeArb: fc.Arbitrary<ModelRange> = fc.oneof(
  keyArb.map((key) => ({ key })),
  fc.constantFrom(...PREFIXES).map((key) => ({ key, prefix: true })),
  fc.tuple(keyArb, fc.constantFrom(...KEYS, '\0')).map(([key, end]) => ({ key, end })),
);
/** A revision pick: 0 means "current", anything else wraps into [1, current + 1] at run time. */
const revArb = fc.nat(60);

type Op =
  | { op: 'put'; key: string; value: string }
  | { op: 'del'; r: ModelRange }
  | { op: 'range'; r: ModelRange; limit: number; rev: number }
  | { op: 'txn'; t: TxnRequest }
  | { op: 'compact'; rev: number }
  | { op: 'watch'; r: ModelRange; rev: number; prevKv: boolean };

const compareArb = fc
  .record({
    key: keyArb,
    target: fc.constantFrom('VERSION', 'CREATE', 'MOD', 'VALUE' as const),
    result: fc.constantFrom('EQUAL', 'NOT_EQUAL', 'GREATER', 'LESS' as const),
    n: fc.nat(12),
  })
  .map((c) => ({ key: c.key, target: c.target, result: c.result, value: c.target === 'VALUE' ? `v${c.n % 3}` : c.n }));

/** A transaction whose operations (nested ones included) all touch different keys. */
const txnArb: fc.Arbitrary<TxnRequest> = fc
  .tuple(
    fc.shuffledSubarray(KEYS, { maxLength: 6 }),
    fc.array(compareArb, { maxLength: 2 }),
    fc.array(compareArb, { maxLength: 2 }),
    fc.array(fc.constantFrom('put', 'del', 'range'), { minLength: 6, maxLength: 6 }),
    fc.nat(6),
  )
  .map(([keys, outer, innerCompare, kinds, split]) => {
    const op = (k: string, i: number): RequestOp =>
      kinds[i] === 'put' ? { put: { key: k, value: `t${i}` } } : kinds[i] === 'del' ? { deleteRange: { key: k } } : { range: { key: k } };
    const ops = keys.map(op);
    const inner: TxnRequest = { compare: innerCompare, success: ops.slice(split), failure: [] };
    const top = ops.slice(0, Math.min(split, ops.length));
    return { compare: outer, success: [...top, { txn: inner }], failure: top };
  });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('put' as const), key: keyArb, value: fc.constantFrom('v0', 'v1', 'v2') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('del' as const), r: rangeArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('range' as const), r: rangeArb, limit: fc.nat(3), rev: revArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('txn' as const), t: txnArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('compact' as const), rev: revArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('watch' as const), r: rangeArb, rev: revArb, prevKv: fc.boolean() }) },
);

const opts = (r: ModelRange) => ({ rangeEnd: r.end, prefix: r.prefix });
const at = (pick: number, current: number) => (pick === 0 ? 0 : 1 + (pick % (current + 1)));

function attempt<T>(f: () => T): T | { error: string } {
  try {
    return f();
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function step(store: MvccStore, model: Model, o: Op): void {
  const cur = model.revision;
  expect(store.revision).toBe(cur);
  switch (o.op) {
    case 'put': {
      const got = store.put(o.key, o.value, { prevKv: true });
      const want = model.put(o.key, o.value);
      expect([got.header.revision, got.prevKv]).toEqual([want.rev, want.prev]);
      break;
    }
    case 'del': {
      const got = store.deleteRange(o.r.key, opts(o.r));
      const want = model.del(o.r);
      expect([got.header.revision, got.deleted]).toEqual([want.rev, want.deleted]);
      break;
    }
    case 'range': {
      const rev = at(o.rev, cur);
      const got = attempt(() => {
        const r = store.range(o.r.key, { ...opts(o.r), limit: o.limit, revision: rev });
        return { kvs: r.kvs, count: r.count, more: r.more };
      });
      expect(got).toEqual(attempt(() => model.range(o.r, o.limit, rev)));
      break;
    }
    case 'txn': {
      const got = store.txn(o.t);
      const want = model.txn(o.t);
      const nested = (rs: unknown[]) => rs.flatMap((r) => (r && typeof r === 'object' && 'txn' in r ? [(r.txn as { succeeded: boolean }).succeeded] : []));
      expect([got.header.revision, got.succeeded, nested(got.responses)]).toEqual([want.rev, want.succeeded, nested(want.results)]);
      break;
    }
    case 'compact': {
      // Often compact at the newest revision, so its own deletions meet the compaction rules.
      const rev = o.rev % 4 === 0 ? cur : at(o.rev, cur) || cur;
      const got = attempt(() => void store.compact(rev));
      expect(got).toEqual(attempt(() => model.compact(rev)));
      break;
    }
    case 'watch': {
      // Often start exactly at the compact revision, the edge with its own rules.
      const start = o.rev % 3 === 0 ? Math.max(1, store.compactRevision) : at(o.rev, cur) || 1;
      const seen: WatchEvent[] = [];
      let refused = false;
      const w = store.watch(o.r.key, { ...opts(o.r), startRevision: start, prevKv: o.prevKv }, (r) => seen.push(...r.events), () => (refused = true));
      w.cancel();
      expect(refused ? 'compacted' : seen).toEqual(model.replay(o.r, start, o.prevKv));
      break;
    }
  }
}

describe('MvccStore matches a brute-force model', () => {
  it('over random operation sequences', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 80, size: 'max' }), (ops) => {
        const store = new MvccStore();
        const model = new Model();
        const live: WatchEvent[] = [];
        store.watch('\0', { rangeEnd: '\0', prevKv: true }, (r) => live.push(...r.events));
        for (const o of ops) step(store, model, o);
        expect(live).toEqual(model.replay({ key: '\0', end: '\0' }, 1, true, true));
      }),
      { numRuns: 200, seed: 4242 },
    );
  });
});
