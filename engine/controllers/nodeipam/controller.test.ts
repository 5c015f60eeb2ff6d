import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';
import { nodeSubnets } from './controller.ts';

const cidrOf = (t: ReturnType<typeof controllerTestCluster>, name: string) => (t.admin.get(R.nodes, undefined, name).spec as { podCIDR?: string; podCIDRs?: string[] });

describe('node ipam controller', () => {
  it('splits the cluster CIDR into node-sized subnets', () => {
    expect(nodeSubnets('10.244.0.0/16').slice(0, 3)).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
    expect(nodeSubnets('192.168.0.0/23')).toEqual(['192.168.0.0/24', '192.168.1.0/24']);
    expect(nodeSubnets('10.0.0.0/25')).toEqual([]);
  });

  it('gives each node its own subnet, skips taken ones, and frees a deleted node\'s', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['node-ipam-controller'], clusterCidr: '10.244.0.0/16' });
    t.admin.create(R.nodes, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'taken' }, spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] } });
    for (const n of ['a', 'b']) t.admin.create(R.nodes, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: n } });
    t.settle();
    expect(cidrOf(t, 'a')).toMatchObject({ podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] });
    expect(cidrOf(t, 'b').podCIDR).toBe('10.244.2.0/24');
    expect(cidrOf(t, 'taken').podCIDR).toBe('10.244.1.0/24');
    t.admin.delete(R.nodes, undefined, 'a');
    t.settle();
    t.admin.create(R.nodes, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'c' } });
    t.settle();
    expect(cidrOf(t, 'c').podCIDR).toBe('10.244.0.0/24');
  });
});
