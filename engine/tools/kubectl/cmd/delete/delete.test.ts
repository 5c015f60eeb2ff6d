import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

describe('kubectl delete', () => {
  it('--ignore-not-found passes over what is gone and deletes the rest', async () => {
    const k = clusterHarness();
    k.create('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c1', namespace: 'default' } });
    expect(await k.run(['delete', 'cm', 'nope', 'c1', '--ignore-not-found'])).toEqual({ stdout: 'configmap "c1" deleted\n', stderr: '', code: 0 });
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
