import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';

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

  it('an eviction takes a disruption (status.disruptedPods) and the next one is refused with 429 until replacements are ready', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['disruption-controller', 'replicaset-controller', 'deployment-controller'] });
    t.admin.create(R.deployments, 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
    t.admin.create(R.poddisruptionbudgets, 'default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'min' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } });
    t.settle();
    t.kubelet();
    t.settle();
    const [a, b] = t.pods().map((p) => p.metadata.name!);
    const evict = (name: string) => t.admin.create(R.pods, 'default', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } }, {}, 'eviction', name);
    evict(a!);
    // the eviction itself records the pod before the controller sees the deletion
    const pdb = t.admin.get(R.poddisruptionbudgets, 'default', 'min').status as { disruptionsAllowed: number; disruptedPods?: Record<string, string> };
    expect(pdb.disruptionsAllowed).toBe(0);
    expect(Object.keys(pdb.disruptedPods ?? {})).toEqual([a]);
    t.settle();
    let err: unknown;
    try {
      evict(b!);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ status: { code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget.", details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget min needs 1 healthy pods and has 1 currently' }] } } });
    expect(t.admin.get(R.pods, 'default', b!).metadata.deletionTimestamp).toBeUndefined();
    t.kubelet();
    t.settle();
    t.kubelet();
    t.settle();
    expect(t.admin.get(R.poddisruptionbudgets, 'default', 'min').status).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 1 });
    expect((t.admin.get(R.poddisruptionbudgets, 'default', 'min').status as { disruptedPods?: unknown }).disruptedPods).toBeUndefined();
    evict(b!);
    expect(t.admin.get(R.pods, 'default', b!).metadata.deletionTimestamp).toBeDefined();
  });

  it('a pod recorded as disrupted but never deleted counts again after two minutes', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['disruption-controller'] });
    t.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    t.markReady('default', 'p');
    t.admin.create(R.poddisruptionbudgets, 'default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'max' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } } });
    t.settle();
    const cur = t.admin.get(R.poddisruptionbudgets, 'default', 'max');
    t.admin.updateStatus(R.poddisruptionbudgets, { ...cur, status: { ...(cur.status as object), disruptedPods: { p: new Date(t.runtime.now).toISOString().replace(/\.\d+Z$/, 'Z') } } });
    t.settle();
    expect(t.admin.get(R.poddisruptionbudgets, 'default', 'max').status).toMatchObject({ currentHealthy: 0 });
    t.runtime.advance(121_000);
    t.settle();
    expect(t.admin.get(R.poddisruptionbudgets, 'default', 'max').status).toMatchObject({ currentHealthy: 1 });
    expect(eventMessages(t.events(), 'p')).toContain("NotDeleted: Pod was expected by PDB default/max to be deleted but it wasn't");
  });
});
