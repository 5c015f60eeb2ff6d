import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../api/transport.ts';
import { testApiServer } from '../testing/harness.ts';

const admin = { token: 'admin' };
const alice = { token: 'alice:devs' };

function setup() {
  const { server } = testApiServer();
  const as = (credentials: ApiRequest['credentials'], method: ApiRequest['method'], path: string, body?: unknown) => server.request({ method, path, body, credentials });
  as(admin, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  for (const name of ['a', 'b']) as(admin, 'POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
  const role = (rules: unknown[]) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'reader', namespace: 'default' }, rules });
  const binding = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'reader', namespace: 'default' }, subjects: [{ kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' }], roleRef: { kind: 'Role', name: 'reader', apiGroup: 'rbac.authorization.k8s.io' } };
  return { server, as, role, binding };
}

describe('RBAC decisions', () => {
  it('decide by name while the first matching rule lists resourceNames, however often the same kind of request is asked', () => {
    const { as, role, binding } = setup();
    as(admin, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', role([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'], resourceNames: ['a'] }]));
    as(admin, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', binding);
    for (let i = 0; i < 3; i++) {
      expect(as(alice, 'GET', '/api/v1/namespaces/default/configmaps/a').status).toBe(200);
      const denied = as(alice, 'GET', '/api/v1/namespaces/default/configmaps/b');
      expect(denied.status).toBe(403);
      expect((denied.body as { message: string }).message).toBe('configmaps "b" is forbidden: User "alice" cannot get resource "configmaps" in API group "" in the namespace "default"');
      expect(as(alice, 'GET', '/api/v1/namespaces/default/configmaps').status).toBe(403);
    }
  });

  it('follow every change of a Role or a binding, as the informer-fed authorizer does', () => {
    const { as, role, binding } = setup();
    const get = () => as(alice, 'GET', '/api/v1/namespaces/default/configmaps/b').status;
    expect(get()).toBe(403);
    as(admin, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', role([{ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] }]));
    as(admin, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', binding);
    expect(get()).toBe(403); // bound, but list is not get
    const r = as(admin, 'GET', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/reader').body as Record<string, unknown>;
    as(admin, 'PUT', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/reader', { ...r, rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] });
    expect(get()).toBe(200);
    as(admin, 'DELETE', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/reader');
    expect(get()).toBe(403);
  });

  it('check each impersonated name on every request', () => {
    const { server, as, role, binding } = setup();
    as(admin, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', role([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]));
    as(admin, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', binding);
    const asAlice = (credentials: ApiRequest['credentials']) =>
      server.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/a', credentials, headers: { 'impersonate-user': 'alice', 'impersonate-group': ['devs'] } });
    for (let i = 0; i < 2; i++) {
      expect(asAlice(admin).status).toBe(200);
      const denied = asAlice({ token: 'bob' });
      expect(denied.status).toBe(403);
      expect((denied.body as { message: string }).message).toBe('users "alice" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope');
    }
  });
});
