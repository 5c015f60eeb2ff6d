import { describe, expect, it } from 'vitest';
import { PodInfo } from '../framework/pod-info.ts';
import { testNode, testPod } from '../testing/fixtures.ts';
import { Cache } from './cache.ts';

describe('Cache', () => {
  it('counts an assumed pod at once, confirms it without recounting, and forgets a failed one', () => {
    const c = new Cache();
    c.addOrUpdateNode(testNode('n1'));
    const pod = testPod('a', { requests: { cpu: '300m' } });
    const assumed = new PodInfo({ ...pod, spec: { ...pod.spec!, nodeName: 'n1' } });
    c.assumePod(assumed, 'n1');
    const ni = c.get('n1')!;
    expect([ni.requested.milliCPU, ni.pods.length, c.isAssumed(assumed.uid)]).toEqual([300, 1, true]);
    const gen = ni.generation;
    c.addPod({ ...pod, spec: { ...pod.spec!, nodeName: 'n1' }, status: { phase: 'Pending' } });
    expect([ni.requested.milliCPU, ni.pods.length, c.isAssumed(assumed.uid), ni.generation]).toEqual([300, 1, false, gen]);
    const b = testPod('b', { requests: { cpu: '200m' } });
    c.assumePod(new PodInfo({ ...b, spec: { ...b.spec!, nodeName: 'n1' } }), 'n1');
    c.forgetPod(b.metadata!.uid!);
    expect(ni.requested.milliCPU).toBe(300);
    c.removePod(pod.metadata!.uid!);
    expect([ni.requested.milliCPU, ni.pods.length]).toEqual([0, 0]);
  });

  it('lists nodes one zone at a time, and keeps pods of a deleted node until they go', () => {
    const c = new Cache();
    for (const [n, z] of [['a1', 'a'], ['a2', 'a'], ['b1', 'b'], ['b2', 'b'], ['c1', 'c']] as const) c.addOrUpdateNode(testNode(n, { labels: { 'topology.kubernetes.io/zone': z } }));
    expect(c.list().map((n) => n.name)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2']);
    c.addPod(testPod('p', {}, { nodeName: 'c1' }));
    c.removeNode('c1');
    expect(c.get('c1')).toBeUndefined();
    expect(c.list().map((n) => n.name)).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(c.podCount).toBe(1);
  });

  it("takes a kubelet's status update in place, and recounts when labels, spec or deletion change", () => {
    const c = new Cache();
    c.addOrUpdateNode(testNode('n1'));
    const other = testPod('o', { requests: { cpu: '100m' } }, { nodeName: 'n1' });
    const pod = testPod('a', { requests: { cpu: '300m' } }, { nodeName: 'n1', labels: { app: 'web' } });
    c.addPod(pod);
    c.addPod(other);
    const ni = c.get('n1')!;
    const gen = ni.generation;
    c.updatePod({ ...pod, status: { phase: 'Running' } });
    // Same accounting, same place in the node's list, newest object, and per-selector counts stay valid.
    expect([ni.requested.milliCPU, ni.pods.map((p) => p.pod.metadata?.name), ni.pods[0]!.pod.status?.phase, ni.generation]).toEqual([400, ['a', 'o'], 'Running', gen]);
    c.updatePod({ ...pod, metadata: { ...pod.metadata, labels: { app: 'db' } } });
    expect(ni.generation).not.toBe(gen);
    const gen2 = ni.generation;
    c.updatePod({ ...pod, metadata: { ...pod.metadata, labels: { app: 'db' } }, spec: { ...pod.spec!, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1' } } }] } });
    expect([ni.requested.milliCPU, ni.generation !== gen2]).toEqual([1100, true]);
    const gen3 = ni.generation;
    c.updatePod({ ...pod, metadata: { ...pod.metadata, labels: { app: 'db' }, deletionTimestamp: '2026-01-01T00:00:00Z' }, spec: { ...pod.spec!, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1' } } }] } });
    expect(ni.generation).not.toBe(gen3);
  });
});
