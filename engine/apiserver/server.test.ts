import { describe, expect, it } from 'vitest';
import type { ApiRequest, WatchEvent } from '../api/transport.ts';
import { isWatchStream } from '../api/transport.ts';
import { testApiServer } from './testing/harness.ts';
import { backupsCrd } from './testing/crd.ts';

const admin = { token: 'admin' };

function req(method: ApiRequest['method'], path: string, body?: unknown, extra: Partial<ApiRequest> = {}): ApiRequest {
  return { method, path, body, credentials: admin, ...extra };
}

function setup() {
  const h = testApiServer();
  const r = h.server.request(req('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }));
  expect(r.status).toBe(201);
  return h;
}

const cm = (name: string, data: Record<string, string> = { a: '1' }, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data,
});

describe('ApiServer', () => {
  it('creates, reads and lists objects with resourceVersions from etcd revisions', () => {
    const { server, kv } = setup();
    const created = server.request(req('POST', '/api/v1/namespaces/default/configmaps', cm('one')));
    expect(created.status).toBe(201);
    const obj = created.body as { metadata: Record<string, unknown> };
    expect(obj.metadata.namespace).toBe('default');
    expect(obj.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(obj.metadata.resourceVersion).toBe(String(kv.revision));
    expect(obj.metadata.creationTimestamp).toBe('2026-01-05T09:00:00Z');
    const got = server.request(req('GET', '/api/v1/namespaces/default/configmaps/one'));
    expect(got.status).toBe(200);
    const keys = kv.range('/registry/configmaps/', { prefix: true, keysOnly: true }).kvs.map((k) => k.key);
    expect(keys).toEqual(['/registry/configmaps/default/one']);
    const list = server.request(req('GET', '/api/v1/configmaps')).body as { kind: string; items: unknown[] };
    expect(list.kind).toBe('ConfigMapList');
    expect(list.items).toHaveLength(1);
  });

  it('answers NotFound, AlreadyExists and Conflict with the real texts', () => {
    const { server } = setup();
    const nf = server.request(req('GET', '/api/v1/namespaces/default/configmaps/nope'));
    expect(nf.status).toBe(404);
    expect((nf.body as { message: string }).message).toBe('configmaps "nope" not found');
    server.request(req('POST', '/api/v1/namespaces/default/configmaps', cm('dup')));
    const ae = server.request(req('POST', '/api/v1/namespaces/default/configmaps', cm('dup')));
    expect(ae.status).toBe(409);
    expect((ae.body as { message: string }).message).toBe('configmaps "dup" already exists');
    const cur = server.request(req('GET', '/api/v1/namespaces/default/configmaps/dup')).body as { metadata: { resourceVersion: string } };
    const stale = { ...cm('dup', { a: '2' }), metadata: { name: 'dup', resourceVersion: String(Number(cur.metadata.resourceVersion) - 1) } };
    const c = server.request(req('PUT', '/api/v1/namespaces/default/configmaps/dup', stale));
    expect(c.status).toBe(409);
    expect((c.body as { message: string }).message).toBe(
      'Operation cannot be fulfilled on configmaps "dup": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('rejects invalid objects and leaves nothing behind', () => {
    const { server, kv } = setup();
    const before = kv.revision;
    const r = server.request(req('POST', '/api/v1/namespaces/default/configmaps', cm('Bad_Name')));
    expect(r.status).toBe(422);
    expect(kv.revision).toBe(before);
  });

  it('patches with merge, JSON and strategic merge patches; no-op writes keep the revision', () => {
    const { server, kv } = setup();
    server.request(req('POST', '/api/v1/namespaces/default/configmaps', cm('p', { a: '1', b: '2' })));
    const merge = server.request(req('PATCH', '/api/v1/namespaces/default/configmaps/p', { data: { b: null, c: '3' } }, { headers: { 'content-type': 'application/merge-patch+json' } }));
    expect((merge.body as { data: unknown }).data).toEqual({ a: '1', c: '3' });
    const json = server.request(req('PATCH', '/api/v1/namespaces/default/configmaps/p', [{ op: 'replace', path: '/data/a', value: 'x' }], { headers: { 'content-type': 'application/json-patch+json' } }));
    expect((json.body as { data: unknown }).data).toEqual({ a: 'x', c: '3' });
    const rev = kv.revision;
    server.request(req('PATCH', '/api/v1/namespaces/default/configmaps/p', { data: { a: 'x' } }, { headers: { 'content-type': 'application/strategic-merge-patch+json' } }));
    expect(kv.revision).toBe(rev);
  });

  it('filters lists by label selector and pages with limit/continue', () => {
    const { server } = setup();
    for (let i = 0; i < 5; i++) server.request(req('POST', '/api/v1/namespaces/default/configmaps', cm(`c${i}`, {}, { tier: i % 2 ? 'odd' : 'even' })));
    const odd = server.request(req('GET', '/api/v1/namespaces/default/configmaps', undefined, { query: { labelSelector: 'tier=odd' } })).body as { items: { metadata: { name: string } }[] };
    expect(odd.items.map((i) => i.metadata.name)).toEqual(['c1', 'c3']);
    const page1 = server.request(req('GET', '/api/v1/namespaces/default/configmaps', undefined, { query: { limit: '2' } })).body as { items: unknown[]; metadata: { continue?: string } };
    expect(page1.items).toHaveLength(2);
    const page2 = server.request(req('GET', '/api/v1/namespaces/default/configmaps', undefined, { query: { limit: '10', continue: page1.metadata.continue! } })).body as { items: unknown[] };
    expect(page2.items).toHaveLength(3);
  });

  it('refuses a bad selector with a BadRequest that says only what is wrong (kubectl adds the resource and selectors)', () => {
    const { server } = setup();
    const list = (query: Record<string, string>) => server.request(req('GET', '/api/v1/namespaces/default/pods', undefined, { query })).body as { code: number; message: string };
    expect(list({ fieldSelector: 'foo=bar' })).toMatchObject({ code: 400, message: 'field label not supported: foo' });
    expect(list({ labelSelector: 'a in (b' })).toMatchObject({ code: 400, message: "unable to parse requirement: found '', expected: ',' or ')'" });
  });

  it('serves Tables to kubectl', () => {
    const { server } = setup();
    server.request(req('POST', '/api/v1/namespaces/default/configmaps', cm('t', { a: '1', b: '2' })));
    const t = server.request(req('GET', '/api/v1/namespaces/default/configmaps', undefined, { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } })).body as {
      kind: string;
      rows: { cells: unknown[] }[];
    };
    expect(t.kind).toBe('Table');
    expect(t.rows[0]!.cells.slice(0, 2)).toEqual(['t', 2]);
  });

  it('streams watch events after the write, from the runtime queue', () => {
    const { server, runtime } = setup();
    const events: WatchEvent[] = [];
    const w = server.watch(req('GET', '/api/v1/namespaces/default/configmaps', undefined, { query: { resourceVersion: '0' } }), (e) => events.push(e), () => {});
    expect(isWatchStream(w)).toBe(true);
    server.request(req('POST', '/api/v1/namespaces/default/configmaps', cm('w1')));
    expect(events).toHaveLength(0);
    runtime.settle();
    expect(events.map((e) => e.type)).toEqual(['ADDED']);
    server.request(req('DELETE', '/api/v1/namespaces/default/configmaps/w1'));
    runtime.settle();
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
  });

  it('denies unauthorised users with the real Forbidden text', () => {
    const { server } = setup();
    const r = server.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps', credentials: { token: 'jane:dev' } });
    expect(r.status).toBe(403);
    expect((r.body as { message: string }).message).toBe('configmaps is forbidden: User "jane" cannot list resource "configmaps" in API group "" in the namespace "default"');
  });
});

describe('CustomResourceDefinitions', () => {
  it('serve their custom resources once created, and take them along when deleted', () => {
    const { server, runtime, kv } = setup();
    const crd = backupsCrd();
    expect(server.request(req('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd)).status).toBe(201);
    runtime.settle();
    const got = server.request(req('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/backups.lab.example.com')).body as { status: { conditions: { type: string; status: string }[] } };
    expect(got.status.conditions.map((c) => `${c.type}=${c.status}`)).toEqual(['NamesAccepted=True', 'Established=True']);
    const cr = { apiVersion: 'lab.example.com/v1', kind: 'Backup', metadata: { name: 'nightly' }, spec: { schedule: '@daily' } };
    expect(server.request(req('POST', '/apis/lab.example.com/v1/namespaces/default/backups', cr)).status).toBe(201);
    expect(kv.range('/registry/lab.example.com/backups/default/nightly').count).toBe(1);
    server.request(req('DELETE', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/backups.lab.example.com'));
    runtime.settle();
    expect(kv.range('/registry/lab.example.com/backups/', { prefix: true }).count).toBe(0);
    expect(server.request(req('GET', '/apis/lab.example.com/v1/namespaces/default/backups')).status).toBe(404);
    expect(server.request(req('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/backups.lab.example.com')).status).toBe(404);
  });

  it('leave a kind the server already serves built in as it is (its CRD object only lists it)', () => {
    const { server, runtime } = setup();
    const before = server.request(req('GET', '/apis/networking.k8s.io/v1')).body as { resources: { name: string; kind: string }[] };
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'ingressclasses.networking.k8s.io', annotations: { 'api-approved.kubernetes.io': 'https://github.com/kubernetes/kubernetes/pull/1' } },
      spec: { group: 'networking.k8s.io', scope: 'Cluster', names: { plural: 'ingressclasses', singular: 'ingressclass', kind: 'IngressClass' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }] },
    };
    expect(server.request(req('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd)).status).toBe(201);
    runtime.settle();
    // The built-in row still validates (a CRD row would preserve any field) and still serves.
    const bad = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'x' }, spec: { controller: 'not a domain path' } };
    expect(server.request(req('POST', '/apis/networking.k8s.io/v1/ingressclasses', bad)).status).toBe(422);
    expect((server.request(req('GET', '/apis/networking.k8s.io/v1')).body as typeof before).resources).toEqual(before.resources);
  });
});

describe('access reviews', () => {
  it('answer kubectl auth can-i through the authorizer', () => {
    const { server } = setup();
    const ssar = (token: string) =>
      server.request({
        method: 'POST',
        path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        credentials: { token },
        body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { namespace: 'default', verb: 'list', resource: 'pods' } } },
      });
    expect((ssar('admin').body as { status: { allowed: boolean } }).status.allowed).toBe(true);
    // jane has no RBAC at all, so not even creating the review is allowed
    expect(ssar('jane:dev').status).toBe(403);
  });
});
