import { describe, expect, it } from 'vitest';
import { schedulerTestCluster, type SchedulerTestCluster } from './testing/cluster.ts';

const CP_TAINT = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];

/** threeNodes is the classic lab: a tainted control plane and two workers. */
function threeNodes(worker: { cpu?: string; memory?: string } = {}): SchedulerTestCluster {
  const t = schedulerTestCluster();
  t.node('controlplane', { taints: CP_TAINT, labels: { 'node-role.kubernetes.io/control-plane': '' } });
  t.node('node01', worker);
  t.node('node02', worker);
  t.start();
  return t;
}

function failedScheduling(t: SchedulerTestCluster, pod: string): string[] {
  return t.events(pod).filter((e) => e.startsWith('Warning FailedScheduling '));
}

describe('FailedScheduling messages', () => {
  it('counts reasons per node, sorted, with the preemption suffix', () => {
    const t = threeNodes({ memory: '1Gi' });
    t.pod('big', { requests: { memory: '2Gi' } });
    t.settle();
    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    expect(failedScheduling(t, 'big')).toEqual([`Warning FailedScheduling ${msg}`]);
    const c = t.condition('big')!;
    expect([c.status, c.reason, c.message]).toEqual(['False', 'Unschedulable', msg]);
  });

  it('says "No preemption victims found" when the nodes could host the pod if they were empty', () => {
    const t = threeNodes({ memory: '1Gi' });
    t.pod('filler-1', { requests: { memory: '700Mi' } });
    t.pod('filler-2', { requests: { memory: '700Mi' } });
    t.settle();
    t.pod('web', { requests: { memory: '700Mi' } });
    t.settle();
    expect(failedScheduling(t, 'web')).toEqual([
      'Warning FailedScheduling 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ]);
  });
});

const TAINTED = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const NOT_HELPFUL_3 = 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
const NO_VICTIMS_2 = 'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';

function lastMessage(t: SchedulerTestCluster, pod: string): string {
  return t.condition(pod)?.message ?? '';
}

describe('FailedScheduling for each filter', () => {
  it('nodeSelector', () => {
    const t = threeNodes();
    t.pod('p', { nodeSelector: { disktype: 'ssd' } });
    t.settle();
    expect(lastMessage(t, 'p')).toBe(`0/3 nodes are available: ${TAINTED}, 2 node(s) didn't match Pod's node affinity/selector. ${NOT_HELPFUL_3}`);
  });

  it('a cordoned node and a full one', () => {
    const t = threeNodes({ cpu: '1' });
    t.admin.patch({ group: '', version: 'v1', plural: 'nodes', namespaced: false }, undefined, 'node01', 'merge', { spec: { unschedulable: true } });
    t.pod('hog', { requests: { cpu: '800m' } });
    t.settle();
    expect(t.nodeOf('hog')).toBe('node02');
    t.pod('p', { requests: { cpu: '500m' } });
    t.settle();
    expect(lastMessage(t, 'p')).toBe(
      // Reasons sort as strings: "1 Insufficient cpu" comes before "1 node(s)…".
      `0/3 nodes are available: 1 Insufficient cpu, ${TAINTED}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.`,
    );
  });

  it('host ports', () => {
    const t = threeNodes();
    const spec = { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }] };
    for (const n of ['a', 'b', 'c']) t.pod(n, spec);
    t.settle();
    expect([t.nodeOf('a'), t.nodeOf('b')].sort()).toEqual(['node01', 'node02']);
    expect(lastMessage(t, 'c')).toBe(`0/3 nodes are available: ${TAINTED}, 2 node(s) didn't have free ports for the requested pod ports. ${NO_VICTIMS_2}`);
  });

  it('required pod anti-affinity', () => {
    const t = threeNodes();
    const spec = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'redis' } }, topologyKey: 'kubernetes.io/hostname' }] } } };
    for (const n of ['r1', 'r2', 'r3']) t.pod(n, spec, { labels: { app: 'redis' } });
    t.settle();
    expect(lastMessage(t, 'r3')).toBe(`0/3 nodes are available: ${TAINTED}, 2 node(s) didn't match pod anti-affinity rules. ${NO_VICTIMS_2}`);
  });

  it('required pod affinity with no matching pod', () => {
    const t = threeNodes();
    t.pod('p', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } } });
    t.settle();
    expect(lastMessage(t, 'p')).toBe(`0/3 nodes are available: ${TAINTED}, 2 node(s) didn't match pod affinity rules. ${NOT_HELPFUL_3}`);
  });

  it('topology spread constraints (tainted nodes still count as domains)', () => {
    const t = schedulerTestCluster();
    t.node('controlplane', { taints: CP_TAINT });
    t.node('node01');
    t.node('node02', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] });
    t.start();
    const spec = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] };
    t.pod('w1', spec, { labels: { app: 'web' } });
    t.pod('w2', spec, { labels: { app: 'web' } });
    t.settle();
    expect(t.nodeOf('w1')).toBe('node01');
    expect(lastMessage(t, 'w2')).toBe(
      `0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) had untolerated taint {dedicated: db}, ${TAINTED}. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.`,
    );
  });

  it('a node-name affinity term leaves the other nodes out', () => {
    const t = threeNodes();
    t.pod('p', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['controlplane'] }] }] } } } });
    t.settle();
    expect(lastMessage(t, 'p')).toBe(`0/3 nodes are available: ${TAINTED}, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. ${NOT_HELPFUL_3}`);
  });

  it('preemptionPolicy Never', () => {
    const t = threeNodes({ cpu: '1' });
    t.admin.create({ group: 'scheduling.k8s.io', version: 'v1', plural: 'priorityclasses', namespaced: false }, undefined, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'polite' }, value: 1000, preemptionPolicy: 'Never' });
    t.pod('p', { requests: { cpu: '2' }, priorityClassName: 'polite' });
    t.settle();
    expect(lastMessage(t, 'p')).toBe(`0/3 nodes are available: ${TAINTED}, 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.`);
  });

  it('no nodes at all', () => {
    const t = schedulerTestCluster();
    t.start();
    t.pod('p');
    t.settle();
    expect(failedScheduling(t, 'p')).toEqual(['Warning FailedScheduling no nodes available to schedule pods']);
    expect(t.condition('p')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: 'no nodes available to schedule pods' });
  });
});

