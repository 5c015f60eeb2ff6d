import { describe, expect, it } from 'vitest';
import { resourceQuota } from '../../apiserver/admission/resource-quota/resource-quota.ts';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';

function rs(name: string, replicas: number, labels: Record<string, string> = { app: name }, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ...extra },
  };
}

describe('replicaset controller', () => {
  it('creates pods named <rs>-xxxxx owned by the ReplicaSet, with events and status', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.replicasets, 'default', rs('web', 3));
    t.settle();
    const pods = t.pods();
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true, blockOwnerDeletion: true });
    }
    const msgs = eventMessages(t.events(), 'web');
    expect(msgs.filter((m) => m.startsWith('SuccessfulCreate: Created pod: web-'))).toHaveLength(3);
    const got = t.admin.get(R.replicasets, 'default', 'web');
    expect(got.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    expect((got.status as { readyReplicas?: number }).readyReplicas ?? 0).toBe(0);
  });

  it('counts ready and available replicas, honouring minReadySeconds', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.replicasets, 'default', rs('web', 2, { app: 'web' }, { minReadySeconds: 10 }));
    t.settle();
    for (const p of t.pods()) t.markReady('default', p.metadata.name!);
    t.settle();
    expect(t.admin.get(R.replicasets, 'default', 'web').status).toMatchObject({ readyReplicas: 2 });
    expect((t.admin.get(R.replicasets, 'default', 'web').status as { availableReplicas?: number }).availableReplicas ?? 0).toBe(0);
    t.runtime.advance(11_000);
    t.settle();
    expect(t.admin.get(R.replicasets, 'default', 'web').status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
  });

  it('scales down deleting not-ready pods before ready ones', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.replicasets, 'default', rs('web', 3));
    t.settle();
    const [a, b] = t.pods();
    t.markReady('default', a!.metadata.name!);
    t.markReady('default', b!.metadata.name!);
    t.settle();
    t.admin.patch(R.replicasets, 'default', 'web', 'merge', { spec: { replicas: 2 } });
    t.settle();
    const names = t.pods().map((p) => p.metadata.name).sort();
    expect(names).toEqual([a!.metadata.name, b!.metadata.name].sort());
    expect(eventMessages(t.events(), 'web').some((m) => m.startsWith('SuccessfulDelete: Deleted pod: '))).toBe(true);
  });

  it('adopts matching orphans and releases pods whose labels stop matching', () => {
    const t = controllerTestCluster();
    t.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    t.start();
    t.admin.create(R.replicasets, 'default', rs('web', 2));
    t.settle();
    expect(t.pods()).toHaveLength(2);
    expect(t.admin.get(R.pods, 'default', 'stray').metadata.ownerReferences?.[0]?.name).toBe('web');
    t.admin.patch(R.pods, 'default', 'stray', 'merge', { metadata: { labels: { app: 'other' } } });
    t.settle();
    expect(t.admin.get(R.pods, 'default', 'stray').metadata.ownerReferences).toBeUndefined();
    expect(t.pods('default', 'app=web')).toHaveLength(2);
  });

  it('replaces a deleted pod', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.replicasets, 'default', rs('web', 1));
    t.settle();
    const first = t.pods()[0]!.metadata.name!;
    t.admin.delete(R.pods, 'default', first);
    t.settle();
    const now = t.pods();
    expect(now).toHaveLength(1);
    expect(now[0]!.metadata.name).not.toBe(first);
  });

  it('reports ReplicaFailure with FailedCreate when pods are refused', () => {
    const t = controllerTestCluster({ admission: [resourceQuota()] });
    t.start();
    const q = t.admin.create(R.resourcequotas, 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '0' } } });
    t.admin.updateStatus(R.resourcequotas, { ...q, status: { hard: { pods: '0' }, used: { pods: '0' } } });
    t.admin.create(R.replicasets, 'default', rs('web', 1));
    t.settle();
    const ev = eventMessages(t.events(), 'web');
    expect(ev).toContain('FailedCreate: Error creating: pods "web-" is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0');
    const cond = (t.admin.get(R.replicasets, 'default', 'web').status as { conditions?: { type: string; reason: string }[] }).conditions;
    expect(cond?.[0]).toMatchObject({ type: 'ReplicaFailure', reason: 'FailedCreate' });
  });

  it("never counts or takes pods another controller owns, even when its selector matches them", () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.replicasets, 'default', rs('web', 2, { app: 'web' }));
    t.settle();
    const mine = t.pods().map((p) => p.metadata.name).sort();
    // A second ReplicaSet selecting the same labels makes its own pod and leaves the first one's alone.
    t.admin.create(R.replicasets, 'default', rs('web2', 1, { app: 'web' }));
    t.settle();
    const owners = (name: string) => t.pods('default', 'app=web').filter((p) => p.metadata.ownerReferences?.[0]?.name === name).map((p) => p.metadata.name).sort();
    expect(owners('web')).toEqual(mine);
    expect(owners('web2')).toHaveLength(1);
    expect(t.admin.get(R.replicasets, 'default', 'web').status).toMatchObject({ replicas: 2 });
    expect(t.admin.get(R.replicasets, 'default', 'web2').status).toMatchObject({ replicas: 1 });
    // Scaling one down deletes only its own pods.
    t.admin.patch(R.replicasets, 'default', 'web2', 'merge', { spec: { replicas: 0 } });
    t.settle();
    expect(owners('web')).toEqual(mine);
    expect(owners('web2')).toEqual([]);
  });
});
