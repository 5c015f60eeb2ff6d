import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

/** grantDiscovery lets every authenticated user read /api and /apis and review its own access, as the bootstrap system:discovery and system:basic-user roles do. */
function grantDiscovery(k: ReturnType<typeof clusterHarness>) {
  k.create('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'discovery' }, rules: [
      { nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*'], verbs: ['get'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], verbs: ['create'] },
    ],
  });
  k.create('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'discovery' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'discovery' }, subjects: [{ kind: 'Group', name: 'system:authenticated', apiGroup: 'rbac.authorization.k8s.io' }],
  });
}

function grantPodReader(k: ReturnType<typeof clusterHarness>) {
  grantDiscovery(k);
  k.create('/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
  });
  k.create('/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'reader' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' }, subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }],
  });
}

describe('kubectl auth can-i', () => {
  it('answers yes and no with the exit codes, impersonating with --as', async () => {
    const k = clusterHarness();
    grantPodReader(k);
    expect(await k.run(['auth', 'can-i', 'delete', 'nodes'])).toEqual({ stdout: 'yes\n', stderr: '', code: 0 });
    expect(await k.run(['auth', 'can-i', 'list', 'pods', '--as', 'jane'])).toEqual({ stdout: 'yes\n', stderr: '', code: 0 });
    expect(await k.run(['auth', 'can-i', 'delete', 'pods', '--as', 'jane'])).toEqual({ stdout: 'no\n', stderr: '', code: 1 });
    expect((await k.run(['auth', 'can-i', 'get', 'pods', '--as', 'jane', '-n', 'kube-system'])).stdout).toBe('no\n');
    expect((await k.run(['auth', 'can-i', 'get', 'pods', '-q', '--as', 'jane'])).stdout).toBe('');
  });

  it('warns about resource types the server does not have', async () => {
    const k = clusterHarness();
    grantDiscovery(k);
    const r = await k.run(['auth', 'can-i', 'get', 'widgets', '--as', 'jane']);
    expect(r).toEqual({ stdout: 'no\n', stderr: "Warning: the server doesn't have a resource type 'widgets'\n\n", code: 1 });
  });

  it('lists what a user may do', async () => {
    const k = clusterHarness();
    grantPodReader(k);
    const r = await k.run(['auth', 'can-i', '--list', '--as', 'jane']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Resources +Non-Resource URLs +Resource Names +Verbs$/);
    expect(lines).toContainEqual(expect.stringMatching(/^pods +\[\] +\[\] +\[get list\]$/));
  });
});

describe('kubectl auth whoami', () => {
  it('prints the SelfSubjectReview as a table', async () => {
    const k = clusterHarness();
    const r = await k.run(['auth', 'whoami']);
    expect(r).toEqual({ stdout: 'ATTRIBUTE   VALUE\nUsername    admin\nGroups      [system:masters system:authenticated]\n', stderr: '', code: 0 });
  });
});

describe('kubectl auth can-i --list ordering', () => {
  it('sorts rules as kubectl does (by the rule\'s text, verbs first) and merges verbs per resource', async () => {
    const { accessRows } = await import('./rules.ts');
    const rows = accessRows([
      { verbs: ['get'], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: ['/api/*', '/healthz'] },
      { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], resourceNames: [], nonResourceURLs: [] },
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'], resourceNames: [], nonResourceURLs: [] },
      { verbs: ['*'], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: ['*'] },
      { verbs: ['list'], apiGroups: [''], resources: ['pods'], resourceNames: [], nonResourceURLs: [] },
      { verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: [], nonResourceURLs: [] },
    ]);
    expect(rows).toEqual([
      ['*.*', '[]', '[]', '[*]'],
      ['', '[*]', '[]', '[*]'],
      ['selfsubjectaccessreviews.authorization.k8s.io', '[]', '[]', '[create]'],
      ['selfsubjectrulesreviews.authorization.k8s.io', '[]', '[]', '[create]'],
      ['', '[/api/*]', '[]', '[get]'],
      ['', '[/healthz]', '[]', '[get]'],
      ['pods', '[]', '[]', '[list get]'],
    ]);
  });
});
