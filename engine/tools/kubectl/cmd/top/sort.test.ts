import { describe, expect, it } from 'vitest';
import { steppedLab } from '../../../../lab/testing/stepped-lab.ts';

describe('kubectl top --sort-by', () => {
  it('puts the largest first, and refuses other fields with kubectl\'s message', async () => {
    const lab = await steppedLab({ seed: 2 });
    const run = async (line: string) => (await lab.run(line)).text;
    await run('kubectl run spin --image=busybox -- sh -c "while true; do :; done"');
    await run('sleep 60');
    const nodes = (await run('kubectl top node --sort-by=cpu --no-headers')).trim().split('\n').map((l) => parseInt(l.split(/\s+/)[1]!, 10));
    expect(nodes).toEqual([...nodes].sort((a, b) => b - a));
    expect((await run('kubectl top pod -A --sort-by=cpu --no-headers')).split('\n')[0]).toMatch(/^default +spin +1000m /);
    const mem = (await run('kubectl top pod -A --sort-by=memory --no-headers')).trim().split('\n').map((l) => parseInt(l.split(/\s+/)[3]!, 10));
    expect(mem).toEqual([...mem].sort((a, b) => b - a));
    expect(await run('kubectl top pod --sort-by=name')).toBe('error: --sort-by accepts only cpu or memory\n');
    // metricsutil ends every value with a tab, so the last column is padded like the others
    expect((await run('kubectl top node')).split('\n')[0]).toBe('NAME           CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ');
  }, 120_000);
});
