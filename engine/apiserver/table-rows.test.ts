import { describe, expect, it } from 'vitest';
import type { KObject } from '../api/types.ts';
import { testApiServer } from './testing/harness.ts';

const admin = { token: 'admin' };
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const TABLE_BETA = 'application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

interface Row {
  cells: unknown[];
  object?: KObject;
}
interface Table {
  rows: Row[];
}

function lab() {
  const api = testApiServer();
  const { server, runtime, registry } = api;
  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, extra: { body?: unknown; query?: Record<string, string>; headers?: Record<string, string> } = {}) => {
    const r = server.request({ method, path, credentials: admin, ...extra });
    if (r.status >= 300) throw new Error(JSON.stringify(r.body));
    return r.body;
  };
  req('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } } });
  const createPod = (name: string) => req('POST', '/api/v1/namespaces/a/pods', { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } }) as KObject;
  const table = (query: Record<string, string> = {}, accept = TABLE) => req('GET', '/api/v1/namespaces/a/pods', { query, headers: { accept } }) as Table;
  const podDef = registry.all().find((d) => d.group === '' && d.plural === 'pods')!;
  /** expected recomputes every row from the objects as they are now, with no cache involved. */
  const expected = () => {
    const list = req('GET', '/api/v1/namespaces/a/pods') as { items: KObject[] };
    return list.items.map((o) => [...podDef.row(o, { now: runtime.now })]);
  };
  const cells = (t: Table) => t.rows.map((r) => [...r.cells]);
  return { ...api, req, createPod, table, expected, cells };
}

