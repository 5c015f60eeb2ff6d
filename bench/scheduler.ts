import { priority } from '../engine/apiserver/admission/priority/priority.ts';
import { bootstrapRbacObjects } from '../engine/apiserver/bootstrap/index.ts';
import { testApiServer } from '../engine/apiserver/testing/harness.ts';
import type { KObject } from '../engine/api/types.ts';
import { ApiClient, refOf } from '../engine/client/client.ts';
import { R } from '../engine/client/refs.ts';
import { startScheduler } from '../engine/scheduler/index.ts';
import type { Bench, BenchResult } from './types.ts';

const NODES = 100;
const PODS = 5000;

function rbacRef(obj: KObject) {
  const plural = { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings', Role: 'roles', RoleBinding: 'rolebindings' }[obj.kind] ?? '';
  return refOf(obj.apiVersion, plural, obj.kind === 'Role' || obj.kind === 'RoleBinding');
}

/** setup builds an apiserver with RBAC, Ready nodes, a ReplicaSet and its pending pods. */
function setup(nodes: number, podCount: number) {
  const { runtime, server } = testApiServer({ admission: [priority()], seed: 42 });
  const admin = new ApiClient(() => server, { token: 'admin' });
  for (const ns of ['default', 'kube-system']) admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const obj of bootstrapRbacObjects()) admin.create(rbacRef(obj), obj.metadata.namespace, obj);
  for (let i = 0; i < nodes; i++) {
    const name = `node${String(i + 1).padStart(3, '0')}`;
    const alloc = { cpu: '8', memory: '32Gi', pods: '110', 'ephemeral-storage': '100Gi' };
    admin.create(R.nodes, undefined, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
      status: { capacity: alloc, allocatable: alloc, conditions: [{ type: 'Ready', status: 'True' }] },
    });
  }
  const rs = admin.create(R.replicasets, 'default', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-7d4b9c6f5' },
    spec: { replicas: podCount, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
  });
  const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c6f5', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }];
  for (let i = 0; i < podCount; i++) {
    admin.create(R.pods, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `web-7d4b9c6f5-${i}`, labels: { app: 'web' }, ownerReferences: owner },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '50m', memory: '64Mi' } } }] },
    });
  }
  runtime.settle();
  const client = admin.withHeaders({ 'impersonate-user': 'system:kube-scheduler' });
  return { runtime, admin, client };
}

/** measure starts a scheduler on a prepared cluster and times it until every pod is bound (settled). */
function measure(nodes: number, pods: number) {
  const { runtime, admin, client } = setup(nodes, pods);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const s = startScheduler({ runtime, client, leaderElect: false });
  runtime.settle();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  s.stop();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, admin };
}

/**
 * schedulerBench measures kube-scheduler binding 5,000 pending pods (one
 * ReplicaSet, so default topology spreading runs) on 100 nodes: from start
 * (informers listing) until every pod is bound, through the apiserver with
 * RBAC, events included, after a smaller warm-up run.
 */
export const schedulerBench: Bench = {
  name: 'scheduler',
  async run(): Promise<BenchResult[]> {
    measure(20, 1000); // warm-up: the measured run should not pay for compiling the code
    const { ms, cpuMs, admin } = measure(NODES, PODS);
    const pods = admin.list(R.pods, 'default').items as unknown as { spec: { nodeName?: string } }[];
    const bound = pods.filter((p) => p.spec.nodeName).length;
    const perNode = new Map<string, number>();
    for (const p of pods) if (p.spec.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    const counts = [...perNode.values()];
    const note = `${bound}/${PODS} bound; ${Math.min(...counts)}–${Math.max(...counts)} pods per node; ${(cpuMs / 1000).toFixed(1)} s CPU`;
    return [
      { name: `scheduler: ${PODS} pods on ${NODES} nodes, all bound`, value: ms, unit: 'ms', aim: { op: '<', value: 2000 }, note },
      { name: 'scheduler: pods scheduled per second', value: (bound / ms) * 1000, unit: 'ops/s' },
    ];
  },
};
