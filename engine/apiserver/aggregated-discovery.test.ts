import { describe, expect, it } from 'vitest';
import { testApiServer } from './testing/harness.ts';

const ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

describe('aggregated discovery', () => {
  const { server } = testApiServer();
  const get = (path: string, accept?: string) => server.request({ method: 'GET', path, headers: accept ? { accept } : {}, credentials: { token: 'admin' } });

  it('answers /apis with every group in one APIGroupDiscoveryList when asked first', () => {
    const r = get('/apis', ACCEPT);
    expect(r.contentType).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const body = r.body as { kind: string; items: { metadata: { name: string }; versions: { version: string; resources: Record<string, unknown>[] }[] }[] };
    expect(body.kind).toBe('APIGroupDiscoveryList');
    const apps = body.items.find((g) => g.metadata.name === 'apps')!;
    const deployments = apps.versions[0]!.resources.find((x) => x.resource === 'deployments');
    expect(deployments).toEqual({
      resource: 'deployments',
      responseKind: { group: '', version: '', kind: 'Deployment' },
      scope: 'Namespaced',
      singularResource: 'deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: expect.arrayContaining([
        { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
        { subresource: 'status', responseKind: { group: '', version: '', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
      ]),
    });
    expect(body.items.some((g) => g.metadata.name === '')).toBe(false);
  });

  it('answers /api with the core group only, and keeps the legacy documents for other clients', () => {
    const core = get('/api', ACCEPT).body as { items: { metadata: Record<string, unknown>; versions: { version: string; resources: { resource: string }[] }[] }[] };
    expect(core.items).toHaveLength(1);
    // a 1.34 apiserver omits the zero creationTimestamp: the core group's metadata is empty
    expect(core.items[0]!.metadata).toEqual({});
    expect(core.items[0]!.versions[0]!.resources.map((r) => r.resource)).toContain('pods');
    expect((get('/api', 'application/json').body as { kind: string }).kind).toBe('APIVersions');
    expect((get('/apis').body as { kind: string }).kind).toBe('APIGroupList');
  });
});
