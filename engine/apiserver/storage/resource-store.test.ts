import { describe, expect, it } from 'vitest';
import { testApiServer } from '../testing/harness.ts';

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
