import { priority } from '../engine/apiserver/admission/priority/priority.ts';
import { bootstrapRbacObjects } from '../engine/apiserver/bootstrap/index.ts';
import { testApiServer } from '../engine/apiserver/testing/harness.ts';
import type { KObject } from '../engine/api/types.ts';
import type { Runtime } from '../engine/base/runtime.ts';
import { ApiClient, refOf } from '../engine/client/client.ts';
import { Informer } from '../engine/client/informer.ts';
import { R } from '../engine/client/refs.ts';
import { SimNetwork } from '../engine/cluster/network.ts';
import { startControllerManager } from '../engine/controllers/index.ts';
import { createHost } from '../engine/host/image.ts';
import { writeCniConfig } from '../engine/network/cni/configs.ts';
import { makeImageCatalog } from '../engine/node/images/catalog.ts';
import { WORKLOAD_IMAGES } from '../engine/node/images/workloads.ts';
import { startKubelet, type KubeletHandle } from '../engine/node/kubelet/kubelet.ts';
import { ContainerRuntime } from '../engine/node/runtime/runtime.ts';
import { startScheduler } from '../engine/scheduler/index.ts';
import { loadShellParser } from '../engine/shell/parser/load.ts';
import type { Bench, BenchResult } from './types.ts';

const NODES = 100;
const DEPLOYMENTS = 50;
const REPLICAS = 100;
/** SIM_LIMIT_MS bounds the simulated time the cluster gets to bring every pod up. */
const SIM_LIMIT_MS = 10 * 60_000;

function rbacRef(obj: KObject) {
  const plural = { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings', Role: 'roles', RoleBinding: 'rolebindings' }[obj.kind] ?? '';
  return refOf(obj.apiVersion, plural, obj.kind === 'Role' || obj.kind === 'RoleBinding');
}

/** turn yields one macrotask, so the async programs of containers (nginx…) run between events, as the lab's time pump lets them. */
const turn = () => new Promise<void>((r) => setImmediate(r));

interface PodLike {
  spec: { nodeName?: string };
  status?: { phase?: string; containerStatuses?: { ready?: boolean }[] };
}

function isRunningAndReady(p: PodLike): boolean {
  const cs = p.status?.containerStatuses;
  return p.status?.phase === 'Running' && !!cs && cs.length > 0 && cs.every((c) => c.ready);
}

/**
 * cluster composes the lab's own components the way a cluster runs them: an
 * apiserver with RBAC over the store, the deployment and replicaset
 * controllers, kube-scheduler, and on each node a container runtime and a
 * kubelet that registers its Node.
 */
function cluster(nodes: number) {
  const { runtime, server } = testApiServer({ admission: [priority()], seed: 42 });
  const admin = new ApiClient(() => server, { token: 'admin' });
  for (const ns of ['default', 'kube-system', 'kube-node-lease']) admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const obj of bootstrapRbacObjects()) admin.create(rbacRef(obj), obj.metadata.namespace, obj);
  // The test authenticator has no certificates: components take their identities through impersonation.
  const as = (user: string, groups: string[] = []) => admin.withHeaders({ 'impersonate-user': user, ...(groups.length ? { 'impersonate-group': groups } : {}) });
  const saGroups = ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'];
  const kcm = startControllerManager({
    runtime,
    client: as('system:kube-controller-manager', ['system:authenticated']),
    clientFor: (sa) => as(`system:serviceaccount:kube-system:${sa}`, saGroups),
    controllers: ['deployment', 'replicaset'],
  });
  const scheduler = startScheduler({ runtime, client: as('system:kube-scheduler'), leaderElect: false });
  const net = new SimNetwork();
  net.addAddress('controlplane', '192.168.100.10');
  const catalog = makeImageCatalog(WORKLOAD_IMAGES);
  const kubelets: KubeletHandle[] = [];
  for (let i = 0; i < nodes; i++) {
    const name = `node${String(i + 1).padStart(3, '0')}`;
    const ip = `192.168.${101 + Math.floor(i / 250)}.${(i % 250) + 1}`;
    const host = createHost({ name, ip, clock: runtime.clock });
    net.addAddress(name, ip);
    const podCIDR = `10.${244 + Math.floor(i / 256)}.${i % 256}.0/24`;
    writeCniConfig(host.fs, 'calico', name, { network: '10.244.0.0/16', subnet: podCIDR });
    const cri = new ContainerRuntime({ runtime, net, catalog, nodeName: name, nodeIp: ip, nodeFs: host.fs });
    // The test apiserver has no Node authorizer: kubelets use the admin client, as the node tests do.
    kubelets.push(startKubelet({ runtime, client: admin, nodeName: name, host, nodeIp: ip, cri, podCIDR }));
  }
  return {
    runtime,
    admin,
    stop() {
      for (const k of kubelets) k.stop();
      scheduler.stop();
      kcm.stop();
    },
  };
}

