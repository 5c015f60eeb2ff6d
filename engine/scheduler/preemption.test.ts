import { describe, expect, it } from 'vitest';
import { refOf } from '../client/client.ts';
import { R } from '../client/refs.ts';
import { schedulerTestCluster, type SchedulerTestCluster } from './testing/cluster.ts';

const PC = refOf('scheduling.k8s.io/v1', 'priorityclasses', false);
const PDB = refOf('policy/v1', 'poddisruptionbudgets', true);

function cluster(): SchedulerTestCluster {
  const t = schedulerTestCluster();
  for (const [name, value] of [['low', 100], ['mid', 500], ['high', 1000]] as const) t.admin.create(PC, undefined, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value });
  t.node('node01', { cpu: '1' });
  t.node('node02', { cpu: '1' });
  t.start();
  return t;
}

/** kubelet finishes a graceful deletion, as the node agent would. */
function finishDeletion(t: SchedulerTestCluster, name: string): void {
  t.admin.delete(R.pods, 'default', name, { gracePeriodSeconds: 0 });
  t.settle();
}

describe('DefaultPreemption', () => {
  it('evicts the lowest-priority victim, nominates its node and binds there once it is gone', () => {
    const t = cluster();
    t.pod('low1', { requests: { cpu: '600m' }, priorityClassName: 'low', nodeSelector: { 'kubernetes.io/hostname': 'node01' } });
    t.pod('mid1', { requests: { cpu: '600m' }, priorityClassName: 'mid', nodeSelector: { 'kubernetes.io/hostname': 'node02' } });
    t.settle();
    const high = t.pod('high', { requests: { cpu: '600m' }, priorityClassName: 'high' });
    t.settle();
    const victim = t.get('low1');
    expect(victim.metadata?.deletionTimestamp).toBeDefined();
    expect(victim.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' });
    expect(t.events('low1')).toContain(`Normal Preempted Preempted by pod ${high.metadata.uid} on node node01`);
    expect(t.get('high').status?.nominatedNodeName).toBe('node01');
    expect(t.events('high')).toEqual(['Warning FailedScheduling 0/2 nodes are available: 2 Insufficient cpu.']);
    expect(t.get('mid1').metadata?.deletionTimestamp).toBeUndefined();
    finishDeletion(t, 'low1');
    expect(t.nodeOf('high')).toBe('node01');
    expect(t.events('high')).toContain('Normal Scheduled Successfully assigned default/high to node01');
  });

  it('keeps as many pods as fit, the most important first', () => {
    const t = cluster();
    t.pod('a', { requests: { cpu: '400m' }, priorityClassName: 'low', nodeSelector: { 'kubernetes.io/hostname': 'node01' } });
    t.pod('b', { requests: { cpu: '400m' }, priorityClassName: 'mid', nodeSelector: { 'kubernetes.io/hostname': 'node01' } });
    t.pod('c', { requests: { cpu: '900m' }, priorityClassName: 'mid', nodeSelector: { 'kubernetes.io/hostname': 'node02' } });
    t.settle();
    t.pod('high', { requests: { cpu: '500m' }, priorityClassName: 'high' });
    t.settle();
    expect(['a', 'b', 'c'].map((n) => !!t.get(n).metadata?.deletionTimestamp)).toEqual([true, false, false]);
    expect(t.get('high').status?.nominatedNodeName).toBe('node01');
  });

  it('prefers victims whose eviction does not violate a PodDisruptionBudget', () => {
    const t = cluster();
    t.pod('guarded', { requests: { cpu: '600m' }, priorityClassName: 'low', nodeSelector: { 'kubernetes.io/hostname': 'node01' } }, { labels: { app: 'db' } });
    t.pod('free', { requests: { cpu: '600m' }, priorityClassName: 'low', nodeSelector: { 'kubernetes.io/hostname': 'node02' } }, { labels: { app: 'web' } });
    t.admin.create(PDB, 'default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'db' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'db' } } } });
    t.admin.patch(PDB, 'default', 'db', 'merge', { status: { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 } }, { sub: 'status' });
    t.settle();
    t.pod('high', { requests: { cpu: '600m' }, priorityClassName: 'high' });
    t.settle();
    expect(t.get('guarded').metadata?.deletionTimestamp).toBeUndefined();
    expect(t.get('free').metadata?.deletionTimestamp).toBeDefined();
    expect(t.get('high').status?.nominatedNodeName).toBe('node02');
  });

  it('does not preempt pods of equal priority', () => {
    const t = cluster();
    t.pod('x', { requests: { cpu: '600m' }, priorityClassName: 'high' });
    t.pod('y', { requests: { cpu: '600m' }, priorityClassName: 'high' });
    t.settle();
    t.pod('z', { requests: { cpu: '600m' }, priorityClassName: 'high' });
    t.settle();
    expect(t.condition('z')?.message).toBe('0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.');
  });
});
