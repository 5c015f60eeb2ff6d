import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';

function sts(replicas: number, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...extra,
    },
  };
}
const names = (t: ReturnType<typeof controllerTestCluster>) => t.pods().filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();

describe('statefulset controller', () => {
  it('creates web-0, web-1… one at a time (OrderedReady) with their claims', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['statefulset-controller'] });
    t.admin.create(R.statefulsets, 'default', sts(3));
    t.settle();
    expect(names(t)).toEqual(['web-0']);
    const p0 = t.admin.get(R.pods, 'default', 'web-0');
    expect(p0.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(p0.metadata.labels).toMatchObject({ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
    expect((p0.spec as { volumes: unknown[] }).volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(t.admin.get(R.persistentvolumeclaims, 'default', 'www-web-0').metadata.labels).toEqual({ app: 'web' });
    t.markReady('default', 'web-0');
    t.settle();
    expect(names(t)).toEqual(['web-0', 'web-1']);
    t.markReady('default', 'web-1');
    t.settle();
    t.markReady('default', 'web-2');
    t.settle();
    const ev = eventMessages(t.events(), 'web');
    expect(ev).toContain('SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success');
    expect(ev).toContain('SuccessfulCreate: create Pod web-2 in StatefulSet web successful');
    const st = t.admin.get(R.statefulsets, 'default', 'web').status as Record<string, unknown>;
    expect(st).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, collisionCount: 0 });
    expect(st.currentRevision).toBe(st.updateRevision);
    expect(st.updateRevision).toMatch(/^web-[456789bcdf]+$/);
  });

  it('Parallel creates all pods; scale-down removes the highest ordinal', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['statefulset-controller'] });
    t.admin.create(R.statefulsets, 'default', sts(3, { podManagementPolicy: 'Parallel' }));
    t.settle();
    expect(names(t)).toEqual(['web-0', 'web-1', 'web-2']);
    t.admin.patch(R.statefulsets, 'default', 'web', 'merge', { spec: { replicas: 1 } });
    t.settle();
    expect(names(t)).toEqual(['web-0']);
  });

  it('rolls out from the highest ordinal, respecting the partition', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['statefulset-controller'] });
    t.admin.create(R.statefulsets, 'default', sts(3, { podManagementPolicy: 'Parallel', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    t.settle();
    t.kubelet();
    t.settle();
    t.admin.patch(R.statefulsets, 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } } });
    for (let i = 0; i < 8; i++) (t.settle(), t.kubelet());
    const image = (n: string) => (t.admin.get(R.pods, 'default', n).spec as { containers: { image: string }[] }).containers[0]!.image;
    expect([image('web-0'), image('web-1'), image('web-2')]).toEqual(['nginx:1', 'nginx:2', 'nginx:2']);
    expect(eventMessages(t.events(), 'web')).toContain('SuccessfulDelete: delete Pod web-2 in StatefulSet web successful');
  });
});
