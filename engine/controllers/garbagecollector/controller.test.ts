import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

function deploy(name: string, replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  };
}

describe('garbage collector', () => {
  it('deletes dependents in the background once the owner is gone', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.deployments, 'default', deploy('web', 2));
    t.settle();
    expect(t.pods()).toHaveLength(2);
    t.admin.delete(R.deployments, 'default', 'web');
    t.settle();
    expect(t.admin.list(R.replicasets, 'default').items).toHaveLength(0);
    expect(t.pods()).toHaveLength(0);
  });

  it('orphans dependents with propagationPolicy=Orphan', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.deployments, 'default', deploy('web', 2));
    t.settle();
    t.admin.delete(R.deployments, 'default', 'web', { propagationPolicy: 'Orphan' });
    t.settle();
    expect(() => t.admin.get(R.deployments, 'default', 'web')).toThrow(/not found/);
    const rss = t.admin.list(R.replicasets, 'default').items;
    expect(rss).toHaveLength(1);
    expect(rss[0]!.metadata.ownerReferences).toBeUndefined();
    expect(t.pods()).toHaveLength(2);
  });

  it('foreground deletion keeps the owner until blocking dependents are gone', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['garbage-collector-controller', 'replicaset-controller'] });
    t.admin.create(R.replicasets, 'default', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
    t.settle();
    t.kubelet(); // the pod runs on a node, so it terminates gracefully
    t.settle();
    t.admin.delete(R.replicasets, 'default', 'web', { propagationPolicy: 'Foreground' });
    t.settle();
    const owner = t.admin.get(R.replicasets, 'default', 'web');
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(t.pods()[0]!.metadata.deletionTimestamp).toBeDefined();
    t.kubelet();
    t.settle();
    expect(() => t.admin.get(R.replicasets, 'default', 'web')).toThrow(/not found/);
  });

  it('removes a dangling owner reference but keeps the object while another owner lives', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['garbage-collector-controller'] });
    const a = t.admin.create(R.configmaps, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    const dep = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dep', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', uid: a.metadata.uid }, { apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', uid: 'd9b8c7a6-0000-4000-8000-000000000000' }] } };
    t.admin.create(R.configmaps, 'default', dep);
    t.settle();
    expect(t.admin.get(R.configmaps, 'default', 'dep').metadata.ownerReferences?.map((r) => r.name)).toEqual(['a']);
    t.admin.delete(R.configmaps, 'default', 'a');
    t.settle();
    expect(() => t.admin.get(R.configmaps, 'default', 'dep')).toThrow(/not found/);
  });
});
