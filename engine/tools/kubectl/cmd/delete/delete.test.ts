import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

describe('kubectl delete', () => {
  it('names the namespace of a namespaced object before the dry-run suffix, as kubectl 1.34 does; cluster-scoped objects have none', async () => {
    const k = clusterHarness();
    k.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    k.create('/api/v1/namespaces/team/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c1', namespace: 'team' } });
    expect((await k.run(['delete', 'cm', 'c1', '-n', 'team', '--dry-run=server'])).stdout).toBe('configmap "c1" deleted from team namespace (server dry run)\n');
    expect((await k.run(['delete', 'cm', 'c1', '-n', 'team', '-o', 'name'])).stdout).toBe('configmap/c1\n');
    expect((await k.run(['delete', 'ns', 'team', '--dry-run=client'])).stdout).toBe('namespace "team" deleted (dry run)\n');
  });

  it('--ignore-not-found passes over what is gone and deletes the rest', async () => {
    const k = clusterHarness();
    k.create('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c1', namespace: 'default' } });
    expect(await k.run(['delete', 'cm', 'nope', 'c1', '--ignore-not-found'])).toEqual({ stdout: 'configmap "c1" deleted from default namespace\n', stderr: '', code: 0 });
    expect(k.get('/api/v1/namespaces/default/configmaps/c1')).toBeUndefined();
    const plain = await k.run(['delete', 'cm', 'nope']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe('Error from server (NotFound): configmaps "nope" not found\n');
  });

  it('reports an empty selection on stdout', async () => {
    const k = clusterHarness();
    expect(await k.run(['delete', 'cm', '-l', 'app=none'])).toEqual({ stdout: 'No resources found\n', stderr: '', code: 0 });
  });
});

describe('kubectl delete waits for what it deletes to be gone', () => {
  it('waits out a pod\'s graceful termination, unless --wait=false, --timeout or --force say otherwise', async () => {
    const { steppedLab } = await import('../../../../lab/testing/stepped-lab.ts');
    const lab = await steppedLab({ seed: 4 });
    const now = () => lab.engine.booted!.world.runtime.now;
    const run = async (line: string) => (await lab.run(line)).text;
    // sleep as PID 1 ignores SIGTERM: the kubelet kills it when the 30 s grace period ends.
    await run('kubectl run q --image=busybox -- sleep 3600');
    await run('kubectl run r --image=busybox -- sleep 3600');
    await run('sleep 10');
    expect(await run('kubectl delete pod q --timeout=5s')).toBe('pod "q" deleted from default namespace\nerror: timed out waiting for the condition on pods/q\n');
    expect(await run('kubectl get pod q --no-headers')).toMatch(/^q +1\/1 +Terminating/);
    const t0 = now();
    expect(await run('kubectl delete pod q')).toBe('pod "q" deleted from default namespace\n');
    expect(now() - t0).toBeGreaterThanOrEqual(15_000);
    expect(await run('kubectl get pod q')).toBe('Error from server (NotFound): pods "q" not found\n');
    expect(await run('kubectl delete pod r --wait=false')).toBe('pod "r" deleted from default namespace\n');
    expect(await run('kubectl get pod r --no-headers')).toMatch(/Terminating/);
    await run('kubectl run s --image=busybox -- sleep 3600');
    await run('sleep 10');
    const t1 = now();
    expect(await run('kubectl delete pod s --force --grace-period=0')).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "s" force deleted from default namespace\n',
    );
    expect(now() - t1).toBeLessThan(5_000);
  }, 120_000);
});
