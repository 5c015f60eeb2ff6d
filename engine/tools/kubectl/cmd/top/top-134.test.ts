import { describe, expect, it } from 'vitest';
import { steppedLab } from '../../../../lab/testing/stepped-lab.ts';

describe('kubectl top: --sum, --show-swap and nodes without metrics (kubectl 1.34)', () => {
  it('prints metricsutil’s sum lines, swap columns, and <unknown> for a node the metrics API has nothing for', async () => {
    const lab = await steppedLab({ seed: 3 });
    const run = async (line: string) => (await lab.run(line)).text;
    await run('kubectl create deploy web --image=nginx --replicas=2');
    await run('sleep 70');
    const sum = (await run('kubectl top pods --sum')).split('\n');
    expect(sum).toHaveLength(6);
    const [cpu1, mem1] = sum[1]!.split(/\s+/).slice(1, 3).map((v) => parseInt(v, 10));
    const [cpu2, mem2] = sum[2]!.split(/\s+/).slice(1, 3).map((v) => parseInt(v, 10));
    // the rule lines sit under the usage columns, the totals below them
    expect(sum[3]).toMatch(/^ +________ +________ +$/);
    expect(sum[3]!.indexOf('________')).toBe(sum[0]!.indexOf('CPU(cores)'));
    // totals are summed in bytes, then shown in whole MiB: at most one more than the shown rows add up to
    const [cpuSum, memSum] = sum[4]!.trim().split(/\s+/);
    expect(cpuSum).toBe(`${cpu1! + cpu2!}m`);
    expect([`${mem1! + mem2!}Mi`, `${mem1! + mem2! + 1}Mi`]).toContain(memSum);
    expect((await run('kubectl top pods --show-swap')).split('\n')[0]).toBe('NAME                   CPU(cores)   MEMORY(bytes)   SWAP(bytes)   ');
    expect(await run('kubectl top pods --show-swap --no-headers')).toMatch(/^web-\S+ +\d+m +\d+Mi +0Mi +\n/);
    // a node without swap capacity has no swap figures
    expect((await run('kubectl top node node02 --show-swap --no-headers')).trim()).toMatch(/^node02 +\d+m +\d+% +\d+Mi +\d+% +<unknown> +<unknown>$/);
    await run('ssh node01 sudo systemctl stop kubelet');
    await run('sleep 200');
    const nodes = (await run('kubectl top nodes')).trim().split('\n');
    expect(nodes[nodes.length - 1]).toMatch(/^node01 +<unknown> +<unknown> +<unknown> +<unknown>$/);
    expect(nodes.slice(1, -1).map((l) => l.split(/\s+/)[0])).toEqual(['controlplane', 'node02']);
  }, 180_000);
});
