import { describe, expect, it } from 'vitest';
import { Registry } from '../../api/registry.ts';
import { Runtime } from '../../base/runtime.ts';
import { MvccStore } from '../../store/mvcc.ts';
import { testApiServer } from '../testing/harness.ts';
import { ResourceStore } from './resource-store.ts';

const admin = { token: 'admin' };

describe('ResourceStore label index', () => {
  it('answers equality selectors from the index, following label changes and deletions', () => {
    const { server } = testApiServer();
    server.request({ method: 'POST', path: '/api/v1/namespaces', credentials: admin, body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } } });
    const mk = (name: string, labels: Record<string, string>) =>
      server.request({ method: 'POST', path: '/api/v1/namespaces/a/configmaps', credentials: admin, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels } } });
    mk('c2', { app: 'web' });
    mk('c1', { app: 'web', tier: 'x' });
    mk('c3', { app: 'db' });
    const names = (sel: string) =>
      (server.request({ method: 'GET', path: '/api/v1/namespaces/a/configmaps', credentials: admin, query: { labelSelector: sel } }).body as { items: { metadata: { name: string } }[] }).items.map((i) => i.metadata.name);
    expect(names('app=web')).toEqual(['c1', 'c2']);
    expect(names('app=web,tier=x')).toEqual(['c1']);
    expect(names('app in (db)')).toEqual(['c3']);
    server.request({ method: 'PATCH', path: '/api/v1/namespaces/a/configmaps/c2', credentials: admin, headers: { 'content-type': 'application/merge-patch+json' }, body: { metadata: { labels: { app: 'db' } } } });
    expect(names('app=web')).toEqual(['c1']);
    expect(names('app=db')).toEqual(['c2', 'c3']);
    server.request({ method: 'DELETE', path: '/api/v1/namespaces/a/configmaps/c3', credentials: admin });
    expect(names('app=db')).toEqual(['c2']);
  });
});

describe('ResourceStore listeners', () => {
  it('are told of an event in subscription order, those with a trigger only when the old or new object has its value', () => {
    const kv = new MvccStore();
    const store = new ResourceStore(new Registry().lookup('', 'v1', 'pods')!, kv, new Runtime({ start: 0, seed: 1 }));
    const told: string[] = [];
    const listen = (name: string, value?: string) => store.subscribe((e) => told.push(`${name}:${e.type}`), undefined, value === undefined ? undefined : { field: 'spec.nodeName', value });
    listen('all1');
    listen('n1', 'n1');
    const stopN2 = listen('n2', 'n2');
    listen('all2');
    listen('n1b', 'n1');
    const put = (nodeName: string) => kv.put('/registry/pods/default/p', JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName } }));
    put('n1');
    expect(told.splice(0)).toEqual(['all1:ADDED', 'n1:ADDED', 'all2:ADDED', 'n1b:ADDED']);
    put('n2');
    expect(told.splice(0)).toEqual(['all1:MODIFIED', 'n1:MODIFIED', 'n2:MODIFIED', 'all2:MODIFIED', 'n1b:MODIFIED']);
    stopN2();
    put('n3');
    expect(told.splice(0)).toEqual(['all1:MODIFIED', 'all2:MODIFIED']);
    kv.deleteRange('/registry/pods/default/p');
    expect(told.splice(0)).toEqual(['all1:DELETED', 'all2:DELETED']);
  });
});
