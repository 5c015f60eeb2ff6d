import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

describe('serviceaccount controller', () => {
  it('creates and recreates the default ServiceAccount of every namespace', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['serviceaccount-controller'] });
    t.admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    t.settle();
    for (const ns of ['default', 'kube-system', 'dev']) expect(t.admin.get(R.serviceaccounts, ns, 'default').metadata.name).toBe('default');
    t.admin.delete(R.serviceaccounts, 'dev', 'default');
    t.settle();
    expect(t.admin.get(R.serviceaccounts, 'dev', 'default').metadata.name).toBe('default');
  });
});
