import { describe, expect, it } from 'vitest';
import { MvccStore } from './mvcc.ts';
import { StoreError, type Compare, type RequestOp, type TxnRequest, type WatchResponse } from './types.ts';

const txn = (compare: Compare[], success: RequestOp[], failure: RequestOp[] = []): TxnRequest => ({ compare, success, failure });

function errorOf(f: () => unknown): StoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}

describe('txn: the apiserver patterns', () => {
  it('creates only when the key is absent (CREATE == 0)', () => {
    const s = new MvccStore();
    const create = (v: string) => txn([{ key: 'k', target: 'CREATE', result: 'EQUAL', value: 0 }], [{ put: { key: 'k', value: v } }], [{ range: { key: 'k' } }]);
    const first = s.txn(create('a'));
    expect([first.succeeded, first.header.revision]).toEqual([true, 2]);
    const second = s.txn(create('b'));
    expect(second.succeeded).toBe(false);
    expect(second.header.revision).toBe(2);
    expect(second.responses).toEqual([{ range: { header: { revision: 2 }, kvs: [s.range('k').kvs[0]], count: 1, more: false } }]);
  });

  it('updates only when the mod revision is unchanged (MOD == rv)', () => {
    const s = new MvccStore();
    const rv = s.put('k', 'a').header.revision;
    const update = (v: string) => txn([{ key: 'k', target: 'MOD', result: 'EQUAL', value: rv }], [{ put: { key: 'k', value: v, prevKv: true } }], [{ range: { key: 'k' } }]);
    const ok = s.txn(update('b'));
    expect(ok.succeeded).toBe(true);
    expect(ok.responses[0]).toEqual({ put: { header: { revision: 3 }, prevKv: { key: 'k', value: 'a', createRevision: 2, modRevision: 2, version: 1, lease: 0 } } });
    expect(s.txn(update('c')).succeeded).toBe(false);
    expect(s.range('k').kvs[0]!.value).toBe('b');
  });
});

describe('txn: compares', () => {
  const s = new MvccStore();
  s.put('k', 'm');
  s.put('k', 'm');
  const cases: [Compare, boolean][] = [
    [{ key: 'k', target: 'VERSION', result: 'EQUAL', value: 2 }, true],
    [{ key: 'k', target: 'VERSION', result: 'GREATER', value: 1 }, true],
    [{ key: 'k', target: 'VERSION', result: 'LESS', value: 2 }, false],
    [{ key: 'k', target: 'CREATE', result: 'EQUAL', value: 2 }, true],
    [{ key: 'k', target: 'MOD', result: 'NOT_EQUAL', value: 3 }, false],
    [{ key: 'k', target: 'VALUE', result: 'GREATER', value: 'l' }, true],
    [{ key: 'k', target: 'VALUE', result: 'LESS', value: 'mm' }, true],
    [{ key: 'k', target: 'LEASE', result: 'EQUAL', value: 0 }, true],
    [{ key: 'absent', target: 'CREATE', result: 'EQUAL', value: 0 }, true],
    [{ key: 'absent', target: 'VERSION', result: 'LESS', value: 1 }, true],
    [{ key: 'absent', target: 'VALUE', result: 'NOT_EQUAL', value: 'x' }, false],
    [{ key: 'absent', target: 'VALUE', result: 'EQUAL', value: '' }, false],
    [{ key: 'j', rangeEnd: 'l', target: 'VERSION', result: 'GREATER', value: 0 }, true],
    [{ key: '', prefix: true, target: 'MOD', result: 'LESS', value: 3 }, false],
  ];
  for (const [c, want] of cases) {
    it(`${c.key || '(all)'} ${c.target} ${c.result} ${String(c.value)} is ${want}`, () => {
      expect(s.txn(txn([c], [])).succeeded).toBe(want);
    });
  }
});

describe('txn: execution', () => {
  it('evaluates nested compares against the store before the transaction', () => {
    const s = new MvccStore();
    const r = s.txn(
      txn([], [
        { put: { key: 'a', value: '1' } },
        { txn: txn([{ key: 'a', target: 'CREATE', result: 'EQUAL', value: 0 }], [{ put: { key: 'b', value: '1' } }], [{ put: { key: 'c', value: '1' } }]) },
      ]),
    );
    expect(r.responses[1]).toEqual({ txn: { header: { revision: 0 }, succeeded: true, responses: [{ put: { header: { revision: 2 } } }] } });
    expect(s.range('', { prefix: true }).kvs.map((kv) => kv.key)).toEqual(['a', 'b']);
  });

  it('lets later operations read earlier writes, or the store before the transaction by revision', () => {
    const s = new MvccStore();
    s.put('a', 'old');
    const r = s.txn(txn([], [{ range: { key: 'a' } }, { put: { key: 'a', value: 'new' } }, { range: { key: 'a' } }, { range: { key: 'a', revision: 2 } }]));
    const ranges = r.responses.flatMap((x) => ('range' in x ? [[x.range.header.revision, x.range.kvs[0]!.value]] : []));
    expect(ranges).toEqual([[2, 'old'], [3, 'new'], [3, 'old']]);
  });

  it('puts all its events in one watch response at one revision', () => {
    const s = new MvccStore();
    const got: WatchResponse[] = [];
    s.watch('', { prefix: true }, (r) => void got.push(r));
    s.txn(txn([], [{ put: { key: 'a', value: '1' } }, { txn: txn([], [{ put: { key: 'b', value: '1' } }]) }, { deleteRange: { key: 'zz' } }]));
    expect(got.map((r) => [r.header.revision, r.events.map((e) => [e.kv.key, e.kv.modRevision])])).toEqual([[2, [['a', 2], ['b', 2]]]]);
  });

  it("follows etcd when a delete with range end \"\\0\" and a put meet: no duplicate error, two changes to one key", () => {
    const s = new MvccStore();
    s.put('b', '1');
    const got: WatchResponse[] = [];
    s.watch('b', { prevKv: true }, (r) => void got.push(r));
    const r = s.txn(txn([], [{ put: { key: 'b', value: '2' } }, { deleteRange: { key: 'a', rangeEnd: '\0', prevKv: true } }]));
    expect(r.responses[1]).toMatchObject({ deleteRange: { deleted: 1, prevKvs: [{ key: 'b', value: '2', version: 2 }] } });
    expect(got[0]!.events.map((e) => [e.type, e.prevKv?.value])).toEqual([['PUT', '1'], ['DELETE', '1']]);
    expect(s.range('b').kvs).toEqual([]);
    expect(s.range('b', { revision: 2 }).kvs[0]!.value).toBe('1');
  });
});

