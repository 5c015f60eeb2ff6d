import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

const role = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: rec
  namespace: default
rules:
${rules}`;

const binding = (kind: string, roleName: string, user: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: default
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${kind}
  name: ${roleName}
subjects:
- kind: User
  name: ${user}
  apiGroup: rbac.authorization.k8s.io
`;

// Expected texts are what kubectl 1.33 printed for the same files, one after the other.
describe('kubectl auth reconcile', () => {
  it('creates, then adds the uncovered rules broken down, and with --remove-extra-permissions lists what goes', async () => {
    const k = clusterHarness();
    k.host.fs.writeFile('/root/a.yaml', role('- apiGroups: ["", "apps"]\n  resources: ["pods", "deployments"]\n  verbs: ["get", "list"]\n'));
    k.host.fs.writeFile('/root/b.yaml', role('- apiGroups: [""]\n  resources: ["pods", "secrets"]\n  verbs: ["get", "watch"]\n  resourceNames: ["a"]\n'));
    const done = 'role.rbac.authorization.k8s.io/rec reconciled\n';
    expect(await k.run(['auth', 'reconcile', '-f', 'a.yaml'])).toEqual({
      stdout: done,
      stderr: '\treconciliation required create\n\tmissing rules added:\n\t\t{Verbs:[get list] APIGroups:[ apps] Resources:[pods deployments] ResourceNames:[] NonResourceURLs:[]}\n',
      code: 0,
    });
    expect(await k.run(['auth', 'reconcile', '-f', 'a.yaml'])).toEqual({ stdout: done, stderr: '', code: 0 });
    const missing = [
      '{Verbs:[watch] APIGroups:[] Resources:[pods] ResourceNames:[a] NonResourceURLs:[]}',
      '{Verbs:[get] APIGroups:[] Resources:[secrets] ResourceNames:[a] NonResourceURLs:[]}',
      '{Verbs:[watch] APIGroups:[] Resources:[secrets] ResourceNames:[a] NonResourceURLs:[]}',
    ];
    const update = (title: string, lines: string[]) => `\treconciliation required update\n\t${title}:\n${lines.map((l) => `\t\t${l}\n`).join('')}`;
    expect(await k.run(['auth', 'reconcile', '-f', 'b.yaml', '--dry-run=client'])).toEqual({ stdout: 'role.rbac.authorization.k8s.io/rec reconciled (dry run)\n', stderr: update('missing rules added', missing), code: 0 });
    expect((await k.run(['auth', 'reconcile', '-f', 'b.yaml'])).stderr).toBe(update('missing rules added', missing));
    const extra = ['', 'apps'].flatMap((g) => ['pods', 'deployments'].flatMap((r) => ['get', 'list'].map((v) => `{Verbs:[${v}] APIGroups:[${g}] Resources:[${r}] ResourceNames:[] NonResourceURLs:[]}`)));
    expect((await k.run(['auth', 'reconcile', '-f', 'b.yaml', '--remove-extra-permissions'])).stderr).toBe(update('extra rules removed', extra));
    const rules = (k.get('/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/rec') as unknown as { rules: unknown[] }).rules;
    expect(rules).toEqual([{ apiGroups: [''], resources: ['pods', 'secrets'], verbs: ['get', 'watch'], resourceNames: ['a'] }]);
  });

  it('adds missing subjects, removes extra ones on request, and recreates a binding whose roleRef changed', async () => {
    const k = clusterHarness();
    k.host.fs.writeFile('/root/1.yaml', binding('Role', 'rec', 'jane'));
    k.host.fs.writeFile('/root/2.yaml', binding('Role', 'rec', 'bob'));
    k.host.fs.writeFile('/root/3.yaml', binding('ClusterRole', 'view', 'bob'));
    const subject = (n: string) => `\t\t{Kind:User APIGroup:rbac.authorization.k8s.io Name:${n} Namespace:}\n`;
    expect((await k.run(['auth', 'reconcile', '-f', '1.yaml'])).stderr).toBe(`\treconciliation required create\n\tmissing subjects added:\n${subject('jane')}`);
    expect((await k.run(['auth', 'reconcile', '-f', '2.yaml'])).stderr).toBe(`\treconciliation required update\n\tmissing subjects added:\n${subject('bob')}`);
    expect(await k.run(['auth', 'reconcile', '-f', '2.yaml', '--remove-extra-subjects', '-o', 'name'])).toEqual({
      stdout: 'rolebinding.rbac.authorization.k8s.io/rb\n',
      stderr: `\treconciliation required update\n\textra subjects removed:\n${subject('jane')}`,
      code: 0,
    });
    expect((await k.run(['auth', 'reconcile', '-f', '3.yaml'])).stderr).toBe('\treconciliation required recreate\n');
    const rb = k.get('/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/rb') as unknown as { roleRef: { kind: string; name: string } };
    expect([rb.roleRef.kind, rb.roleRef.name]).toEqual(['ClusterRole', 'view']);
  });
});
