import { describe, expect, it } from 'vitest';
import { R } from '../client/refs.ts';
import { schedulerTestCluster } from './testing/cluster.ts';

function placement(seed: number, pods: number, opts: { owner?: boolean; requests?: Record<string, string> } = {}): string[] {
  const t = schedulerTestCluster({ seed });
  for (const n of ['node01', 'node02', 'node03']) t.node(n);
  t.start();
  const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', uid: 'rs-uid', controller: true }];
  if (opts.owner) t.admin.create(R.replicasets, 'default', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d8f' }, spec: { replicas: pods, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
  t.settle();
  for (let i = 0; i < pods; i++) t.pod(`web-${i}`, { requests: opts.requests }, { labels: { app: 'web' }, ownerReferences: opts.owner ? owner : undefined });
  t.settle();
  return Array.from({ length: pods }, (_, i) => t.nodeOf(`web-${i}`)!);
}

function perNode(nodes: string[]): number[] {
  return ['node01', 'node02', 'node03'].map((n) => nodes.filter((x) => x === n).length);
}

describe('scoring', () => {
  it("spreads a ReplicaSet's pods across nodes (default topology spread)", () => {
    expect(perNode(placement(1, 6, { owner: true }))).toEqual([2, 2, 2]);
  });

  it('spreads pods with requests by least allocated resources', () => {
    expect(perNode(placement(2, 9, { requests: { cpu: '100m', memory: '64Mi' } }))).toEqual([3, 3, 3]);
  });

  it('breaks ties with the seeded random source, so runs repeat', () => {
    const a = placement(3, 5, { owner: true });
    expect(placement(3, 5, { owner: true })).toEqual(a);
    const others = [4, 5, 6, 7].map((s) => placement(s, 5, { owner: true }).join());
    expect(others.some((o) => o !== a.join())).toBe(true);
  });

  it('prefers a node that already has the image', () => {
    const t = schedulerTestCluster();
    t.node('node01');
    t.node('node02', { images: [{ names: ['docker.io/library/redis:7', 'redis:7'], sizeBytes: 800 * 1024 * 1024 }] });
    t.start();
    t.pod('r', { containers: [{ name: 'r', image: 'redis:7' }] });
    t.settle();
    expect(t.nodeOf('r')).toBe('node02');
  });
});
