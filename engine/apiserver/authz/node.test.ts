import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.ts';
import { bootstrapRbacObjects } from '../bootstrap/index.ts';
import { aggregateClusterRole } from './aggregation.ts';
import { authorizersFromModes } from './modes.ts';
import { memorySources } from './testing-source.ts';
import { authorizeChain, forbiddenMessage, type Attributes } from './types.ts';

const pod = (name: string, node: string, spec: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: node, containers: [{ name: 'c', image: 'x' }], ...spec } });
const objs: KObject[] = [
  ...bootstrapRbacObjects(),
  pod('web', 'node01', {
    serviceAccountName: 'web-sa',
    volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }, { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }],
    containers: [{ name: 'c', image: 'x', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db-pass', key: 'p' } } }] }],
  }),
  pod('other', 'node02', { volumes: [{ name: 's', secret: { secretName: 'node02-secret' } }] }),
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'web-data', namespace: 'default' }, spec: { volumeName: 'pv-1' } },
];
const r = authorizersFromModes('Node,RBAC', memorySources(objs));
if ('error' in r) throw new Error(r.error);
const chain = r.authorizers;
const kubelet = { name: 'system:node:node01', groups: ['system:nodes', 'system:authenticated'] };
const ask = (verb: string, resource: string, o: Partial<Attributes> = {}): Attributes => ({
  user: kubelet,
  verb,
  isResourceRequest: true,
  path: '',
  namespace: 'default',
  apiGroup: '',
  apiVersion: 'v1',
  resource: resource.split('/')[0]!,
  subresource: resource.split('/')[1] ?? '',
  name: '',
  ...o,
});

describe('Node authorizer', () => {
  it('lets a kubelet read what pods bound to it reference', () => {
    expect(authorizeChain(chain, ask('get', 'secrets', { name: 'db-pass' })).allowed).toBe(true);
    expect(authorizeChain(chain, ask('get', 'configmaps', { name: 'web-config' })).allowed).toBe(true);
    expect(authorizeChain(chain, ask('get', 'persistentvolumeclaims', { name: 'web-data' })).allowed).toBe(true);
    expect(authorizeChain(chain, ask('get', 'persistentvolumes', { name: 'pv-1', namespace: '' })).allowed).toBe(true);
    expect(authorizeChain(chain, ask('create', 'serviceaccounts/token', { name: 'web-sa' })).allowed).toBe(true);
  });

  it("refuses other nodes' objects with the real reason", () => {
    const a = ask('get', 'secrets', { name: 'node02-secret' });
    const v = authorizeChain(chain, a);
    expect(v).toEqual({ allowed: false, reason: "no relationship found between node 'node01' and this object" });
    expect(`${forbiddenMessage(a)}: ${v.reason}`).toBe(
      `User "system:node:node01" cannot get resource "secrets" in API group "" in the namespace "default": no relationship found between node 'node01' and this object`,
    );
    expect(authorizeChain(chain, ask('delete', 'secrets', { name: 'db-pass' })).reason).toBe('can only read resources of this type');
  });

  it("limits Node reads to its own object and grants system:node's rules", () => {
    expect(authorizeChain(chain, ask('get', 'nodes', { namespace: '', name: 'node01' })).allowed).toBe(true);
    expect(authorizeChain(chain, ask('get', 'nodes', { namespace: '', name: 'node02' })).reason).toBe("node 'node01' cannot read 'node02', only its own Node object");
    expect(authorizeChain(chain, ask('update', 'pods/status', { name: 'web' })).allowed).toBe(true);
    expect(authorizeChain(chain, ask('create', 'events')).allowed).toBe(true);
    expect(authorizeChain(chain, ask('update', 'leases', { namespace: 'kube-node-lease', apiGroup: 'coordination.k8s.io', name: 'node01' })).allowed).toBe(true);
    expect(authorizeChain(chain, ask('delete', 'deployments', { apiGroup: 'apps', name: 'x' })).allowed).toBe(false);
  });

  it('builds the chain from --authorization-mode, refusing bad modes', () => {
    expect(authorizersFromModes('Node,RBAC,Foo', memorySources([]))).toEqual({ error: 'authorization-mode "Foo" is not a valid mode' });
    expect(authorizersFromModes('RBAC,RBAC', memorySources([]))).toEqual({ error: 'authorization-mode "[RBAC RBAC]" has mode specified more than once' });
  });
});

describe('aggregateClusterRole', () => {
  it('collects matching roles by name, each rule once, itself excluded', () => {
    const label = { 'rbac.example.com/aggregate-to-monitoring': 'true' };
    const mon: KObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'monitoring' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: label }] }, rules: [] };
    const b: KObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'b-endpoints', labels: label }, rules: [{ apiGroups: [''], resources: ['endpoints'], verbs: ['get'] }] };
    const a: KObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'a-services', labels: label }, rules: [{ apiGroups: [''], resources: ['services'], verbs: ['get'] }, { apiGroups: [''], resources: ['endpoints'], verbs: ['get'] }] };
    expect(aggregateClusterRole(mon, [mon, b, a])).toEqual([{ apiGroups: [''], resources: ['services'], verbs: ['get'] }, { apiGroups: [''], resources: ['endpoints'], verbs: ['get'] }]);
    expect(aggregateClusterRole(b, [mon, b, a])).toBeUndefined();
  });
});
