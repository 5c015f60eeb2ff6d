import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';

function node(name: string, labels: Record<string, string> = {}, taints: unknown[] = []) {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: { taints } };
}
function ds(extra: Record<string, unknown> = {}, image = 'fluentd:1') {
  return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'logs' }, spec: { selector: { matchLabels: { app: 'logs' } }, template: { metadata: { labels: { app: 'logs' } }, spec: { containers: [{ name: 'c', image }], ...extra } } } };
}

describe('daemonset controller', () => {
  it('runs one pod per eligible node, pinned by node affinity, with the default tolerations', () => {
    const t = controllerTestCluster();
    t.admin.create(R.nodes, undefined, node('cp', { 'node-role.kubernetes.io/control-plane': '' }, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]));
    t.admin.create(R.nodes, undefined, node('w1', { disk: 'ssd' }));
    t.admin.create(R.nodes, undefined, node('w2'));
    t.start({ controllers: ['daemonset-controller'] });
    t.admin.create(R.daemonsets, 'default', ds());
    t.settle();
    const pods = t.pods();
    expect(pods).toHaveLength(2);
    const targets = pods.map((p) => (p.spec as { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: { matchFields: { values: string[] }[] }[] } } } }).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]!.matchFields[0]!.values[0]);
    expect(targets.sort()).toEqual(['w1', 'w2']);
    expect((pods[0]!.spec as { tolerations: { key: string; effect: string }[] }).tolerations.map((x) => `${x.key}:${x.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(pods[0]!.metadata.labels?.['controller-revision-hash']).toMatch(/^[456789bcdf]+$/);
    expect(t.admin.list(R.controllerrevisions, 'default').items).toHaveLength(1);
    expect(t.admin.get(R.daemonsets, 'default', 'logs').status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0 });
    expect(eventMessages(t.events(), 'logs').filter((m) => m.startsWith('SuccessfulCreate: Created pod: logs-'))).toHaveLength(2);
  });

  it('follows nodeSelector and replaces pods one node at a time on a template change', () => {
    const t = controllerTestCluster();
    t.admin.create(R.nodes, undefined, node('w1', { disk: 'ssd' }));
    t.admin.create(R.nodes, undefined, node('w2', { disk: 'ssd' }));
    t.admin.create(R.nodes, undefined, node('w3'));
    t.start({ controllers: ['daemonset-controller'] });
    t.admin.create(R.daemonsets, 'default', ds({ nodeSelector: { disk: 'ssd' } }));
    t.settle();
    for (const p of t.pods()) {
      const target = (p.spec as { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: { matchFields: { values: string[] }[] }[] } } } }).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]!.matchFields[0]!.values[0]!;
      t.markReady('default', p.metadata.name!, target);
    }
    t.settle();
    expect(t.admin.get(R.daemonsets, 'default', 'logs').status).toMatchObject({ desiredNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2 });
    t.admin.patch(R.daemonsets, 'default', 'logs', 'strategic', { spec: { template: { spec: { containers: [{ name: 'c', image: 'fluentd:2' }] } } } });
    t.settle();
    // maxUnavailable 1: one old pod goes first.
    const terminating = t.pods().filter((p) => p.metadata.deletionTimestamp);
    expect(terminating).toHaveLength(1);
    expect(t.admin.list(R.controllerrevisions, 'default').items.map((r) => r.revision).sort()).toEqual([1, 2]);
  });
});
