import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';

function deploy(name: string, replicas: number, image = 'nginx:1.25', extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } }, ...extra },
  };
}

type Cond = { type: string; status: string; reason: string; message: string };
const conds = (o: KObject) => ((o.status as { conditions?: Cond[] }).conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`);
const setImage = (image: string) => ({ spec: { template: { spec: { containers: [{ name: 'c', image }] } } } });

describe('deployment controller', () => {
  it('creates <deploy>-<hash> with pod-template-hash, revision 1 and the ScalingReplicaSet event', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.deployments, 'default', deploy('web', 3));
    t.settle();
    const rss = t.admin.list(R.replicasets, 'default').items;
    expect(rss).toHaveLength(1);
    const rs = rss[0]!;
    const hash = rs.metadata.labels!['pod-template-hash']!;
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect((rs.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(eventMessages(t.events(), 'web')).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    const pods = t.pods();
    expect(pods).toHaveLength(3);
    expect(pods[0]!.metadata.name).toMatch(new RegExp(`^web-${hash}-[a-z0-9]{5}$`));
    const d = t.admin.get(R.deployments, 'default', 'web');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(conds(d)).toEqual(['Available=False MinimumReplicasUnavailable: Deployment does not have minimum availability.', `Progressing=True ReplicaSetUpdated: ReplicaSet "web-${hash}" is progressing.`]);
    t.kubelet();
    t.settle();
    const done = t.admin.get(R.deployments, 'default', 'web');
    expect(done.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: done.metadata.generation });
    expect(conds(done)).toEqual(['Available=True MinimumReplicasAvailable: Deployment has minimum availability.', `Progressing=True NewReplicaSetAvailable: ReplicaSet "web-${hash}" has successfully progressed.`]);
  });

  it('rolls out a new template within maxSurge/maxUnavailable and carries change-cause', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.deployments, 'default', deploy('web', 4));
    t.settle();
    t.kubelet();
    t.settle();
    t.admin.patch(R.deployments, 'default', 'web', 'strategic', { metadata: { annotations: { 'kubernetes.io/change-cause': 'set image 1.26' } }, ...setImage('nginx:1.26') });
    t.settle();
    // 25% of 4: surge 1, unavailable 1 → the new ReplicaSet starts at 1... while at most 5 pods run.
    for (let i = 0; i < 10; i++) {
      const total = t.admin.list(R.replicasets, 'default').items.reduce((n, rs) => n + ((rs.spec as { replicas: number }).replicas ?? 0), 0);
      expect(total).toBeLessThanOrEqual(5);
      t.kubelet();
      t.settle();
    }
    const rss = t.admin.list(R.replicasets, 'default').items;
    expect(rss).toHaveLength(2);
    const fresh = rss.find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2')!;
    expect(fresh.metadata.annotations?.['kubernetes.io/change-cause']).toBe('set image 1.26');
    expect((fresh.spec as { replicas: number }).replicas).toBe(4);
    expect((rss.find((rs) => rs !== fresh)!.spec as { replicas: number }).replicas).toBe(0);
    const ev = eventMessages(t.events(), 'web');
    expect(ev).toContain(`ScalingReplicaSet: Scaled up replica set ${fresh.metadata.name} from 0 to 1`);
    expect(ev.some((m) => /^ScalingReplicaSet: Scaled down replica set web-\w+ from 4 to 3$/.test(m))).toBe(true);
    const d = t.admin.get(R.deployments, 'default', 'web');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });
  });

  it('rolls back to an old template by reusing its ReplicaSet with a new revision', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.deployments, 'default', deploy('web', 2));
    for (const img of ['nginx:1.26', 'nginx:1.25']) {
      for (let i = 0; i < 6; i++) (t.settle(), t.kubelet());
      t.admin.patch(R.deployments, 'default', 'web', 'strategic', setImage(img));
    }
    for (let i = 0; i < 6; i++) (t.settle(), t.kubelet());
    const rss = t.admin.list(R.replicasets, 'default').items;
    expect(rss).toHaveLength(2);
    const first = rss.find((rs) => (rs.spec as { replicas: number }).replicas === 2)!;
    expect(first.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
  });

  it('Recreate scales the old ReplicaSet to zero before starting the new one', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.deployments, 'default', deploy('web', 2, 'nginx:1.25', { strategy: { type: 'Recreate' } }));
    t.settle();
    t.kubelet();
    t.settle();
    t.admin.patch(R.deployments, 'default', 'web', 'strategic', setImage('nginx:1.26'));
    t.settle();
    expect(t.admin.list(R.replicasets, 'default').items).toHaveLength(1);
    t.kubelet(); // the old pods finish terminating
    t.settle();
    const rss = t.admin.list(R.replicasets, 'default').items;
    expect(rss.map((rs) => (rs.spec as { replicas: number }).replicas).sort()).toEqual([0, 2]);
  });

  it('marks Progressing=False ProgressDeadlineExceeded after progressDeadlineSeconds', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.deployments, 'default', deploy('web', 1, 'nginx', { progressDeadlineSeconds: 60 }));
    t.settle();
    t.runtime.advance(62_000);
    t.settle();
    const d = t.admin.get(R.deployments, 'default', 'web');
    const rs = t.admin.list(R.replicasets, 'default').items[0]!;
    expect(conds(d)).toContain(`Progressing=False ProgressDeadlineExceeded: ReplicaSet "${rs.metadata.name}" has timed out progressing.`);
  });

  it('pauses and resumes, scaling while paused without rolling out', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.deployments, 'default', deploy('web', 2));
    t.settle();
    t.admin.patch(R.deployments, 'default', 'web', 'merge', { spec: { paused: true } });
    t.settle();
    expect(conds(t.admin.get(R.deployments, 'default', 'web'))).toContain('Progressing=Unknown DeploymentPaused: Deployment is paused');
    t.admin.patch(R.deployments, 'default', 'web', 'strategic', { spec: { replicas: 3, ...setImage('nginx:1.26').spec } });
    t.settle();
    const rss = t.admin.list(R.replicasets, 'default').items;
    expect(rss).toHaveLength(1);
    expect((rss[0]!.spec as { replicas: number }).replicas).toBe(3);
    t.admin.patch(R.deployments, 'default', 'web', 'merge', { spec: { paused: false } });
    t.settle();
    expect(t.admin.list(R.replicasets, 'default').items).toHaveLength(2);
  });

  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    const t = controllerTestCluster();
    t.start();
    t.admin.create(R.deployments, 'default', deploy('web', 1, 'nginx:1', { revisionHistoryLimit: 1 }));
    for (const img of ['nginx:2', 'nginx:3', 'nginx:4']) {
      for (let i = 0; i < 5; i++) (t.settle(), t.kubelet());
      t.admin.patch(R.deployments, 'default', 'web', 'strategic', setImage(img));
    }
    for (let i = 0; i < 5; i++) (t.settle(), t.kubelet());
    const revs = t.admin.list(R.replicasets, 'default').items.map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort();
    expect(revs).toEqual(['3', '4']);
  });
});