describe('FailedScheduling for volumes', () => {
  const PVC = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };
  const PV = { group: '', version: 'v1', plural: 'persistentvolumes', namespaced: false };
  const SC = { group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', namespaced: false };
  const withClaim = { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] };
  const claim = (storageClassName?: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName } });

  it('a missing claim', () => {
    const t = threeNodes();
    t.pod('p', withClaim);
    t.settle();
    expect(lastMessage(t, 'p')).toBe(`0/3 nodes are available: persistentvolumeclaim "data" not found. ${NOT_HELPFUL_3}`);
  });

  it('an unbound claim with immediate binding', () => {
    const t = threeNodes();
    t.admin.create(PVC, 'default', claim());
    t.pod('p', withClaim);
    t.settle();
    expect(lastMessage(t, 'p')).toBe(`0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. ${NOT_HELPFUL_3}`);
  });

  it('WaitForFirstConsumer without a matching volume, then bound once one exists', () => {
    const t = threeNodes();
    t.admin.create(SC, undefined, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' });
    t.admin.create(PVC, 'default', claim('local'));
    t.pod('p', withClaim);
    t.settle();
    expect(lastMessage(t, 'p')).toBe(`0/3 nodes are available: ${TAINTED}, 2 node(s) didn't find available persistent volumes to bind. ${NOT_HELPFUL_3}`);
    const pv = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv1' },
      spec: {
        capacity: { storage: '2Gi' },
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'local',
        local: { path: '/mnt/data' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node02'] }] }] } },
      },
    };
    t.admin.create(PV, undefined, pv);
    t.admin.patch(PV, undefined, 'pv1', 'merge', { status: { phase: 'Available' } }, { sub: 'status' });
    t.settle();
    // The scheduler claims the volume and waits for the PV controller to finish the binding.
    const claimed = t.admin.get(PV, undefined, 'pv1').spec as { claimRef?: { name: string } };
    expect(claimed.claimRef?.name).toBe('data');
    expect(t.nodeOf('p')).toBeUndefined();
    t.admin.patch(PVC, 'default', 'data', 'merge', { spec: { volumeName: 'pv1' }, metadata: { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } } });
    t.advance(1000);
    expect(t.nodeOf('p')).toBe('node02');
  });
});
