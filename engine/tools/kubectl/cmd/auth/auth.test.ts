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
    expect(await k.run(['auth', 'can-i', 'delete', 'nodes'])).toEqual({ stdout: 'yes\n', stderr: "Warning: resource 'nodes' is not namespace scoped\n\n", code: 0 });
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

  // Texts as kubectl 1.33 printed them against a kubeadm cluster.
  it('warns about cluster-scoped resources and unknown verbs unless checking all namespaces', async () => {
    const k = clusterHarness();
    expect(await k.run(['auth', 'can-i', 'frob', 'nodes'])).toEqual({ stdout: 'yes\n', stderr: "Warning: resource 'nodes' is not namespace scoped\n\nWarning: verb 'frob' is not a known verb\n\n", code: 0 });
    expect((await k.run(['auth', 'can-i', 'get', 'clusterroles'])).stderr).toBe("Warning: resource 'clusterroles' is not namespace scoped in group 'rbac.authorization.k8s.io'\n\n");
    expect((await k.run(['auth', 'can-i', 'frob', 'podz'])).stderr).toBe("Warning: the server doesn't have a resource type 'podz'\n\nWarning: verb 'frob' is not a known verb\n\n");
    expect((await k.run(['auth', 'can-i', 'frob', '/x'])).stderr).toBe("Warning: verb 'frob' is not a known verb\n\n");
    expect(await k.run(['auth', 'can-i', 'frob', 'nodes', '-A'])).toEqual({ stdout: 'yes\n', stderr: '', code: 0 });
  });

  it('checks a cluster-scoped resource in the current namespace, so a RoleBinding there counts', async () => {
    const k = clusterHarness();
    grantDiscovery(k);
    k.create('/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'nodes' }, rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['list'] }],
    });
    k.create('/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'nodes' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'nodes' }, subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }],
    });
    expect((await k.run(['auth', 'can-i', 'list', 'nodes', '--as', 'jane'])).stdout).toBe('yes\n');
    expect((await k.run(['auth', 'can-i', 'list', 'nodes', '--as', 'jane', '-A'])).stdout).toBe('no\n');
  });

  it('refuses flags that do not go together, with kubectl\'s errors, even when quiet', async () => {
    const k = clusterHarness();
    const both = "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n";
    expect(await k.run(['auth', 'can-i', '--list', '-A'])).toEqual({ stdout: '', stderr: both, code: 1 });
    expect((await k.run(['auth', 'can-i', '--list', '-q'])).stderr).toBe(both);
    expect((await k.run(['auth', 'can-i', '--list', '--subresource=log'])).stderr).toBe(both);
    expect(await k.run(['auth', 'can-i', 'get', 'pods', '--no-headers'])).toEqual({ stdout: '', stderr: 'error: --no-headers cannot be set without --list specified\n', code: 1 });
    expect((await k.run(['auth', 'can-i', 'get', '/logs', '--subresource=x'])).stderr).toBe('error: --subresource can not be used with NonResourceURL\n');
    expect(await k.run(['auth', 'can-i', '-q', 'get'])).toEqual({ stdout: '', stderr: "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n", code: 1 });
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

  it('prints -o json in the field order of the Go types, as kubectl does (yaml sorts)', async () => {
    const k = clusterHarness();
    const r = await k.run(['auth', 'whoami', '-o', 'json']);
    expect(r.stdout).toBe('{\n    "kind": "SelfSubjectReview",\n    "apiVersion": "authentication.k8s.io/v1",\n    "metadata": {},\n    "status": {\n        "userInfo": {\n            "username": "admin",\n            "groups": [\n                "system:masters",\n                "system:authenticated"\n            ]\n        }\n    }\n}\n');
    expect((await k.run(['auth', 'whoami', '-o', 'yaml'])).stdout).toBe('apiVersion: authentication.k8s.io/v1\nkind: SelfSubjectReview\nmetadata: {}\nstatus:\n  userInfo:\n    groups:\n    - system:masters\n    - system:authenticated\n    username: admin\n');
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

describe('kubectl --as-group / --as-uid without --as', () => {
  // kubectl 1.33: clientcmd refuses the configuration before any request is made.
  it('is refused as client-go refuses it', async () => {
    const k = clusterHarness();
    const msg = 'requesting uid, groups or user-extra for admin without impersonating a user\n';
    expect(await k.run(['get', 'pods', '--as-group=system:masters'])).toEqual({ stdout: '', stderr: `error: ${msg}`, code: 1 });
    expect(await k.run(['auth', 'can-i', 'get', 'pods', '--as-uid=1'])).toEqual({ stdout: '', stderr: `error: ${msg}`, code: 1 });
    expect(await k.run(['get', 'pods', '-n', 'dev', '--as-group=x'])).toEqual({ stdout: '', stderr: `Error in configuration: ${msg}`, code: 1 });
    expect(await k.run(['auth', 'can-i', 'delete', 'pods', '--as=jane', '--as-group=system:masters'])).toEqual({ stdout: 'yes\n', stderr: '', code: 0 });
  });

  it('sends --as-uid as Impersonate-Uid, which the apiserver authorizes on uids in authentication.k8s.io', async () => {
    const k = clusterHarness();
    const r = await k.run(['auth', 'whoami', '--as=jane', '--as-group=system:masters', '--as-uid=123']);
    expect(r.stdout).toBe('ATTRIBUTE   VALUE\nUsername    jane\nUID         123\nGroups      [system:masters system:authenticated]\n');
  });
});
