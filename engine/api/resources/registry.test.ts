import { describe, expect, it } from 'vitest';
import { Registry } from '../registry.ts';
import { apiVersionOf } from '../types.ts';
import { BUILTIN_RESOURCES, GATEWAY_API_RESOURCES } from './index.ts';
import { CTX, ago } from './testing/fixtures.ts';

const ALL = [...BUILTIN_RESOURCES, ...GATEWAY_API_RESOURCES];

describe('BUILTIN_RESOURCES', () => {
  it('builds a Registry without duplicates', () => {
    const r = new Registry(ALL);
    expect(r.all()).toHaveLength(ALL.length);
    expect(new Set(ALL.map((d) => `${apiVersionOf(d)}/${d.plural}`)).size).toBe(ALL.length);
  });

  it.each(ALL.map((d) => [`${apiVersionOf(d)} ${d.kind}`, d] as const))('%s has one cell per column', (_n, d) => {
    const o = { apiVersion: apiVersionOf(d), kind: d.kind, metadata: { name: 'x', namespace: 'default', creationTimestamp: ago(1000) } };
    expect(d.row(o, CTX)).toHaveLength(d.columns.length);
    expect(d.columns[0]!.name === 'Name' || d.columns[0]!.name === 'Last Seen').toBe(true);
  });

  it('lists core/v1 first and then groups in the apiserver priority order', () => {
    const groups = [...new Set(BUILTIN_RESOURCES.map((d) => d.group))];
    expect(groups).toEqual([
      '', 'apiregistration.k8s.io', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch',
      'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'admissionregistration.k8s.io',
      'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io', 'discovery.k8s.io', 'flowcontrol.apiserver.k8s.io',
    ]);
  });

  it('puts exactly the kubectl "all" kinds in the all category', () => {
    const all = ALL.filter((d) => d.categories.includes('all')).map((d) => `${d.plural}.${d.version}`).sort();
    expect(all).toEqual([
      'cronjobs.v1', 'daemonsets.v1', 'deployments.v1', 'horizontalpodautoscalers.v1', 'horizontalpodautoscalers.v2', 'jobs.v1', 'pods.v1',
      'replicasets.v1', 'replicationcontrollers.v1', 'services.v1', 'statefulsets.v1',
    ]);
  });

  it('keys objects where a real apiserver keeps them in etcd', () => {
    const r = new Registry(ALL);
    const prefix = (g: string, v: string, p: string) => r.lookup(g, v, p)?.storagePrefix;
    expect(prefix('', 'v1', 'pods')).toBe('/registry/pods');
    expect(prefix('', 'v1', 'services')).toBe('/registry/services/specs');
    expect(prefix('', 'v1', 'endpoints')).toBe('/registry/services/endpoints');
    expect(prefix('', 'v1', 'nodes')).toBe('/registry/minions');
    expect(prefix('', 'v1', 'replicationcontrollers')).toBe('/registry/controllers');
    expect(prefix('networking.k8s.io', 'v1', 'ingresses')).toBe('/registry/ingress');
    expect(prefix('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')).toBe('/registry/apiextensions.k8s.io/customresourcedefinitions');
    expect(prefix('apiregistration.k8s.io', 'v1', 'apiservices')).toBe('/registry/apiregistration.k8s.io/apiservices');
    expect(prefix('events.k8s.io', 'v1', 'events')).toBe('/registry/events');
    expect(prefix('gateway.networking.k8s.io', 'v1', 'httproutes')).toBe('/registry/gateway.networking.k8s.io/httproutes');
    expect(prefix('apps', 'v1', 'deployments')).toBe('/registry/deployments');
  });

  it('serves the verbs, short names and subresources discovery lists', () => {
    const r = new Registry(ALL);
    const pods = r.lookup('', 'v1', 'pods')!;
    expect(pods.shortNames).toEqual(['po']);
    expect(pods.subresources).toEqual(['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status']);
    expect(r.lookup('', 'v1', 'namespaces')!.verbs).toEqual(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']);
    expect(r.lookup('', 'v1', 'bindings')!.verbs).toEqual(['create']);
    expect(r.lookup('', 'v1', 'componentstatuses')!.verbs).toEqual(['get', 'list']);
    expect(r.lookup('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews')!.verbs).toEqual(['create']);
    expect(r.lookup('', 'v1', 'serviceaccounts')!.subresources).toEqual(['token']);
    expect(r.lookup('apps', 'v1', 'deployments')!.scale?.specReplicasPath).toBe('.spec.replicas');
    expect(r.lookup('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')!.shortNames).toEqual(['crd', 'crds']);
    expect(r.lookup('certificates.k8s.io', 'v1', 'certificatesigningrequests')!.subresources).toEqual(['approval', 'status']);
    const shorts = Object.fromEntries(ALL.filter((d) => d.shortNames.length).map((d) => [d.plural, d.shortNames.join(',')]));
    expect(shorts).toMatchObject({ configmaps: 'cm', endpoints: 'ep', events: 'ev', limitranges: 'limits', namespaces: 'ns', nodes: 'no', persistentvolumeclaims: 'pvc', persistentvolumes: 'pv', replicationcontrollers: 'rc', resourcequotas: 'quota', serviceaccounts: 'sa', services: 'svc', daemonsets: 'ds', deployments: 'deploy', replicasets: 'rs', statefulsets: 'sts', horizontalpodautoscalers: 'hpa', cronjobs: 'cj', ingresses: 'ing', networkpolicies: 'netpol', poddisruptionbudgets: 'pdb', priorityclasses: 'pc', storageclasses: 'sc', componentstatuses: 'cs' });
  });

  it('marks the Gateway API kinds as custom and autoscaling/v1 as not preferred', () => {
    expect(GATEWAY_API_RESOURCES.every((d) => d.custom)).toBe(true);
    expect(BUILTIN_RESOURCES.some((d) => d.custom)).toBe(false);
    expect(BUILTIN_RESOURCES.filter((d) => d.preferred === false).map((d) => `${d.group}/${d.version}`)).toEqual(['autoscaling/v1']);
  });

  it('gives kinds without an upstream printer the default NAME, CREATED AT table', () => {
    const r = new Registry(ALL);
    const role = r.lookup('rbac.authorization.k8s.io', 'v1', 'roles')!;
    expect(role.columns.map((c) => [c.name, c.type])).toEqual([['Name', 'string'], ['Created At', 'date']]);
    expect(role.row({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', creationTimestamp: '2026-01-02T03:04:05Z' } }, CTX)).toEqual(['r', '2026-01-02T03:04:05Z']);
    expect(r.lookup('', 'v1', 'limitranges')!.columns.map((c) => c.name)).toEqual(['Name', 'Created At']);
  });
});
