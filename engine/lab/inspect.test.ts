import { describe, expect, it } from 'vitest';
import { Lab } from './lab.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

const POD = (name: string, cpu: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: nginx
    resources:
      requests:
        cpu: "${cpu}"
`;

describe('inspect', () => {
  it('shows a pod with its Scheduled event once the scheduler bound it', async () => {
    const lab = new Lab({ emit: () => {}, yieldToHost, mode: 'stepped' });
    const s = (await lab.boot({ seed: 2 })).sessions[0]!.id;
    await lab.submit(s, `cat > p.yaml <<'EOF'\n${POD('small', '100m')}EOF`);
    await lab.submit(s, 'kubectl apply -f p.yaml');
    const i = await lab.inspect({ kind: 'Pod', namespace: 'default', name: 'small' });
    expect(i.yaml).toContain('name: small');
    expect(i.yaml).toMatch(/nodeName: node0[12]/);
    expect(i.events.map((e) => e.reason)).toContain('Scheduled');
    expect(i.scheduling).toBeUndefined();
  });

  it('explains a pending pod with the filter verdicts of every node', async () => {
    const lab = new Lab({ emit: () => {}, yieldToHost, mode: 'stepped' });
    const s = (await lab.boot({ seed: 2 })).sessions[0]!.id;
    await lab.submit(s, `cat > p.yaml <<'EOF'\n${POD('big', '64')}EOF`);
    await lab.submit(s, 'kubectl apply -f p.yaml');
    const i = await lab.inspect({ kind: 'Pod', namespace: 'default', name: 'big' });
    const fit = i.scheduling!.filter((v) => v.plugin === 'NodeResourcesFit');
    expect(fit.map((v) => [v.node, v.verdict, v.reason])).toEqual([
      ['controlplane', 'failed', 'Insufficient cpu'],
      ['node01', 'failed', 'Insufficient cpu'],
      ['node02', 'failed', 'Insufficient cpu'],
    ]);
    const taint = i.scheduling!.find((v) => v.node === 'controlplane' && v.plugin === 'TaintToleration');
    expect(taint?.verdict).toBe('failed');
    expect(i.events.find((e) => e.reason === 'FailedScheduling')?.message).toMatch(/^0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 2 Insufficient cpu\. preemption: /);
  });
});
