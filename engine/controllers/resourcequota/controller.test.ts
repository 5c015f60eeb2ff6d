import { describe, expect, it } from 'vitest';
import { resourceQuota } from '../../apiserver/admission/resource-quota/resource-quota.ts';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

describe('resourcequota controller', () => {
  it('mirrors hard and totals used, so admission can enforce it', () => {
    const t = controllerTestCluster({ admission: [resourceQuota()] });
    t.start({ controllers: ['resourcequota-controller'] });
    t.admin.create(R.resourcequotas, 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '2', 'requests.cpu': '1', 'count/configmaps': '5' } } });
    t.settle();
    expect(t.admin.get(R.resourcequotas, 'default', 'q').status).toEqual({ hard: { pods: '2', 'requests.cpu': '1', 'count/configmaps': '5' }, used: { 'count/configmaps': '0', pods: '0', 'requests.cpu': '0' } });
    t.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '250m' } } }] } });
    t.admin.create(R.configmaps, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    t.settle();
    expect((t.admin.get(R.resourcequotas, 'default', 'q').status as { used: unknown }).used).toEqual({ 'count/configmaps': '1', pods: '1', 'requests.cpu': '250m' });
  });
});
