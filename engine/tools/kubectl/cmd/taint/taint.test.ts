import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

const taintsOf = (k: ReturnType<typeof clusterHarness>) => (k.get('/api/v1/nodes/node01')!.spec as { taints?: unknown[] } | undefined)?.taints;

describe('kubectl taint', () => {
  it('adds, refuses to overwrite, overwrites and removes taints', async () => {
    const k = clusterHarness();
    k.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' } });
    expect(await k.run(['taint', 'nodes', 'node01', 'dedicated=gpu:NoSchedule'])).toEqual({ stdout: 'node/node01 tainted\n', stderr: '', code: 0 });
    expect(taintsOf(k)).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    const again = await k.run(['taint', 'node', 'node01', 'dedicated=cpu:NoSchedule']);
    expect(again).toEqual({ stdout: '', stderr: 'error: node node01 already has dedicated taint(s) with same effect(s) and --overwrite is false\n', code: 1 });
    expect((await k.run(['taint', 'node', 'node01', 'dedicated=cpu:NoSchedule', '--overwrite'])).stdout).toBe('node/node01 modified\n');
    expect(taintsOf(k)).toEqual([{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }]);
    expect((await k.run(['taint', 'nodes', 'node01', 'dedicated:NoSchedule-'])).stdout).toBe('node/node01 untainted\n');
    expect(taintsOf(k)).toBeUndefined();
    const gone = await k.run(['taint', 'nodes', 'node01', 'dedicated-']);
    expect(gone).toEqual({ stdout: '', stderr: 'error: taint "dedicated" not found\n', code: 1 });
  });

  it('gives kubectl\'s errors for bad specs', async () => {
    const k = clusterHarness();
    k.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' } });
    expect((await k.run(['taint', 'nodes', 'node01'])).stderr).toBe('error: at least one taint update is required\n');
    expect((await k.run(['taint', 'nodes', 'node01', 'a=b:Bad'])).stderr).toBe("error: invalid taint effect: Bad, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n");
    expect((await k.run(['taint', 'nodes', 'node01', 'a=b'])).stderr).toMatch(/^error: invalid taint spec: a=b, name part must consist of alphanumeric characters/);
    // an empty key fails both of IsQualifiedName's checks, as kubectl 1.33 reports them
    expect((await k.run(['taint', 'nodes', 'node01', '=x:NoSchedule'])).stderr).toBe(
      "error: invalid taint spec: =x:NoSchedule, name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples\n",
    );
    expect(taintsOf(k)).toBeUndefined();
  });
});

describe('kubectl taint --dry-run', () => {
  it('prints the plain result line and changes nothing', async () => {
    const k = clusterHarness();
    k.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' } });
    expect(await k.run(['taint', 'nodes', 'node01', 'k=v:NoSchedule', '--dry-run=client'])).toEqual({ stdout: 'node/node01 tainted\n', stderr: '', code: 0 });
    expect(taintsOf(k)).toBeUndefined();
  });
});
