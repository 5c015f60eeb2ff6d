import { describe, expect, it } from 'vitest';
import { R } from '../client/refs.ts';
import { schedulerTestCluster } from './testing/cluster.ts';

function attempts(t: ReturnType<typeof schedulerTestCluster>, s: ReturnType<ReturnType<typeof schedulerTestCluster>['start']>, name: string): number | undefined {
  const uid = t.get(name).metadata?.uid;
  return s.scheduler.queue.pendingPods().find((q) => q.podInfo.uid === uid)?.attempts;
}

describe('requeueing pending pods', () => {
  it('moves a pod when a node gets the label it needs, and not for unrelated node changes', () => {
    const t = schedulerTestCluster();
    t.node('node01');
    const s = t.start();
    t.pod('p', { nodeSelector: { disk: 'ssd' } });
    t.settle();
    const uid = t.get('p').metadata!.uid!;
    expect(s.scheduler.queue.where(uid)).toBe('unschedulable');
    t.admin.patch(R.nodes, undefined, 'node01', 'merge', { metadata: { annotations: { note: 'x' } } });
    t.settle();
    expect(s.scheduler.queue.where(uid)).toBe('unschedulable');
    expect(attempts(t, s, 'p')).toBe(1);
    t.admin.patch(R.nodes, undefined, 'node01', 'merge', { metadata: { labels: { disk: 'ssd' } } });
    t.settle();
    expect(t.nodeOf('p')).toBe('node01');
  });

  it('moves a pod when an assigned pod is deleted and frees room', () => {
    const t = schedulerTestCluster();
    t.node('node01', { cpu: '1' });
    t.start();
    t.pod('hog', { requests: { cpu: '800m' } });
    t.settle();
    t.pod('p', { requests: { cpu: '500m' } });
    t.settle();
    expect(t.nodeOf('p')).toBeUndefined();
    t.admin.delete(R.pods, 'default', 'hog', { gracePeriodSeconds: 0 });
    t.settle();
    expect(t.nodeOf('p')).toBe('node01');
  });

  it('retries after the back-off when no node existed, and binds once one is added', () => {
    const t = schedulerTestCluster();
    t.start();
    t.pod('p');
    t.settle();
    t.node('node01');
    t.settle();
    expect(t.nodeOf('p')).toBeUndefined();
    t.advance(1000);
    expect(t.nodeOf('p')).toBe('node01');
  });

  it('waits out the back-off after an event when pop-from-backoff is off', () => {
    const t = schedulerTestCluster();
    t.node('node01');
    t.start(undefined, { popFromBackoffQ: false });
    t.pod('p', { nodeSelector: { disk: 'ssd' } });
    t.settle();
    t.advance(200);
    t.admin.patch(R.nodes, undefined, 'node01', 'merge', { metadata: { labels: { disk: 'ssd' } } });
    t.settle();
    expect(t.nodeOf('p')).toBeUndefined();
    t.advance(800);
    expect(t.nodeOf('p')).toBe('node01');
  });

  it('retries every unschedulable pod after five minutes, even without events', () => {
    const t = schedulerTestCluster();
    t.node('node01');
    const s = t.start();
    t.pod('p', { nodeSelector: { disk: 'ssd' } });
    t.settle();
    t.advance(4 * 60_000);
    expect(attempts(t, s, 'p')).toBe(1);
    t.advance(90_000);
    expect(attempts(t, s, 'p')).toBe(2);
    const ev = (t.admin.list(R.events, 'default').items as unknown as { reason: string; count?: number }[]).find((e) => e.reason === 'FailedScheduling')!;
    expect(ev.count).toBe(2);
  });
});
