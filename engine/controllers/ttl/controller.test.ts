import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

describe('ttl controller', () => {
  it('annotates nodes with node.alpha.kubernetes.io/ttl', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['ttl-controller'] });
    t.admin.create(R.nodes, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
    t.settle();
    expect(t.admin.get(R.nodes, undefined, 'n1').metadata.annotations?.['node.alpha.kubernetes.io/ttl']).toBe('0');
  });
});
