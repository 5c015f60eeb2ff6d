import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import { priority } from '../../apiserver/admission/priority/priority.ts';
import { bootstrapRbacObjects } from '../../apiserver/bootstrap/index.ts';
import { testApiServer } from '../../apiserver/testing/harness.ts';
import { ApiClient, refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { SchedulerConfiguration } from '../config/types.ts';
import { startScheduler, type SchedulerHandle, type StartSchedulerOptions } from '../index.ts';

/** NodeSpec describes a test node. */
export interface NodeSpec {
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
}

function rbacRef(obj: KObject) {
  const plural = { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings', Role: 'roles', RoleBinding: 'rolebindings' }[obj.kind] ?? '';
  return refOf(obj.apiVersion, plural, obj.kind === 'Role' || obj.kind === 'RoleBinding');
}

/** nodeObject builds a Ready node as a kubelet registers it. */
export function nodeObject(name: string, s: NodeSpec = {}): KObject {
  const alloc = { cpu: s.cpu ?? '2', memory: s.memory ?? '4Gi', pods: String(s.pods ?? 110), 'ephemeral-storage': '50Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...(s.labels ?? {}) } },
    spec: { taints: s.taints, unschedulable: s.unschedulable },
    status: { capacity: alloc, allocatable: alloc, conditions: [{ type: 'Ready', status: 'True' }], images: s.images },
  };
}

/**
 * schedulerTestCluster is a real apiserver over a real store, with the
 * bootstrap RBAC policy and the Priority admission plugin, an admin client,
 * and a scheduler client authenticated as system:kube-scheduler.
 */
export function schedulerTestCluster(opts: { seed?: number } = {}) {
  const h = testApiServer({ admission: [priority()], seed: opts.seed ?? 7 });
  const { runtime, server } = h;
  const admin = new ApiClient(() => server, { token: 'admin' });
  for (const ns of ['default', 'kube-system', 'dev']) admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const obj of bootstrapRbacObjects()) admin.create(rbacRef(obj), obj.metadata.namespace, obj);
  // The test authenticator splits tokens on ':', so the scheduler's identity comes through impersonation.
  const client = admin.withHeaders({ 'impersonate-user': 'system:kube-scheduler' });
  const handles: SchedulerHandle[] = [];
  const t = {
    ...h,
    admin,
    client,
    /** start runs a scheduler (leader election off unless asked). */
    start(config?: SchedulerConfiguration, extra: Partial<StartSchedulerOptions> = {}): SchedulerHandle {
      const s = startScheduler({ runtime, client, config, leaderElect: false, ...extra });
      handles.push(s);
      runtime.settle();
      return s;
    },
    node(name: string, s: NodeSpec = {}): KObject {
      return admin.create(R.nodes, undefined, nodeObject(name, s));
    },
    pod(name: string, spec: Partial<NonNullable<Pod['spec']>> & { requests?: Record<string, string> } = {}, meta: { namespace?: string; labels?: Record<string, string>; ownerReferences?: unknown[] } = {}): KObject {
      const { requests, ...rest } = spec;
      const containers = rest.containers ?? [{ name: 'app', image: 'nginx:1.27', resources: requests ? { requests } : undefined }];
      const ns = meta.namespace ?? 'default';
      return admin.create(R.pods, ns, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels: meta.labels, ownerReferences: meta.ownerReferences }, spec: { ...rest, containers } });
    },
    get(name: string, ns = 'default'): Pod {
      return admin.get(R.pods, ns, name) as unknown as Pod;
    },
    nodeOf(name: string, ns = 'default'): string | undefined {
      return t.get(name, ns).spec?.nodeName;
    },
    /** events lists the events about an object as "Type Reason Message". */
    events(name: string, ns = 'default'): string[] {
      const list = admin.list(R.events, ns).items as unknown as { type: string; reason: string; message: string; involvedObject: { name: string } }[];
      return list.filter((e) => e.involvedObject.name === name).map((e) => `${e.type} ${e.reason} ${e.message}`);
    },
    /** condition returns the pod's PodScheduled condition. */
    condition(name: string, ns = 'default') {
      return (t.get(name, ns).status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
    },
    settle(): void {
      runtime.settle();
    },
    advance(ms: number): void {
      runtime.advance(ms);
    },
    stopAll(): void {
      for (const s of handles) s.stop();
    },
  };
  return t;
}

/** SchedulerTestCluster is the helper's type. */
export type SchedulerTestCluster = ReturnType<typeof schedulerTestCluster>;
