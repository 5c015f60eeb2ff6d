import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

describe('namespace controller', () => {
  it('empties a Terminating namespace, reports what remains, then lets it go', () => {
    const t = controllerTestCluster({ namespaces: ['default', 'kube-system', 'dev'] });
    t.start();
    t.admin.create(R.configmaps, 'dev', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', finalizers: ['example.com/hold'] } });
    t.admin.create(R.pods, 'dev', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    t.settle();
    t.admin.delete(R.namespaces, undefined, 'dev');
    t.settle();
    const ns = t.admin.get(R.namespaces, undefined, 'dev');
    expect((ns.status as { phase: string }).phase).toBe('Terminating');
    const conds = (ns.status as { conditions: { type: string; status: string; reason: string; message: string }[] }).conditions;
    expect(conds.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: configmaps. has 1 resource instances' });
    expect(conds.find((c) => c.type === 'NamespaceFinalizersRemaining')).toMatchObject({ status: 'True', reason: 'SomeFinalizersRemain', message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances' });
    expect(() => t.admin.get(R.pods, 'dev', 'p')).toThrow(/not found/);
    t.admin.patch(R.configmaps, 'dev', 'held', 'merge', { metadata: { finalizers: null } });
    t.runtime.advance(2000);
    t.settle();
    expect(() => t.admin.get(R.namespaces, undefined, 'dev')).toThrow(/not found/);
  });
});
