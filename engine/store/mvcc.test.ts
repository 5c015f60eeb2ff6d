import { describe, expect, it } from 'vitest';
import { MvccStore, DEFAULT_CLUSTER_ID, DEFAULT_MEMBER_ID } from './mvcc.ts';
import { StoreError } from './types.ts';

const keys = (r: { kvs: { key: string }[] }) => r.kvs.map((kv) => kv.key);

function errorOf(f: () => unknown): StoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}

describe('revisions', () => {
  it('starts at revision 1 with an empty keyspace and etcd-shaped headers', () => {
    const s = new MvccStore();
    expect(s.revision).toBe(1);
    expect(s.compactRevision).toBe(0);
    expect(s.range('', { prefix: true })).toEqual({
      header: { revision: 1, clusterId: DEFAULT_CLUSTER_ID, memberId: DEFAULT_MEMBER_ID, raftTerm: 2 },
      kvs: [],
      count: 0,
      more: false,
    });
    expect(new MvccStore({ clusterId: '1', memberId: '2', raftTerm: 5 }).header()).toEqual({ revision: 1, clusterId: '1', memberId: '2', raftTerm: 5 });
  });

  it('moves once per write that changes something, never for reads or empty deletes', () => {
    const s = new MvccStore();
    expect(s.put('a', '1').header.revision).toBe(2);
    expect(s.put('b', '1').header.revision).toBe(3);
    expect(s.deleteRange('zzz').header.revision).toBe(3);
    expect(s.range('a').header.revision).toBe(3);
    const t = s.txn({ compare: [], success: [{ put: { key: 'c', value: '1' } }, { put: { key: 'd', value: '1' } }, { deleteRange: { key: 'a' } }], failure: [] });
    expect(t.header.revision).toBe(4);
    expect(s.txn({ compare: [], success: [{ range: { key: 'c' } }, { deleteRange: { key: 'nope' } }], failure: [] }).header.revision).toBe(4);
    expect(s.deleteRange('b').header.revision).toBe(5);
    expect(s.revision).toBe(5);
  });

  it('tracks create revision, mod revision and version per key; a delete starts the key over', () => {
    const s = new MvccStore();
    s.put('k', 'a');
    s.put('other', 'x');
    s.put('k', 'b');
    expect(s.range('k').kvs).toEqual([{ key: 'k', value: 'b', createRevision: 2, modRevision: 4, version: 2, lease: 0 }]);
    s.deleteRange('k');
    expect(s.range('k').kvs).toEqual([]);
    s.put('k', 'c');
    expect(s.range('k').kvs).toEqual([{ key: 'k', value: 'c', createRevision: 6, modRevision: 6, version: 1, lease: 0 }]);
  });

  it('answers put and delete with the previous values when asked', () => {
    const s = new MvccStore();
    expect(s.put('k', 'a', { prevKv: true })).toEqual({ header: s.header(2) });
    expect(s.put('k', 'b', { prevKv: true }).prevKv).toMatchObject({ value: 'a', modRevision: 2 });
    s.put('k2', 'c');
    const d = s.deleteRange('k', { prefix: true, prevKv: true });
    expect(d.deleted).toBe(2);
    expect(d.prevKvs.map((kv) => [kv.key, kv.value])).toEqual([['k', 'b'], ['k2', 'c']]);
    expect(s.deleteRange('x', { prevKv: false }).prevKvs).toEqual([]);
  });

  it('keeps the value or lease with ignoreValue / ignoreLease', () => {
    const s = new MvccStore();
    s.leaseGrant(60, 5);
    s.put('k', 'v', { lease: 5 });
    s.put('k', 'w', { ignoreLease: true });
    expect(s.range('k').kvs[0]).toMatchObject({ value: 'w', lease: 5, version: 2 });
    // Without ignoreLease the put carries lease 0, which detaches the key, as in etcd.
    s.put('k', '', { ignoreValue: true });
    expect(s.range('k').kvs[0]).toMatchObject({ value: 'w', lease: 0, version: 3 });
    expect(s.leaseTimeToLive(5, true).keys).toEqual([]);
    expect(errorOf(() => s.put('k', 'x', { ignoreValue: true })).message).toBe('etcdserver: value is provided');
    expect(errorOf(() => s.put('k', 'x', { ignoreLease: true, lease: 5 })).message).toBe('etcdserver: lease is provided');
    expect(errorOf(() => s.put('nope', '', { ignoreValue: true })).message).toBe('etcdserver: key not found');
  });

  it('hands out frozen key-values, so a caller cannot change the store by accident', () => {
    const s = new MvccStore();
    s.put('k', 'v');
    const kv = s.range('k').kvs[0]!;
    expect(Object.isFrozen(kv)).toBe(true);
    expect(() => ((kv as { value: string }).value = 'x')).toThrow(TypeError);
  });
});