describe('Table rows from the watch cache', () => {
  it('stay equal to freshly computed rows across create, update, delete and compaction', () => {
    const l = lab();
    l.createPod('p1');
    l.createPod('p2');
    expect(l.cells(l.table())).toEqual(l.expected());
    l.req('PATCH', '/api/v1/namespaces/a/pods/p1/status', {
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { status: { phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }] } },
    });
    l.runtime.advance(90_000);
    const afterUpdate = l.table({}, TABLE);
    expect(l.cells(afterUpdate)).toEqual(l.expected());
    expect(afterUpdate.rows[0]!.cells[2]).toBe('Running');
    expect(afterUpdate.rows[0]!.cells[4]).toBe('90s');
    l.req('DELETE', '/api/v1/namespaces/a/pods/p2');
    l.createPod('p0');
    l.kv.compact(l.kv.revision);
    const t = l.table();
    expect(t.rows.map((r) => r.object!.metadata.name)).toEqual(['p0', 'p1']);
    expect(l.cells(t)).toEqual(l.expected());
  });

  it('follow writes made straight to etcd (etcdctl put)', () => {
    const l = lab();
    const p = l.createPod('p1');
    l.table();
    const edited = { ...p, metadata: { ...p.metadata, resourceVersion: undefined }, status: { phase: 'Failed' } };
    l.kv.put('/registry/pods/a/p1', JSON.stringify(edited));
    expect(l.table().rows[0]!.cells[2]).toBe('Failed');
  });

  it('are kept and shared once listed again while they hold, and frozen', () => {
    const l = lab();
    l.createPod('old');
    l.runtime.advance(20 * 60_000 + 1_000); // AGE "20m" holds for the rest of the minute
    l.createPod('new');
    const first = l.table();
    expect(Object.isFrozen(first.rows[1])).toBe(false); // listed once: not kept yet
    l.runtime.advance(5_000);
    const second = l.table();
    expect(second.rows[1]!.cells[4]).toBe('20m');
    expect(Object.isFrozen(second.rows[1])).toBe(true); // listed again while "20m" held: kept
    expect(second.rows[0]!.cells[4]).toBe('5s');
    expect(Object.isFrozen(second.rows[0])).toBe(false); // "0s" had become "5s": not worth keeping
    l.runtime.advance(5_000);
    const third = l.table();
    expect(third.rows[1]).toBe(second.rows[1]);
    expect(third.rows[0]!.cells[4]).toBe('10s');
    expect(() => {
      third.rows[1]!.cells[0] = 'mutated';
    }).toThrow(TypeError);
    expect(() => {
      third.rows[1]!.object!.metadata.name = 'mutated';
    }).toThrow(TypeError);
    const fourth = l.table();
    expect(Object.isFrozen(fourth.rows[0])).toBe(true); // same instant: "10s" holds, kept now
    expect(l.table().rows[0]).toBe(fourth.rows[0]);
    l.runtime.advance(60_000);
    const fifth = l.table();
    expect(fifth.rows[1]!.cells[4]).toBe('21m');
    expect(l.cells(fifth)).toEqual(l.expected());
  });

  it('of an unchanged list are handed out again only while every row holds', () => {
    const l = lab();
    l.createPod('a');
    l.createPod('b');
    l.runtime.advance(30 * 60_000);
    l.table();
    const kept = l.table(); // every row kept now
    const again = l.table();
    expect(again.rows[0]).toBe(kept.rows[0]); // shared rows...
    expect(l.table().rows).toBe(again.rows); // ...in an array handed out again while nothing changes...
    expect(() => again.rows.pop()).toThrow(TypeError); // ...which nobody can change
    expect(l.table().rows).toHaveLength(2);
    l.runtime.advance(59_000); // still "30m"
    expect(l.table().rows[1]).toBe(kept.rows[1]);
    l.runtime.advance(1_000); // "31m"
    const later = l.table();
    expect(later.rows.map((r) => r.cells[4])).toEqual(['31m', '31m']);
    expect(l.cells(later)).toEqual(l.expected());
  });

  it('of an unchanged cluster-wide list are the same frozen array again', () => {
    const l = lab();
    l.createPod('a');
    l.createPod('b');
    const all = () => l.req('GET', '/api/v1/pods', { headers: { accept: TABLE } }) as Table;
    all();
    all();
    const kept = all();
    expect(all().rows).toBe(kept.rows);
    expect(Object.isFrozen(kept.rows)).toBe(true);
    expect(() => (kept.rows as unknown[]).pop()).toThrow(TypeError);
    l.createPod('c');
    expect(all().rows).toHaveLength(3);
  });

  it('hand out rows nobody else holds when they are not kept', () => {
    const l = lab();
    l.createPod('p1');
    const a = l.table();
    l.runtime.advance(1_000);
    const b = l.table();
    expect(b.rows[0]).not.toBe(a.rows[0]);
    b.rows[0]!.cells[0] = 'mine';
    l.runtime.advance(1_000);
    expect(l.table().rows[0]!.cells[0]).toBe('p1');
  });

  it('answer each includeObject and Table version in its own shape, whatever was cached before', () => {
    const l = lab();
    const p = l.createPod('p1');
    const meta = l.table().rows[0]!.object!;
    expect(meta.kind).toBe('PartialObjectMetadata');
    expect(meta.apiVersion).toBe('meta.k8s.io/v1');
    expect(l.table({}, TABLE_BETA).rows[0]!.object!.apiVersion).toBe('meta.k8s.io/v1beta1');
    expect(l.table({ includeObject: 'None' }).rows[0]!.object).toBeUndefined();
    const whole = l.table({ includeObject: 'Object' }).rows[0]!.object!;
    expect(whole.kind).toBe('Pod');
    expect(whole.metadata.uid).toBe(p.metadata.uid);
    expect(l.table().rows[0]!.object!.apiVersion).toBe('meta.k8s.io/v1');
  });
});

describe('ResourceStore.list', () => {
  it('hands out a frozen snapshot that the next change replaces', () => {
    const l = lab();
    l.createPod('p1');
    const items = () => (l.req('GET', '/api/v1/namespaces/a/pods') as { items: KObject[] }).items;
    const store = l.server.storage.store(l.registry.all().find((d) => d.group === '' && d.plural === 'pods')!);
    const snapshot = store.list('a');
    expect(store.list('a')).toBe(snapshot); // nothing changed: the same answer
    expect(() => (snapshot as KObject[]).push(snapshot[0]!)).toThrow(TypeError);
    const before = items();
    before.pop(); // a client's copy: its own to change
    expect(items().map((o) => o.metadata.name)).toEqual(['p1']);
    l.createPod('p2');
    expect(store.list('a')).not.toBe(snapshot);
    expect(snapshot.map((o) => o.metadata.name)).toEqual(['p1']); // an old snapshot stays as it was
    expect(items().map((o) => o.metadata.name)).toEqual(['p1', 'p2']);
    l.req('DELETE', '/api/v1/namespaces/a/pods/p1');
    expect(items().map((o) => o.metadata.name)).toEqual(['p2']);
    expect(l.req('GET', '/api/v1/pods', { query: { labelSelector: 'x!=y' } })).toMatchObject({ items: [{ metadata: { name: 'p2' } }] });
  });
});
