import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.ts';
import { bootstrapRbacObjects, kubeadmRbacObjects } from '../bootstrap/index.ts';
import { authorizersFromModes } from './modes.ts';
import { memorySources } from './testing-source.ts';
import { authorizeChain, forbiddenMessage, type Attributes } from './types.ts';

/**
 * Allow/deny cases from the Kubernetes RBAC documentation
 * (reference/access-authn-authz/rbac), asked through the real
 * --authorization-mode=Node,RBAC chain over the bootstrap policy plus the
 * documentation's example Roles and bindings.
 */

const RBAC = 'rbac.authorization.k8s.io/v1';
const role = (ns: string, name: string, rules: unknown[]): KObject => ({ apiVersion: RBAC, kind: 'Role', metadata: { name, namespace: ns }, rules });
const crole = (name: string, rules: unknown[], labels?: Record<string, string>): KObject => ({ apiVersion: RBAC, kind: 'ClusterRole', metadata: { name, ...(labels ? { labels } : {}) }, rules });
const bind = (ns: string | undefined, name: string, ref: [string, string], subjects: unknown[]): KObject => ({
  apiVersion: RBAC,
  kind: ns ? 'RoleBinding' : 'ClusterRoleBinding',
  metadata: { name, ...(ns ? { namespace: ns } : {}) },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: ref[0], name: ref[1] },
  subjects,
});
const U = (name: string) => ({ kind: 'User', name, apiGroup: 'rbac.authorization.k8s.io' });
const G = (name: string) => ({ kind: 'Group', name, apiGroup: 'rbac.authorization.k8s.io' });
const SA = (ns: string, name: string) => ({ kind: 'ServiceAccount', name, namespace: ns });

