import { describe, expect, it } from 'vitest';
import { Action } from '../../framework/events.ts';
import { SchedulingQueue } from '../../queue/scheduling-queue.ts';
import { pluginWorld, testPod } from '../../testing/fixtures.ts';
import { schedulerTestCluster } from '../../testing/cluster.ts';
import { schedulingGates } from './scheduling-gates.ts';

describe('SchedulingGates', () => {
  it('keeps a gated pod out of scheduling: no attempt, no event', () => {
    const t = schedulerTestCluster();
    t.node('node01');
    const s = t.start();
    const pod = t.pod('gated', { schedulingGates: [{ name: 'example.com/wait' }] });
    t.settle();
    t.advance(6 * 60_000);
    expect(t.nodeOf('gated')).toBeUndefined();
    expect(t.events('gated')).toEqual([]);
    expect(s.scheduler.queue.where(pod.metadata.uid!)).toBe('unschedulable');
  });

  it('lets the pod in once an update removes the gates', () => {
    const plugin = schedulingGates({}, pluginWorld([]).handle);
    expect(plugin.preEnqueue(testPod('a', { schedulingGates: [{ name: 'a' }, { name: 'b' }] }))!.reasons).toEqual(['waiting for scheduling gates: [a b]']);
    const q = new SchedulingQueue({
      now: () => 0,
      less: (a, b) => a.seq < b.seq,
      preEnqueue: (p) => plugin.preEnqueue(p)?.withPlugin(plugin.name) ?? null,
      eventsOf: () => plugin.eventsToRegister(),
      initialBackoffMs: 1000,
      maxBackoffMs: 10_000,
      maxInUnschedulableMs: 300_000,
      popFromBackoffQ: true,
      liveNodeName: () => '',
      onActive: () => {},
    });
    const gated = testPod('g', { schedulingGates: [{ name: 'x' }] });
    q.add(gated);
    expect(q.where(gated.metadata!.uid!)).toBe('unschedulable');
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: Action.Add }, undefined, {});
    expect(q.where(gated.metadata!.uid!)).toBe('unschedulable');
    q.update(gated, { ...gated, spec: { ...gated.spec!, schedulingGates: [] } });
    expect(q.where(gated.metadata!.uid!)).toBe('activeQ');
  });
});