describe('ranges', () => {
  function fill(): MvccStore {
    const s = new MvccStore();
    for (const k of ['/registry/pods/a/p1', '/registry/pods/a/p2', '/registry/pods/b/p1', '/registry/pods/b/p2', '/registry/services/a/s', 'x', 'y']) s.put(k, `v-${k}`);
    return s;
  }

  it('selects one key, a prefix, a half-open interval or everything from a key', () => {
    const s = fill();
    expect(keys(s.range('x'))).toEqual(['x']);
    expect(keys(s.range('/registry/pods/', { prefix: true }))).toEqual(['/registry/pods/a/p1', '/registry/pods/a/p2', '/registry/pods/b/p1', '/registry/pods/b/p2']);
    expect(keys(s.range('/registry/pods/a/p2', { rangeEnd: '/registry/pods/b/p2' }))).toEqual(['/registry/pods/a/p2', '/registry/pods/b/p1']);
    expect(keys(s.range('/registry/services/', { rangeEnd: '\0' }))).toEqual(['/registry/services/a/s', 'x', 'y']);
    expect(keys(s.range('', { prefix: true }))).toHaveLength(7);
    expect(keys(s.range('y', { rangeEnd: 'x' }))).toEqual([]);
  });

  it('limits the kvs but counts the whole range, and says when more were left out', () => {
    const s = fill();
    const r = s.range('/registry/', { prefix: true, limit: 2 });
    expect([keys(r), r.count, r.more]).toEqual([['/registry/pods/a/p1', '/registry/pods/a/p2'], 5, true]);
    const all = s.range('/registry/', { prefix: true, limit: 5 });
    expect([all.kvs.length, all.count, all.more]).toEqual([5, 5, false]);
    expect(s.range('/registry/', { prefix: true, limit: -1 }).kvs).toHaveLength(5);
  });

  it('returns keys only or counts only', () => {
    const s = fill();
    expect(s.range('x', { keysOnly: true }).kvs).toEqual([{ key: 'x', value: '', createRevision: 7, modRevision: 7, version: 1, lease: 0 }]);
    expect(s.range('x').kvs[0]!.value).toBe('v-x');
    expect(s.range('', { prefix: true, countOnly: true, limit: 1 })).toMatchObject({ kvs: [], count: 7, more: false });
  });

  it('reads the keyspace as it was at an older revision', () => {
    const s = new MvccStore();
    s.put('a', '1');
    s.put('b', '1');
    s.put('a', '2');
    s.deleteRange('b');
    expect(s.range('', { prefix: true, revision: 3 }).kvs.map((kv) => [kv.key, kv.value, kv.version])).toEqual([['a', '1', 1], ['b', '1', 1]]);
    expect(s.range('', { prefix: true, revision: 4 }).kvs.map((kv) => [kv.key, kv.value])).toEqual([['a', '2'], ['b', '1']]);
    expect(keys(s.range('', { prefix: true, revision: 5 }))).toEqual(['a']);
    expect(keys(s.range('', { prefix: true, revision: 1 }))).toEqual([]);
    expect(s.range('a', { revision: 3 }).header.revision).toBe(5);
    expect(keys(s.range('', { prefix: true, revision: -4 }))).toEqual(['a']);
  });

  it('sorts and filters as etcdctl get --sort-by/--order and the revision filters do', () => {
    const s = new MvccStore();
    s.put('a', '3');
    s.put('b', '1');
    s.put('c', '2');
    s.put('a', '4');
    expect(keys(s.range('', { prefix: true, sortTarget: 'VALUE' }))).toEqual(['b', 'c', 'a']);
    expect(keys(s.range('', { prefix: true, sortTarget: 'MOD', sortOrder: 'DESCEND', limit: 2 }))).toEqual(['a', 'c']);
    expect(keys(s.range('', { prefix: true, sortTarget: 'KEY', sortOrder: 'DESCEND' }))).toEqual(['c', 'b', 'a']);
    expect(keys(s.range('', { prefix: true, sortTarget: 'VERSION', sortOrder: 'DESCEND' }))).toEqual(['a', 'b', 'c']);
    expect(keys(s.range('', { prefix: true, sortTarget: 'CREATE', sortOrder: 'ASCEND' }))).toEqual(['a', 'b', 'c']);
    const f = s.range('', { prefix: true, minModRevision: 4, limit: 1 });
    expect([keys(f), f.count, f.more]).toEqual([['a'], 3, true]);
    expect(keys(s.range('', { prefix: true, maxCreateRevision: 3 }))).toEqual(['a', 'b']);
  });

  it('refuses what etcd refuses, with etcd texts', () => {
    const s = new MvccStore();
    s.put('a', '1');
    expect(errorOf(() => s.range('')).message).toBe('etcdserver: key is not provided');
    expect(errorOf(() => s.range('', { rangeEnd: '\0' })).code).toBe('invalid-argument');
    expect(errorOf(() => s.put('', 'v')).message).toBe('etcdserver: key is not provided');
    expect(errorOf(() => s.deleteRange('')).message).toBe('etcdserver: key is not provided');
    expect(errorOf(() => s.range('a', { revision: 3 }))).toMatchObject({ code: 'future-revision', message: 'etcdserver: mvcc: required revision is a future revision' });
    expect(errorOf(() => s.put('a', 'x', { lease: 99 }))).toMatchObject({ code: 'lease-not-found', message: 'etcdserver: requested lease not found' });
  });

  it('refuses requests over --max-request-bytes and changes nothing', () => {
    const s = new MvccStore({ maxRequestBytes: 1000 });
    s.put('k', 'x'.repeat(900));
    expect(errorOf(() => s.put('k', 'x'.repeat(1001)))).toMatchObject({ code: 'request-too-large', message: 'etcdserver: request is too large' });
    // Sizes are UTF-8 bytes: 500 × "é" is 1,000 bytes.
    expect(errorOf(() => s.put('k', 'é'.repeat(500))).code).toBe('request-too-large');
    expect(() => s.put('k', 'é'.repeat(450))).not.toThrow();
    const big = { compare: [], success: [{ put: { key: 'a', value: 'x'.repeat(600) } }], failure: [{ put: { key: 'a', value: 'y'.repeat(600) } }] };
    expect(errorOf(() => s.txn(big)).code).toBe('request-too-large');
    expect(s.revision).toBe(3);
    expect(s.range('a').kvs).toEqual([]);
    expect(new MvccStore().put('k', 'x'.repeat(1024 * 1024)).header.revision).toBe(2);
  });
});
