import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

describe('kubectl cordon / uncordon', () => {
  it('marks a node unschedulable and back, saying when nothing changes', async () => {
    const k = clusterHarness();
    k.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' } });
    expect(await k.run(['cordon', 'node01'])).toEqual({ stdout: 'node/node01 cordoned\n', stderr: '', code: 0 });
    expect((k.get('/api/v1/nodes/node01')!.spec as { unschedulable?: boolean }).unschedulable).toBe(true);
    expect((await k.run(['cordon', 'node01'])).stdout).toBe('node/node01 already cordoned\n');
    expect((await k.run(['uncordon', 'node01'])).stdout).toBe('node/node01 uncordoned\n');
    expect((k.get('/api/v1/nodes/node01')!.spec as { unschedulable?: boolean }).unschedulable).toBeUndefined();
    expect((await k.run(['uncordon', 'node01'])).stdout).toBe('node/node01 already uncordoned\n');
  });

  it('changes nothing in client dry-run and reports missing nodes', async () => {
    const k = clusterHarness();
    k.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' } });
    expect((await k.run(['cordon', 'node01', '--dry-run=client'])).stdout).toBe('node/node01 cordoned (dry run)\n');
    expect((k.get('/api/v1/nodes/node01')!.spec as { unschedulable?: boolean } | undefined)?.unschedulable).toBeUndefined();
    const missing = await k.run(['cordon', 'nope']);
    expect(missing).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n', code: 1 });
  });
});
