import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../api/transport.ts';
import { testApiServer } from './testing/harness.ts';

/**
 * Property: whatever a client sends — random objects, mutated manifests,
 * every patch type with random patches, unknown paths — the apiserver answers
 * with a response (never throws), every error is a Status object, and a
 * rejected write leaves the store exactly as it was.
 */

const admin = { token: 'admin' };

const SEEDS: Record<string, { path: string; obj: Record<string, unknown> }> = {
  pod: {
    path: '/api/v1/namespaces/default/pods',
    obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } }] } },
  },
  deployment: {
    path: '/apis/apps/v1/namespaces/default/deployments',
    obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 2, selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } },
  },
  configmap: { path: '/api/v1/namespaces/default/configmaps', obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { k: 'v' } } },
  service: {
    path: '/api/v1/namespaces/default/services',
    obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'a' }, ports: [{ port: 80, targetPort: 8080 }], type: 'NodePort' } },
  },
  role: {
    path: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles',
    obj: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
  },
};

const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: false }), fc.constant(''), fc.constant('-1'));

/** mutate replaces, deletes or retypes one field somewhere in a JSON value. */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (v: unknown, p: string[]) => {
    paths.push(p);
    if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...p, k]);
  };
  walk(base, []);
  return fc.tuple(fc.constantFrom(...paths), fc.oneof(leaf, fc.constant(undefined), fc.dictionary(fc.string({ maxLength: 4 }), leaf, { maxKeys: 2 }), fc.array(leaf, { maxLength: 2 }))).map(([path, value]) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    if (path.length === 0) return value;
    let cur: Record<string, unknown> = copy;
    for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
    // JSON has no holes: removing a list item shortens the list.
    if (value === undefined && Array.isArray(cur)) cur.splice(Number(path.at(-1)), 1);
    else if (value === undefined) delete cur[path.at(-1)!];
    else cur[path.at(-1)!] = value;
    return copy;
  });
}

const PATCH_TYPES = ['application/strategic-merge-patch+json', 'application/merge-patch+json', 'application/json-patch+json', 'application/apply-patch+yaml', 'text/plain'];

function request(): fc.Arbitrary<ApiRequest> {
  const kind = fc.constantFrom(...Object.keys(SEEDS));
  return kind.chain((k) => {
    const s = SEEDS[k]!;
    const name = (s.obj.metadata as { name: string }).name;
    const body = fc.oneof(mutated(s.obj), fc.anything({ maxDepth: 3 }), fc.string());
    const jsonPatch = fc.array(fc.record({ op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus'), path: fc.constantFrom('/metadata/labels/x', '/spec', '/spec/containers/0/image', '/nope/deep', '', '/metadata/name'), value: leaf, from: fc.constantFrom('/spec', '/metadata') }), { maxLength: 3 });
    return fc.oneof(
      body.map((b): ApiRequest => ({ method: 'POST', path: s.path, body: b, credentials: admin })),
      body.map((b): ApiRequest => ({ method: 'PUT', path: `${s.path}/${name}`, body: b, credentials: admin })),
      fc.tuple(fc.constantFrom(...PATCH_TYPES), fc.oneof(body, jsonPatch)).map(([ct, b]): ApiRequest => ({ method: 'PATCH', path: `${s.path}/${name}`, headers: { 'content-type': ct }, body: b, credentials: admin })),
      fc.constantFrom('DELETE', 'GET').map((m): ApiRequest => ({ method: m as 'GET', path: `${s.path}/${name}`, credentials: admin })),
      fc.tuple(fc.constantFrom('status', 'scale', 'bogus'), body).map(([sub, b]): ApiRequest => ({ method: 'PUT', path: `${s.path}/${name}/${sub}`, body: b, credentials: admin })),
    );
  });
}

describe('apiserver under random requests', () => {
  it('answers everything, errors are Status objects, and rejected writes change nothing', () => {
    const { server, kv } = testApiServer();
    // Start from valid objects so updates and patches have something to hit.
    for (const s of Object.values(SEEDS)) server.request({ method: 'POST', path: s.path, body: s.obj, credentials: admin });
    fc.assert(
      fc.property(request(), (req) => {
        const before = kv.revision;
        const resp = server.request(req);
        expect(typeof resp.status).toBe('number');
        // An internal error would be a bug of ours: bad input is the client's fault (4xx).
        expect(resp.status).not.toBe(500);
        if (resp.status >= 400) {
          expect((resp.body as { kind?: string }).kind).toBe('Status');
          expect(typeof (resp.body as { message?: string }).message).toBe('string');
          expect(kv.revision).toBe(before);
        }
      }),
      { numRuns: 1500, seed: 42 },
    );
  });
});
