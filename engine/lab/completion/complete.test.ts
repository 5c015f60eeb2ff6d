import { describe, expect, it } from 'vitest';
import { Lab } from '../lab.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

async function lab() {
  const l = new Lab({ emit: () => {}, yieldToHost, mode: 'stepped' });
  const boot = await l.boot({});
  return { l, s: boot.sessions[0]!.id };
}

describe('tab completion', () => {
  it('completes commands, kubectl subcommands, resource types and object names', async () => {
    const { l, s } = await lab();
    expect((await l.complete(s, 'kubec', 5)).candidates).toContain('kubectl');
    expect((await l.complete(s, 'kubectl ge', 10)).candidates).toEqual(['get']);
    // the default lab runs metrics-server, whose NodeMetrics kubectl also offers (as api-resources -o name lists it)
    expect((await l.complete(s, 'kubectl get no', 14)).candidates).toEqual(['nodes', 'nodes.metrics.k8s.io']);
    const names = await l.complete(s, 'kubectl get nodes n', 19);
    expect(names).toEqual({ start: 18, end: 19, candidates: ['node01', 'node02'] });
    expect((await l.complete(s, 'k -n kube-', 10)).candidates).toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
    expect((await l.complete(s, 'kubectl get pods -o ya', 22)).candidates).toEqual(['yaml']);
  });

  it('completes paths relative to the working directory', async () => {
    const { l, s } = await lab();
    await l.submit(s, 'mkdir -p demo && touch demo/pod.yaml demo/svc.yaml');
    expect((await l.complete(s, 'cat demo/p', 10)).candidates).toEqual(['demo/pod.yaml']);
    expect((await l.complete(s, 'cd de', 5)).candidates).toEqual(['demo/']);
  });
});
