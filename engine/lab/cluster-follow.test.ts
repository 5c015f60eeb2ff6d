import { describe, expect, it } from 'vitest';
import type { ClusterDiff, EngineEvent } from '../protocol/api.ts';
import { examLab } from '../cluster/labs/exam.ts';
import { Lab } from './lab.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

describe('the topology of a lab of several clusters', () => {
  it('shows the cluster the learner works on: the machine of the terminal, else the kubeconfig context', async () => {
    const diffs: ClusterDiff[] = [];
    const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'cluster' && diffs.push(e.diff)), yieldToHost, mode: 'stepped' });
    const s = (await engine.boot({ seed: 4, lab: examLab([{ workers: 1 }, { workers: 1 }]) })).sessions[0]!.id;
    await engine.watchCluster();
    await engine.submit(s, 'sleep 1');
    const nodes = () => {
      const shown = new Set<string>();
      for (const d of diffs) {
        for (const o of [...d.added, ...d.updated]) if (o.kind === 'Node') shown.add(o.name);
        for (const o of d.removed) if (o.kind === 'Node') shown.delete(o.name);
      }
      return [...shown].sort();
    };
    expect(nodes()).toEqual(['cka1', 'cka1-node1']);
    await engine.submit(s, 'ssh cka2');
    await engine.submit(s, 'sleep 1');
    expect(nodes()).toEqual(['cka2', 'cka2-node1']);
    expect((await engine.inspect({ kind: 'Node', name: 'cka2' })).yaml).toContain('name: cka2\n');
    await engine.submit(s, 'exit');
    await engine.submit(s, 'kubectl config use-context k8s-c1');
    await engine.submit(s, 'sleep 1');
    expect(nodes()).toEqual(['cka1', 'cka1-node1']);
  }, 120_000);
});
