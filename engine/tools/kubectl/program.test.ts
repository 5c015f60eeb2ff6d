import { describe, expect, it } from 'vitest';
import { kubectlHarness } from './testing/harness.ts';

describe('kubectl', () => {
  it('reports unknown commands and flags with the real texts', async () => {
    const k = kubectlHarness();
    const cmd = await k.run(['gett', 'pods']);
    expect(cmd.code).toBe(1);
    expect(cmd.stderr).toMatch(/^error: unknown command "gett" for "kubectl"\n\nDid you mean this\?\n(\t\w+\n)*\tget\n$/);
    const flag = await k.run(['get', '--foo']);
    expect(flag.stderr).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
  });

  it('creates, lists and deletes through the apiserver', async () => {
    const k = kubectlHarness();
    k.server.request({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, credentials: { token: 'admin' } });
    k.host.fs.writeFile('/root/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: "1"\n');
    expect((await k.run(['apply', '-f', 'cm.yaml'])).stdout).toBe('configmap/web created\n');
    expect((await k.run(['apply', '-f', 'cm.yaml'])).stdout).toBe('configmap/web unchanged\n');
    const get = await k.run(['get', 'cm']);
    expect(get.stdout).toBe('NAME   DATA   AGE\nweb    1      0s\n');
    expect((await k.run(['delete', 'configmap', 'web'])).stdout).toBe('configmap "web" deleted from default namespace\n');
    const none = await k.run(['get', 'configmaps']);
    expect(none.stderr).toBe('No resources found in default namespace.\n');
  });
});
