import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { Action } from '../framework/events.ts';
import type { QueuedPodInfo } from '../framework/interfaces.ts';
import { testPod } from '../testing/fixtures.ts';
import { SchedulingQueue } from './scheduling-queue.ts';

function queue(opts: { popFromBackoffQ?: boolean } = {}) {
  let now = 1_000_000;
  let active = 0;
  const q = new SchedulingQueue({
    now: () => now,
    less: (a, b) => a.podInfo.priority > b.podInfo.priority || (a.podInfo.priority === b.podInfo.priority && a.seq < b.seq),
    preEnqueue: (_p: Pod) => null,
    eventsOf: (_p, plugin) => (plugin === 'NodeAffinity' ? [{ event: { resource: 'Node', action: Action.Add | Action.UpdateNodeLabel } }] : []),
    initialBackoffMs: 1000,
    maxBackoffMs: 10_000,
    maxInUnschedulableMs: 300_000,
    popFromBackoffQ: opts.popFromBackoffQ ?? false,
    liveNodeName: () => '',
    onActive: () => active++,
  });
  return {
    q,
    advance: (ms: number) => (now += ms),
    get active() {
      return active;
    },
  };
}

function fail(q: SchedulingQueue, p: QueuedPodInfo, plugin = 'NodeAffinity'): void {
  p.unschedulablePlugins = new Set(plugin ? [plugin] : []);
  q.addUnschedulableIfNotPresent(p);
}

describe('SchedulingQueue', () => {
  it('pops by priority, then by arrival', () => {
    const { q } = queue();
    q.add(testPod('a'));
    q.add(testPod('b', { priority: 10 }));
    q.add(testPod('c'));
    expect([q.pop(), q.pop(), q.pop()].map((x) => x!.podInfo.pod.metadata?.name)).toEqual(['b', 'a', 'c']);
  });

  it('backs off 1s, 2s, 4s, 8s, then 10s at most', () => {
    const { q } = queue();
    q.add(testPod('a'));
    const p = q.pop()!;
    expect(q.backoffDuration(p)).toBe(0);
    const durations = [1, 2, 3, 4, 5, 6].map((n) => q.backoffDuration({ ...p, unschedulableCount: n }));
    expect(durations).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    // After an error, the consecutive error count decides.
    expect(q.backoffDuration({ ...p, unschedulableCount: 5, consecutiveErrorsCount: 2 })).toBe(2000);
    fail(q, p);
    fail(q, { ...p });
    expect(p.unschedulableCount).toBe(1);
  });

  it('keeps an unschedulable pod until an event its plugin registered, then waits out the back-off', () => {
    const w = queue();
    const { q } = w;
    q.add(testPod('a'));
    const p = q.pop()!;
    fail(q, p);
    expect(q.where(p.podInfo.uid)).toBe('unschedulable');
    q.moveAllToActiveOrBackoffQueue({ resource: 'PersistentVolume', action: Action.Add }, undefined, {});
    expect(q.where(p.podInfo.uid)).toBe('unschedulable');
    w.advance(300);
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: Action.UpdateNodeLabel }, {}, {});
    expect(q.where(p.podInfo.uid)).toBe('backoffQ');
    expect(q.pop()).toBeUndefined();
    w.advance(700);
    q.flushBackoffQCompleted();
    expect(q.where(p.podInfo.uid)).toBe('activeQ');
  });

  it('pops from backoffQ when activeQ is idle (SchedulerPopFromBackoffQ)', () => {
    const { q } = queue({ popFromBackoffQ: true });
    q.add(testPod('a'));
    const p = q.pop()!;
    fail(q, p);
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: Action.Add }, undefined, {});
    expect(q.where(p.podInfo.uid)).toBe('backoffQ');
    expect(q.pop()?.podInfo.uid).toBe(p.podInfo.uid);
  });

  it('never pops pods backing off after an error early', () => {
    const { q } = queue({ popFromBackoffQ: true });
    q.add(testPod('a'));
    const p = q.pop()!;
    fail(q, p, '');
    expect(q.where(p.podInfo.uid)).toBe('backoffQ');
    expect(q.pop()).toBeUndefined();
  });

  it('flushes pods left unschedulable for more than five minutes', () => {
    const w = queue();
    const { q } = w;
    q.add(testPod('a'));
    const p = q.pop()!;
    fail(q, p);
    w.advance(299_000);
    q.flushUnschedulableLeftover();
    expect(q.where(p.podInfo.uid)).toBe('unschedulable');
    w.advance(2000);
    q.flushUnschedulableLeftover();
    expect(q.where(p.podInfo.uid)).toBe('activeQ');
  });
});
