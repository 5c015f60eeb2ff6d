import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { schedulerTestCluster } from '../testing/cluster.ts';
import { verdictLines } from './verdicts.ts';

describe('why Pending', () => {
  it("keeps every node's answer from every filter for the last failed attempt", () => {
    const t = schedulerTestCluster();
    t.node('controlplane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], memory: '1Gi' });
    t.node('node01', { memory: '1Gi' });
    t.node('node02', { memory: '8Gi', labels: { disk: 'hdd' } });
    const s = t.start();
    const pod = t.pod('p', { requests: { memory: '2Gi' }, nodeSelector: { disk: 'ssd' } });
    t.settle();
    const v = s.verdicts(pod.metadata.uid!)!;
    expect(v.message).toBe(t.condition('p')!.message);
    expect(verdictLines(v)).toEqual([
      'controlplane: TaintToleration: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
      "controlplane: NodeAffinity: node(s) didn't match Pod's node affinity/selector",
      'controlplane: NodeResourcesFit: Insufficient memory',
      "node01: NodeAffinity: node(s) didn't match Pod's node affinity/selector",
      'node01: NodeResourcesFit: Insufficient memory',
      "node02: NodeAffinity: node(s) didn't match Pod's node affinity/selector",
    ]);
    // Every filter that ran is there, passes included (skipped ones are not run).
    expect(v.nodes[2]!.verdicts.map((x) => `${x.plugin}=${x.code}`)).toEqual(['NodeUnschedulable=Success', 'NodeName=Success', 'TaintToleration=Success', 'NodeAffinity=UnschedulableAndUnresolvable', 'NodeResourcesFit=Success']);
    t.admin.patch(R.nodes, undefined, 'node02', 'merge', { metadata: { labels: { disk: 'ssd' } } });
    t.settle();
    expect(t.nodeOf('p')).toBe('node02');
    expect(s.verdicts(pod.metadata.uid!)).toBeUndefined();
  });

  it('records a PreFilter rejection for every node', () => {
    const t = schedulerTestCluster();
    t.node('node01');
    const s = t.start();
    const pod = t.pod('p', { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'nope' } }] });
    t.settle();
    const v = s.verdicts(pod.metadata.uid!)!;
    expect(v.preFilter).toEqual({ plugin: 'VolumeRestrictions', reasons: ['persistentvolumeclaim "nope" not found'] });
    expect(verdictLines(v)).toEqual(['node01: VolumeRestrictions: persistentvolumeclaim "nope" not found']);
  });
});