const objects: KObject[] = [
  ...bootstrapRbacObjects(),
  ...kubeadmRbacObjects(),
  role('default', 'pod-reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list'] }]),
  bind('default', 'read-pods', ['Role', 'pod-reader'], [U('jane')]),
  crole('secret-reader', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'watch', 'list'] }]),
  bind('development', 'read-secrets', ['ClusterRole', 'secret-reader'], [U('dave')]),
  bind(undefined, 'read-secrets-global', ['ClusterRole', 'secret-reader'], [G('manager')]),
  role('default', 'pod-and-pod-logs-reader', [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }]),
  bind('default', 'logs', ['Role', 'pod-and-pod-logs-reader'], [U('lena')]),
  role('default', 'configmap-updater', [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['my-configmap'], verbs: ['update', 'get'] }]),
  bind('default', 'cm', ['Role', 'configmap-updater'], [U('carl')]),
  crole('scaler', [{ apiGroups: ['*'], resources: ['*/scale'], verbs: ['get', 'update'] }]),
  bind('default', 'scale', ['ClusterRole', 'scaler'], [U('hpa-user')]),
  crole('health', [{ nonResourceURLs: ['/healthz', '/healthz/*'], verbs: ['get', 'post'] }]),
  bind(undefined, 'health', ['ClusterRole', 'health'], [U('probe')]),
  crole('everything-in-apps', [{ apiGroups: ['apps'], resources: ['*'], verbs: ['*'] }]),
  bind('apps-ns', 'apps-all', ['ClusterRole', 'everything-in-apps'], [U('ann')]),
  bind('dev', 'dev-admin', ['ClusterRole', 'admin'], [U('devlead')]),
  bind('dev', 'dev-edit', ['ClusterRole', 'edit'], [U('developer')]),
  bind('dev', 'dev-view', ['ClusterRole', 'view'], [G('auditors')]),
  bind('dev', 'sa-view', ['ClusterRole', 'view'], [SA('dev', 'reporter')]),
  bind('qa', 'all-sa-in-qa', ['ClusterRole', 'view'], [G('system:serviceaccounts:qa')]),
  bind(undefined, 'all-sa-read-ns', ['ClusterRole', 'namespace-reader'], [G('system:serviceaccounts')]),
  crole('namespace-reader', [{ apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list'] }]),
  bind('default', 'other-ns-sa', ['ClusterRole', 'view'], [SA('kube-system', 'monitor')]),
];

const chain = (() => {
  const r = authorizersFromModes('Node,RBAC', memorySources(objects));
  if ('error' in r) throw new Error(r.error);
  return r.authorizers;
})();

type Who = { name: string; groups?: string[] };
function attrs(who: Who, verb: string, resource: string, opts: Partial<Attributes> = {}): Attributes {
  const [res, sub] = resource.split('/') as [string, string | undefined];
  return {
    user: { name: who.name, groups: [...(who.groups ?? []), 'system:authenticated'] },
    verb,
    isResourceRequest: true,
    path: '',
    namespace: '',
    apiGroup: '',
    apiVersion: 'v1',
    resource: res,
    subresource: sub ?? '',
    name: '',
    ...opts,
  };
}
const url = (who: Who, verb: string, path: string): Attributes => ({ ...attrs(who, verb, ''), isResourceRequest: false, path });
const sa = (ns: string, name: string): Who => ({ name: `system:serviceaccount:${ns}:${name}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`] });

const cases: [string, Attributes, boolean][] = [
  ['Role grants get pods in its namespace', attrs({ name: 'jane' }, 'get', 'pods', { namespace: 'default' }), true],
  ['Role grants list pods', attrs({ name: 'jane' }, 'list', 'pods', { namespace: 'default' }), true],
  ['Role does not grant delete', attrs({ name: 'jane' }, 'delete', 'pods', { namespace: 'default', name: 'x' }), false],
  ['Role is limited to its namespace', attrs({ name: 'jane' }, 'get', 'pods', { namespace: 'kube-system' }), false],
  ['Role does not reach the cluster scope', attrs({ name: 'jane' }, 'list', 'pods'), false],
  ['Role grants pods, not pods/log', attrs({ name: 'jane' }, 'get', 'pods/log', { namespace: 'default', name: 'x' }), false],
  ['RoleBinding to a ClusterRole is limited to its namespace', attrs({ name: 'dave' }, 'get', 'secrets', { namespace: 'development', name: 's' }), true],
  ['... and nothing outside it', attrs({ name: 'dave' }, 'get', 'secrets', { namespace: 'default', name: 's' }), false],
  ['ClusterRoleBinding grants every namespace', attrs({ name: 'x', groups: ['manager'] }, 'list', 'secrets', { namespace: 'anything' }), true],
  ['ClusterRoleBinding grants the cluster scope', attrs({ name: 'x', groups: ['manager'] }, 'list', 'secrets'), true],
  ['subresource pods/log is granted explicitly', attrs({ name: 'lena' }, 'get', 'pods/log', { namespace: 'default', name: 'web' }), true],
  ['pods/exec is not pods/log', attrs({ name: 'lena' }, 'create', 'pods/exec', { namespace: 'default', name: 'web' }), false],
  ['resourceNames allows the named object', attrs({ name: 'carl' }, 'update', 'configmaps', { namespace: 'default', name: 'my-configmap' }), true],
  ['resourceNames refuses other names', attrs({ name: 'carl' }, 'update', 'configmaps', { namespace: 'default', name: 'other' }), false],
  ['resourceNames cannot list', attrs({ name: 'carl' }, 'list', 'configmaps', { namespace: 'default' }), false],
  ['*/scale matches deployments/scale in any group', attrs({ name: 'hpa-user' }, 'update', 'deployments/scale', { namespace: 'default', apiGroup: 'apps', name: 'web' }), true],
  ['*/scale does not match the deployment', attrs({ name: 'hpa-user' }, 'update', 'deployments', { namespace: 'default', apiGroup: 'apps', name: 'web' }), false],
  ['nonResourceURL exact', url({ name: 'probe' }, 'get', '/healthz'), true],
  ['nonResourceURL with trailing *', url({ name: 'probe' }, 'get', '/healthz/etcd'), true],
  ['nonResourceURL other path', url({ name: 'probe' }, 'get', '/metrics'), false],
  ['resources * within one apiGroup', attrs({ name: 'ann' }, 'delete', 'statefulsets', { namespace: 'apps-ns', apiGroup: 'apps', name: 's' }), true],
  ['apiGroups limit resources *', attrs({ name: 'ann' }, 'delete', 'jobs', { namespace: 'apps-ns', apiGroup: 'batch', name: 'j' }), false],
  ['verbs * includes escalate-free verbs like deletecollection', attrs({ name: 'ann' }, 'deletecollection', 'deployments', { namespace: 'apps-ns', apiGroup: 'apps' }), true],
  ['admin may create roles in its namespace', attrs({ name: 'devlead' }, 'create', 'roles', { namespace: 'dev', apiGroup: 'rbac.authorization.k8s.io' }), true],
  ['admin may create rolebindings', attrs({ name: 'devlead' }, 'create', 'rolebindings', { namespace: 'dev', apiGroup: 'rbac.authorization.k8s.io' }), true],
  ['admin may not edit resourcequotas', attrs({ name: 'devlead' }, 'update', 'resourcequotas', { namespace: 'dev', name: 'q' }), false],
  ['admin may not touch namespaces themselves', attrs({ name: 'devlead' }, 'delete', 'namespaces', { name: 'dev' }), false],
  ['edit may create deployments', attrs({ name: 'developer' }, 'create', 'deployments', { namespace: 'dev', apiGroup: 'apps' }), true],
  ['edit may read secrets', attrs({ name: 'developer' }, 'get', 'secrets', { namespace: 'dev', name: 's' }), true],
  ['edit may exec into pods', attrs({ name: 'developer' }, 'create', 'pods/exec', { namespace: 'dev', name: 'p' }), true],
  ['edit may not create roles', attrs({ name: 'developer' }, 'create', 'roles', { namespace: 'dev', apiGroup: 'rbac.authorization.k8s.io' }), false],
  ['view may list pods', attrs({ name: 'a', groups: ['auditors'] }, 'list', 'pods', { namespace: 'dev' }), true],
  ['view may read pod logs', attrs({ name: 'a', groups: ['auditors'] }, 'get', 'pods/log', { namespace: 'dev', name: 'p' }), true],
  ['view may not read secrets', attrs({ name: 'a', groups: ['auditors'] }, 'get', 'secrets', { namespace: 'dev', name: 's' }), false],
  ['view may not delete pods', attrs({ name: 'a', groups: ['auditors'] }, 'delete', 'pods', { namespace: 'dev', name: 'p' }), false],
  ['cluster-admin (system:masters) may do anything', attrs({ name: 'root', groups: ['system:masters'] }, 'delete', 'nodes', { name: 'node01' }), true],
  ['kubeadm:cluster-admins group is bound to cluster-admin', attrs({ name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins'] }, 'create', 'clusterroles', { apiGroup: 'rbac.authorization.k8s.io' }), true],
  ['ServiceAccount subject', attrs(sa('dev', 'reporter'), 'list', 'services', { namespace: 'dev' }), true],
  ['ServiceAccount subject is per namespace', attrs(sa('prod', 'reporter'), 'list', 'services', { namespace: 'dev' }), false],
  ['group system:serviceaccounts:qa', attrs(sa('qa', 'anything'), 'get', 'configmaps', { namespace: 'qa', name: 'c' }), true],
  ['group system:serviceaccounts (all namespaces)', attrs(sa('x', 'y'), 'list', 'namespaces'), true],
  ['a ServiceAccount from another namespace bound by name', attrs(sa('kube-system', 'monitor'), 'list', 'pods', { namespace: 'default' }), true],
  ['default ServiceAccounts get nothing else', attrs(sa('default', 'default'), 'list', 'pods', { namespace: 'default' }), false],
  ['system:authenticated may create selfsubjectaccessreviews', attrs({ name: 'nobody' }, 'create', 'selfsubjectaccessreviews', { apiGroup: 'authorization.k8s.io' }), true],
  ['system:authenticated may read /version and /api', url({ name: 'nobody' }, 'get', '/apis/apps/v1'), true],
  ['anonymous may read /healthz through system:public-info-viewer', { ...url({ name: 'system:anonymous' }, 'get', '/healthz'), user: { name: 'system:anonymous', groups: ['system:unauthenticated'] } }, true],
  ['anonymous may not read /api', { ...url({ name: 'system:anonymous' }, 'get', '/api'), user: { name: 'system:anonymous', groups: ['system:unauthenticated'] } }, false],
  ['kube-scheduler may bind pods', attrs({ name: 'system:kube-scheduler' }, 'create', 'pods/binding', { namespace: 'default', name: 'p' }), true],
  ['controller SA may create replicasets', attrs(sa('kube-system', 'deployment-controller'), 'create', 'replicasets', { namespace: 'default', apiGroup: 'apps' }), true],
  ['bootstrap token group may create CSRs', attrs({ name: 'system:bootstrap:abcdef', groups: ['system:bootstrappers', 'system:bootstrappers:kubeadm:default-node-token'] }, 'create', 'certificatesigningrequests', { apiGroup: 'certificates.k8s.io' }), true],
];

describe('RBAC through the Node,RBAC chain', () => {
  it.each(cases)('%s', (_title, a, allowed) => {
    expect(authorizeChain(chain, a).allowed).toBe(allowed);
  });

  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it('words denials the way the apiserver does', () => {
    const a = attrs({ name: 'jane' }, 'list', 'pods', { namespace: 'kube-system' });
    expect(forbiddenMessage(a)).toBe('User "jane" cannot list resource "pods" in API group "" in the namespace "kube-system"');
    expect(forbiddenMessage(attrs({ name: 'jane' }, 'list', 'nodes'))).toBe('User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
    expect(forbiddenMessage(attrs({ name: 'lena' }, 'create', 'pods/exec', { namespace: 'default' }))).toBe('User "lena" cannot create resource "pods/exec" in API group "" in the namespace "default"');
    expect(forbiddenMessage(url({ name: 'probe' }, 'get', '/metrics'))).toBe('User "probe" cannot get path "/metrics"');
  });
});
