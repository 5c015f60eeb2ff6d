import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

describe('disruption controller', () => {
  it('reports currentHealthy, desiredHealthy and disruptionsAllowed', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['disruption-controller', 'replicaset-controller', 'deployment-controller'] });
    t.admin.create(R.deployments, 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
    t.admin.create(R.poddisruptionbudgets, 'default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'min' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } } });
    t.admin.create(R.poddisruptionbudgets, 'default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'max' }, spec: { maxUnavailable: '50%', selector: { matchLabels: { app: 'web' } } } });
    t.settle();
    expect(t.admin.get(R.poddisruptionbudgets, 'default', 'min').status).toMatchObject({ currentHealthy: 0, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 3, conditions: [{ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods' }] });
    t.kubelet();
    t.settle();
    expect(t.admin.get(R.poddisruptionbudgets, 'default', 'min').status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3, conditions: [{ status: 'True', reason: 'SufficientPods' }] });
    expect(t.admin.get(R.poddisruptionbudgets, 'default', 'max').status).toMatchObject({ currentHealthy: 3, desiredHealthy: 1, disruptionsAllowed: 2, expectedPods: 3 });
  });
});
