import { describe, expect, it } from 'vitest';
import { MvccStore } from './mvcc.ts';
import type { StoreError, WatchOptions, WatchResponse } from './types.ts';

/** summary turns responses into [revision, [type, key, value, prevValue?]...] rows. */
function summary(rs: WatchResponse[]): unknown[] {
  return rs.map((r) => [r.header.revision, ...r.events.map((e) => [e.type, e.kv.key, e.kv.value, ...(e.prevKv ? [e.prevKv.value] : [])])]);
}

function collect(s: MvccStore, key: string, opts: WatchOptions = {}) {
  const got: WatchResponse[] = [];
  const w = s.watch(key, opts, (r) => void got.push(r));
  return { got, w };
}

describe('watch', () => {
  it('delivers each revision synchronously, in order, one response per revision', () => {
    const s = new MvccStore();
    const { got } = collect(s, '', { prefix: true });
    s.put('a', '1');
    expect(got).toHaveLength(1);
    s.txn({ compare: [], success: [{ put: { key: 'b', value: '1' } }, { put: { key: 'c', value: '1' } }, { deleteRange: { key: 'a' } }], failure: [] });
    s.deleteRange('nothing');
    expect(summary(got)).toEqual([
      [2, ['PUT', 'a', '1']],
      [3, ['PUT', 'b', '1'], ['PUT', 'c', '1'], ['DELETE', 'a', '']],
    ]);
    expect(got[1]!.events[2]!.kv).toEqual({ key: 'a', value: '', createRevision: 0, modRevision: 3, version: 0, lease: 0 });
    expect(got[0]!.header).toEqual(s.header(2));
  });

  it('filters by key, prefix and interval', () => {
    const s = new MvccStore();
    const one = collect(s, 'k');
    const pre = collect(s, '/registry/pods/', { prefix: true });
    const span = collect(s, 'b', { rangeEnd: 'd' });
    for (const k of ['k', 'k2', '/registry/pods/a', '/registry/podsx', 'b', 'c', 'd']) s.put(k, 'v');
    expect(one.got.map((r) => r.events[0]!.kv.key)).toEqual(['k']);
    expect(pre.got.map((r) => r.events[0]!.kv.key)).toEqual(['/registry/pods/a']);
    expect(span.got.map((r) => r.events[0]!.kv.key)).toEqual(['b', 'c']);
  });

  it('adds previous values, except to creations', () => {
    const s = new MvccStore();
    const { got } = collect(s, 'k', { prevKv: true });
    s.put('k', '1');
    s.put('k', '2');
    s.deleteRange('k');
    s.put('k', '3');
    expect(summary(got)).toEqual([
      [2, ['PUT', 'k', '1']],
      [3, ['PUT', 'k', '2', '1']],
      [4, ['DELETE', 'k', '', '2']],
      [5, ['PUT', 'k', '3']],
    ]);
  });

  it('replays history from a start revision, then continues live without a gap or a repeat', () => {
    const s = new MvccStore();
    s.put('a', '1');
    s.put('b', '1');
    s.put('a', '2');
    s.deleteRange('b');
    const { got } = collect(s, '', { prefix: true, startRevision: 3, prevKv: true });
    expect(summary(got)).toEqual([[3, ['PUT', 'b', '1']], [4, ['PUT', 'a', '2', '1']], [5, ['DELETE', 'b', '', '1']]]);
    s.put('c', '1');
    expect(summary(got).at(-1)).toEqual([6, ['PUT', 'c', '1']]);
    expect(summary(collect(s, 'a', { startRevision: 1 }).got)).toEqual([[2, ['PUT', 'a', '1']], [4, ['PUT', 'a', '2']]]);
  });

  it('waits for a future start revision', () => {
    const s = new MvccStore();
    const { got } = collect(s, 'k', { startRevision: 4 });
    s.put('k', '1');
    s.put('k', '2');
    s.put('k', '3');
    expect(summary(got)).toEqual([[4, ['PUT', 'k', '3']]]);
  });

  it("refuses a start revision below the compact revision with etcd's error", () => {
    const s = new MvccStore();
    for (let i = 0; i < 4; i++) s.put('k', `${i}`);
    s.compact(4);
    let err: StoreError | undefined;
    const got: WatchResponse[] = [];
    const w = s.watch('k', { startRevision: 3 }, (r) => void got.push(r), (e) => (err = e));
    expect(err).toMatchObject({ code: 'compacted', message: 'etcdserver: mvcc: required revision has been compacted', compactRevision: 4 });
    s.put('k', 'later');
    expect(got).toEqual([]);
    expect(s.watcherCount).toBe(0);
    w.cancel();
    expect(summary(collect(s, 'k', { startRevision: 4 }).got)).toEqual([[4, ['PUT', 'k', '2']], [5, ['PUT', 'k', '3']], [6, ['PUT', 'k', 'later']]]);
  });

  it('stops at once for a watch cancelled inside its own callback, live or during replay', () => {
    const s = new MvccStore();
    s.put('a', '1');
    s.put('a', '2');
    const replayed: number[] = [];
    s.watch('a', { startRevision: 1 }, (r, w) => {
      replayed.push(r.header.revision);
      w.cancel();
    });
    expect(replayed).toEqual([2]);
    const live: number[] = [];
    const w = s.watch('a', {}, (r) => {
      live.push(r.header.revision);
      w.cancel();
    });
    s.put('a', '3');
    s.put('a', '4');
    expect(live).toEqual([4]);
    expect(s.watcherCount).toBe(0);
  });

  it('lets neither a throwing callback nor its exception break the write or other watchers', () => {
    const errors: unknown[] = [];
    const s = new MvccStore({ onCallbackError: (e) => errors.push(e) });
    s.watch('k', {}, () => {
      throw new Error('boom');
    });
    const { got } = collect(s, 'k');
    expect(s.put('k', 'v').header.revision).toBe(2);
    expect(s.range('k').kvs[0]!.value).toBe('v');
    expect(got).toHaveLength(1);
    expect(errors).toEqual([new Error('boom')]);
    s.watch('x', { startRevision: 1 }, () => {}, () => {
      throw new Error('also ignored');
    });
  });

  it('keeps revision order for every watcher when a callback writes', () => {
    const s = new MvccStore();
    const first: number[] = [];
    const second: number[] = [];
    let putRev = 0;
    s.watch('', { prefix: true }, (r) => {
      first.push(r.header.revision);
      if (r.events[0]!.kv.key === 'trigger') putRev = s.put('reaction', 'x').header.revision;
    });
    s.watch('', { prefix: true }, (r) => void second.push(r.header.revision));
    const res = s.put('trigger', 'x');
    // The write that triggered the reaction still reports its own revision.
    expect(res.header.revision).toBe(2);
    expect(putRev).toBe(3);
    expect(first).toEqual([2, 3]);
    expect(second).toEqual([2, 3]);
  });

  it('neither repeats nor skips for a watch opened from history inside a callback', () => {
    const s = new MvccStore();
    s.put('a', '1');
    const late: number[] = [];
    s.watch('trigger', {}, () => {
      s.put('b', 'from-callback');
      s.watch('', { prefix: true, startRevision: 1 }, (r) => void late.push(r.header.revision));
    });
    s.put('trigger', 'x');
    s.put('c', 'x');
    expect(late).toEqual([2, 3, 4, 5]);
  });

  it('names the watch in its responses', () => {
    const s = new MvccStore();
    const { got, w } = collect(s, 'k');
    s.put('k', 'v');
    expect(got[0]!.watchId).toBe(w.id);
    expect(collect(s, 'k').w.id).not.toBe(w.id);
  });
});
