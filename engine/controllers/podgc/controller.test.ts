import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

describe('pod garbage collector', () => {
  it('removes the pods of a deleted node after the quarantine', () => {
    const t = controllerTestCluster();
    t.admin.create(R.nodes, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
    t.start({ controllers: ['pod-garbage-collector-controller'] });
    t.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    t.markReady('default', 'p', 'node-1');
    t.admin.delete(R.nodes, undefined, 'node-1');
    t.runtime.advance(40_000);
    expect(t.admin.get(R.pods, 'default', 'p').metadata.name).toBe('p');
    t.runtime.advance(30_000);
    expect(() => t.admin.get(R.pods, 'default', 'p')).toThrow(/not found/);
  });
});
