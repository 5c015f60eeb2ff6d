import { describe, expect, it } from 'vitest';
import { MvccStore } from './mvcc.ts';
import { StoreError, type WatchResponse } from './types.ts';

function errorOf(f: () => unknown): StoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}

const COMPACTED = 'etcdserver: mvcc: required revision has been compacted';

describe('compaction', () => {
  it('refuses a revision already compacted or not reached yet, as etcd does', () => {
    const s = new MvccStore();
    s.put('a', '1');
    s.put('a', '2');
    expect(errorOf(() => s.compact(4)).message).toBe('etcdserver: mvcc: required revision is a future revision');
    expect(s.compact(2)).toEqual(s.header());
    expect(s.compactRevision).toBe(2);
    expect(errorOf(() => s.compact(2))).toMatchObject({ code: 'compacted', message: COMPACTED, compactRevision: 2 });
    expect(errorOf(() => s.compact(1)).message).toBe(COMPACTED);
    expect(s.compact(3).revision).toBe(3);
    // Like etcd, a fresh store may be compacted at 0 once (its compact revision starts below 0).
    const fresh = new MvccStore();
    fresh.compact(0);
    expect(errorOf(() => fresh.compact(0)).message).toBe(COMPACTED);
    expect(fresh.compactRevision).toBe(0);
    expect(errorOf(() => fresh.compact(Number.NaN)).code).toBe('invalid-argument');
  });

  it('keeps reads at and after the compact revision, refuses older ones', () => {
    const s = new MvccStore();
    s.put('a', '1');
    s.put('b', '1');
    s.put('a', '2');
    s.deleteRange('b');
    s.put('c', '1');
    s.compact(4);
    expect(errorOf(() => s.range('a', { revision: 3 })).message).toBe(COMPACTED);
    expect(s.range('', { prefix: true, revision: 4 }).kvs.map((kv) => [kv.key, kv.value])).toEqual([['a', '2'], ['b', '1']]);
    expect(s.range('', { prefix: true, revision: 5 }).kvs.map((kv) => kv.key)).toEqual(['a']);
    expect(s.range('', { prefix: true }).kvs.map((kv) => kv.key)).toEqual(['a', 'c']);
    expect(errorOf(() => s.txn({ compare: [], success: [{ range: { key: 'a', revision: 2 } }], failure: [] })).message).toBe(COMPACTED);
  });

  it('replays from the compact revision its surviving puts, not its deletes', () => {
    const s = new MvccStore();
    s.put('a', '1');
    s.txn({ compare: [], success: [{ put: { key: 'b', value: '1' } }, { deleteRange: { key: 'a' } }], failure: [] });
    s.put('c', '1');
    s.compact(3);
    const got: WatchResponse[] = [];
    s.watch('', { prefix: true, startRevision: 3, prevKv: true }, (r) => void got.push(r));
    expect(got.map((r) => [r.header.revision, r.events.map((e) => [e.type, e.kv.key, e.prevKv?.value])])).toEqual([
      [3, [['PUT', 'b', undefined]]],
      [4, [['PUT', 'c', undefined]]],
    ]);
  });

  it('frees history: old revisions, deleted keys and the replay log', () => {
    const s = new MvccStore();
    for (let i = 0; i < 2000; i++) s.put(`k${i % 100}`, `${i}`);
    for (let i = 0; i < 50; i++) s.deleteRange(`k${i}`);
    expect(s.exportState().keys.reduce((n, [, h]) => n + h.length, 0)).toBe(2050);
    s.compact(s.revision);
    const state = s.exportState();
    expect(state.keys.map(([k]) => k)).toHaveLength(50);
    expect(state.keys.every(([, h]) => h.length === 1)).toBe(true);
    const replay: WatchResponse[] = [];
    s.watch('', { prefix: true, startRevision: s.revision }, (r) => void replay.push(r));
    expect(replay).toEqual([]);
    s.put('k1', 'again');
    expect(s.range('k1').kvs[0]).toMatchObject({ version: 1, createRevision: s.revision });
    s.put('k99', 'more');
    s.compact(s.revision);
    expect(s.exportState().keys.reduce((n, [, h]) => n + h.length, 0)).toBe(51);
  });
});