describe('txn: request checks', () => {
  const s = new MvccStore();
  s.leaseGrant(60, 1);
  const dup = 'etcdserver: duplicate key given in txn request';
  const cases: [string, TxnRequest, string][] = [
    ['the same key put twice', txn([], [{ put: { key: 'a', value: '1' } }, { put: { key: 'a', value: '2' } }]), dup],
    ['a put inside a deleted range', txn([], [{ deleteRange: { key: 'a', rangeEnd: 'c' } }, { put: { key: 'b', value: '1' } }]), dup],
    ['a put inside a deleted prefix', txn([], [{ put: { key: 'pre/x', value: '1' } }, { deleteRange: { key: 'pre/', prefix: true } }]), dup],
    ['a nested put over an outer put', txn([], [{ put: { key: 'a', value: '1' } }, { txn: txn([], [{ put: { key: 'a', value: '2' } }]) }]), dup],
    ['a nested put under an outer delete', txn([], [{ deleteRange: { key: 'a' } }, { txn: txn([], [], [{ put: { key: 'a', value: '2' } }]) }]), dup],
    ['an empty key', txn([], [{ range: { key: '' } }]), 'etcdserver: key is not provided'],
    ['an empty compare key', txn([{ key: '', target: 'VERSION', result: 'EQUAL', value: 0 }], []), 'etcdserver: key is not provided'],
    ['an unknown lease', txn([], [{ put: { key: 'a', value: '1', lease: 2 } }]), 'etcdserver: requested lease not found'],
    ['a future revision', txn([], [{ range: { key: 'a', revision: 99 } }]), 'etcdserver: mvcc: required revision is a future revision'],
    ['an empty operation', txn([], [{} as RequestOp]), 'etcdserver: key not found'],
    ['129 operations', txn([], Array.from({ length: 129 }, (_, i) => ({ range: { key: `k${i}` } }))), 'etcdserver: too many operations in txn request'],
    [
      'a nested txn over what its parent leaves',
      txn([], [{ txn: txn([], Array.from({ length: 100 }, (_, i) => ({ range: { key: `k${i}` } }))) }], Array.from({ length: 29 }, (_, i) => ({ range: { key: `k${i}` } }))),
      'etcdserver: too many operations in txn request',
    ],
  ];
  for (const [name, req, message] of cases) {
    it(`refuses ${name}, changing nothing`, () => {
      const before = s.revision;
      expect(errorOf(() => s.txn(req)).message).toBe(message);
      expect(s.revision).toBe(before);
      expect(s.range('a').kvs).toEqual([]);
    });
  }

  it('allows what etcd allows', () => {
    expect(s.txn(txn([], [{ put: { key: 'a', value: '1' } }], [{ put: { key: 'a', value: '2' } }])).succeeded).toBe(true);
    expect(s.txn(txn([], [{ txn: txn([], [{ put: { key: 'x', value: '1' } }], [{ put: { key: 'x', value: '2' } }]) }])).succeeded).toBe(true);
    expect(s.txn(txn([], Array.from({ length: 128 }, (_, i) => ({ range: { key: `k${i}` } })))).succeeded).toBe(true);
    // etcd checks a nested put only against deletes met before it.
    expect(s.txn(txn([], [{ txn: txn([], [{ put: { key: 'n', value: '1' } }]) }, { txn: txn([], [{ deleteRange: { key: 'n' } }]) }])).succeeded).toBe(true);
    expect(errorOf(() => s.txn(txn([], [{ txn: txn([], [{ put: { key: 'n', value: '1' } }]) }, { deleteRange: { key: 'n' } }]))).code).toBe('duplicate-key');
    expect(new MvccStore({ maxTxnOps: 2 }).txn(txn([], [{ range: { key: 'a' } }, { range: { key: 'b' } }])).succeeded).toBe(true);
    expect(errorOf(() => new MvccStore({ maxTxnOps: 2 }).txn(txn([], [{ range: { key: 'a' } }], [{ range: { key: 'b' } }, { range: { key: 'c' } }, { range: { key: 'd' } }]))).code).toBe('too-many-ops');
  });
});