/** runUntil advances simulated time event by event (yielding to async programs) until done() holds or the limit passes. */
async function runUntil(runtime: Runtime, done: () => boolean, limitMs: number): Promise<boolean> {
  const end = runtime.now + limitMs;
  for (;;) {
    runtime.settle();
    await turn();
    runtime.settle();
    if (done()) return true;
    const next = runtime.nextAt();
    if (next === undefined || next > end) return done();
    runtime.advanceTo(next);
  }
}

function deployment(i: number, replicas: number): KObject {
  const app = `web-${String(i + 1).padStart(2, '0')}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app },
    spec: {
      replicas,
      selector: { matchLabels: { app } },
      template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } },
    },
  } as KObject;
}

/** measure builds the cluster, waits for its nodes Ready, then times the Deployments until every pod runs. */
export async function measureStartup(nodes: number, deployments: number, replicas: number, hooks: { measuring?(on: boolean): void | Promise<void> } = {}) {
  const c = cluster(nodes);
  const { runtime, admin } = c;
  const readyNodes = () => admin.list(R.nodes, undefined).items.filter((n) => ((n.status as { conditions?: { type: string; status: string }[] })?.conditions ?? []).some((x) => x.type === 'Ready' && x.status === 'True')).length;
  await runUntil(runtime, () => readyNodes() === nodes, 60_000);
  const total = deployments * replicas;
  globalThis.gc?.();
  await hooks.measuring?.(true);
  const heap0 = process.memoryUsage().heapUsed;
  const sim0 = runtime.now;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // A watcher (as `kubectl get pods -w` would) counts the pods Running with their containers ready.
  const ready = new Set<string>();
  const track = (o: KObject) => {
    if (isRunningAndReady(o as unknown as PodLike)) ready.add(o.metadata.name!);
    else ready.delete(o.metadata.name!);
  };
  const watcher = new Informer(admin, R.pods, runtime, { namespace: 'default' }).on({ add: track, update: (_, o) => track(o), delete: (o) => ready.delete(o.metadata.name!) });
  watcher.start();
  for (let i = 0; i < deployments; i++) admin.create(R.deployments, 'default', deployment(i, replicas));
  const ok = await runUntil(runtime, () => ready.size === total, SIM_LIMIT_MS);
  const running = ready.size;
  await hooks.measuring?.(false);
  watcher.stop();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // CPU time says how much of the wall time was the engine's own work, on a machine shared with other jobs.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const simMs = runtime.now - sim0;
  globalThis.gc?.(); // the heap the running cluster holds, not the garbage of getting there
  const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
  const grewMiB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  c.stop();
  return { ok, ms, cpuMs, simMs, running, total, heapMiB, grewMiB };
}

/**
 * startupBench is the figure: 100 Ready nodes (each with the lab's
 * kubelet and container runtime), 50 Deployments of 100 replicas created
 * through the apiserver, and the deployment and replicaset controllers, the
 * scheduler and the kubelets running until all 5,000 pods are Running and
 * ready; wall time and the engine's heap are printed.
 */
export const startupBench: Bench = {
  name: 'startup',
  async run(): Promise<BenchResult[]> {
    await loadShellParser();
    await measureStartup(10, 5, 20); // warm-up: the measured run should not pay for compiling the code
    const r = await measureStartup(NODES, DEPLOYMENTS, REPLICAS);
    const label = `${DEPLOYMENTS} Deployments × ${REPLICAS} pods on ${NODES} nodes`;
    const note = `${r.running}/${r.total} Running and ready${r.ok ? '' : ' (limit reached)'}, ${(r.simMs / 1000).toFixed(1)} s simulated, ${(r.cpuMs / 1000).toFixed(1)} s CPU`;
    return [
      { name: `startup: ${label}, all Running`, value: r.ms, unit: 'ms', aim: { op: '<', value: 2000 }, note },
      { name: 'startup: engine heap after', value: r.heapMiB, unit: 'MiB', note: `+${r.grewMiB.toFixed(0)} MiB during the run` },
    ];
  },
};
