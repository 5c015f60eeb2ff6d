import type { KObject } from '../../api/types.ts';
import type { ApiServer } from '../../apiserver/server.ts';
import { componentClients } from './component-clients.ts';
import { ApiClient, ConnectionError, refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { createAll, kubeadmClusterObjects, writeKubeadmFiles } from '../../controlplane/index.ts';
import type { EtcdService } from '../../controlplane/etcd/wire.ts';
import { startNodes } from '../../node/service/start-nodes.ts';
import { createKubeadmPkiSignedAhead } from '../../pki/index.ts';
import type { MvccStore } from '../../store/mvcc.ts';
import type { FileSystem } from '../../host/types.ts';
import { DB_FILE } from '../../controlplane/etcd/datadir.ts';
import { parse } from 'yaml';
import type { ClusterSpec } from '../lab-definition.ts';
import type { World } from '../world.ts';
import { registeredVerdicts } from '../../scheduler/verdict-registry.ts';
import { SYSTEM_PRIORITY_CLASSES } from '../../apiserver/bootstrap/priority-classes.ts';
import { STATIC_POD_COMPONENTS } from './components.ts';
import { follow, liveListener } from './live.ts';
import type { ClusterHandle } from './direct.ts';

/** How long (simulated) the boot waits for the apiserver and the nodes before giving up. */
const BOOT_LIMIT_MS = 300_000;
/**
 * RESTORE_LIMIT_MS bounds each wait of a restored cluster: a saved lab may be
 * broken on purpose (a stopped kubelet, a bad manifest in a troubleshooting
 * task), so its restore does not wait for a health it will not reach; a
 * healthy cluster is back well within it.
 */
const RESTORE_LIMIT_MS = 60_000;
const STEP_MS = 500;

/**
 * etcdHostDataDir is where, on the control-plane host, the etcd static pod
 * keeps its data: its --data-dir seen through the manifest's hostPath mounts.
 */
export function etcdHostDataDir(fs: FileSystem): string {
  try {
    const pod = parse(fs.readFile('/etc/kubernetes/manifests/etcd.yaml')) as {
      spec?: { containers?: { command?: string[]; volumeMounts?: { name: string; mountPath: string }[] }[]; volumes?: { name: string; hostPath?: { path: string } }[] };
    };
    const c = pod.spec?.containers?.[0];
    const dir = c?.command?.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length) ?? '/var/lib/etcd';
    const mount = c?.volumeMounts?.find((m) => dir === m.mountPath || dir.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
    const host = mount && pod.spec?.volumes?.find((v) => v.name === mount.name)?.hostPath?.path;
    return host ? host + dir.slice(mount.mountPath.length) : dir;
  } catch {
    return '/var/lib/etcd';
  }
}

/** putEtcdData writes a saved keyspace where the etcd static pod will open it (a lab restored from its saved state). */
export function putEtcdData(fs: FileSystem, store: MvccStore): void {
  const dir = etcdHostDataDir(fs);
  fs.mkdir(`${dir}/member/snap`, { recursive: true, mode: 0o700 });
  fs.writeFile(`${dir}/${DB_FILE}`, store.snapshot(), { mode: 0o600 });
}

/** drain lets started programs run up to their next wait (their promise chains). */
async function drain(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
}


/**
 * bootStaticPods brings a cluster up the way `kubeadm init` and `kubeadm
 * join` leave it: the kubeadm files on every machine, the kubelets started by
 * systemd, the control plane (etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler) run by the control-plane kubelet from
 * /etc/kubernetes/manifests. It resolves once the apiserver answers and every
 * node is Ready. A restored cluster (restored) finds its files, the
 * etcd data dir included, on its hosts and only starts.
 */
export async function bootStaticPods(world: World, spec: ClusterSpec, restored?: { now: number }): Promise<ClusterHandle> {
  const runtime = world.runtime;
  const cp = spec.machines.find((m) => m.role === 'control-plane')!;
  // The PKI is built before anything of this cluster runs, so the runtime's native crypto can make its signatures.
  const pki = await createKubeadmPkiSignedAhead({
    controlPlaneHost: cp.name,
    controlPlaneIp: cp.ip,
    now: runtime.now,
    rand: runtime.rand,
    nodes: spec.machines.filter((m) => m !== cp && !m.prepared).map((m) => ({ name: m.name, ip: m.ip })),
  });
  if (!restored) {
    writeKubeadmFiles(world, spec, pki);
    // What kubeadm init tells root to do next: its own copy of admin.conf.
    const cpFs = world.mustHost(cp.name).fs;
    cpFs.mkdir('/root/.kube', { recursive: true });
    cpFs.writeFile('/root/.kube/config', pki.kubeconfigs['admin.conf']!.yaml, { mode: 0o600 });
  }
  // A restored cluster carries on at the time it was saved; its certificates still date from its first boot.
  else if (restored.now > runtime.now) runtime.clock.set(restored.now);
  const currentServer = () => liveListener<ApiServer>(world, cp.name, cp.ip, cp.ip, 6443);
  const apiserver = follow(currentServer, { ctx: { connectors: {} } } as unknown as Partial<ApiServer>);
  const kv = follow(() => liveListener<EtcdService>(world, cp.name, cp.ip, '127.0.0.1', 2379)?.store, { revision: 0 } as Partial<MvccStore>);
  // Nothing listening on :6443 (the apiserver stopped or restarting) is a refused connection, as for any client.
  const admin = new ApiClient(() => {
    const server = currentServer();
    if (!server) throw new ConnectionError(`dial tcp ${cp.ip}:6443: connect: connection refused`, 'refused');
    return server;
  }, { clientCertPem: pki.kubeconfigs['super-admin.conf']!.certPem });
  const handle: ClusterHandle = { spec, apiserver, kv, admin, kubeconfig: pki.kubeconfigs['admin.conf']!.yaml, pki, components: [] };
  const clientFor = componentClients(() => currentServer()!, pki.cas['ca']!, runtime);
  const ctx = { world, runtime, cluster: handle, clientFor };
  handle.components.push(...startNodes(ctx));
  const waitFor = async (ok: () => boolean) => {
    const until = runtime.now + (restored ? RESTORE_LIMIT_MS : BOOT_LIMIT_MS);
    while (!ok() && runtime.now < until) {
      runtime.settle();
      await drain();
      runtime.advance(STEP_MS);
      await drain();
    }
  };
  await waitFor(() => currentServer() !== undefined);
  const server = currentServer();
  if (!server) return handle;
  if (!restored) {
    for (const pc of SYSTEM_PRIORITY_CLASSES) tryCreate(admin, pc);
    const alnum = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[runtime.rand.uint32() % 36]).join('');
    const token = `${alnum(6)}.${alnum(16)}`;
    createAll(admin, kubeadmClusterObjects({ kubernetesVersion: `v${spec.version}`, podSubnet: spec.podSubnet, serviceSubnet: spec.serviceSubnet, caPem: pki.cas['ca']!.certPem, server: `https://${cp.ip}:6443`, token, now: runtime.now }));
  }
  // A restored cluster comes back as after a reboot, at its own pace: only its apiserver is waited for.
  if (!restored) await waitFor(() => spec.machines.every((m) => m.prepared || nodeReady(admin, m.name)));
  if (!restored) markControlPlane(admin, cp.name);
  for (const start of STATIC_POD_COMPONENTS) handle.components.push(...start(ctx));
  // "Why Pending" asks whichever kube-scheduler container runs now.
  handle.components.push({ name: 'kube-scheduler (static pod)', stop: () => {}, verdicts: (uid) => registeredVerdicts(runtime, uid) });
  // The boot ends when kubectl shows the control plane's mirror pods Running, as after a real kubeadm init.
  if (!restored) {
    await waitFor(() => mirrorsRunning(admin, cp.name) >= 4);
    // …and, as on a cluster handed to a candidate, cluster DNS answers: CoreDNS's pods are Ready.
    await waitFor(() => corednsReady(admin));
  }
  runtime.settle();
  await drain();
  return handle;
}

function tryCreate(admin: ApiClient, obj: KObject): void {
  try {
    admin.create(refOf(obj.apiVersion, 'priorityclasses', false), undefined, obj);
  } catch {
    /* already there */
  }
}

function nodeReady(admin: ApiClient, name: string): boolean {
  try {
    const conds = (admin.get(R.nodes, undefined, name).status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
    return conds.some((c) => c.type === 'Ready' && c.status === 'True');
  } catch {
    return false;
  }
}

function mirrorsRunning(admin: ApiClient, node: string): number {
  try {
    const running = (p: KObject) => (p.status as { phase?: string } | undefined)?.phase === 'Running';
    return admin.list(R.pods, 'kube-system', { fieldSelector: `spec.nodeName=${node}` }).items.filter((p) => p.metadata.annotations?.['kubernetes.io/config.mirror'] && running(p)).length;
  } catch {
    return 0;
  }
}

/** corednsReady tells whether the coredns Deployment has all its replicas available (true when there is none). */
function corednsReady(admin: ApiClient): boolean {
  try {
    const d = admin.get(R.deployments, 'kube-system', 'coredns') as { spec?: { replicas?: number }; status?: { availableReplicas?: number } };
    return (d.status?.availableReplicas ?? 0) >= (d.spec?.replicas ?? 1);
  } catch {
    return true;
  }
}

/** markControlPlane is kubeadm's mark-control-plane phase: the role label and the NoSchedule taint. */
function markControlPlane(admin: ApiClient, name: string): void {
  try {
    const node = admin.get(R.nodes, undefined, name);
    const spec = (node.spec ?? {}) as { taints?: { key: string; effect: string }[] };
    const taints = spec.taints ?? [];
    if (!taints.some((t) => t.key === 'node-role.kubernetes.io/control-plane')) taints.push({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
    admin.update(R.nodes, { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } }, spec: { ...spec, taints } });
  } catch {
    /* kubeadm would fail the phase; the cluster still runs */
  }
}
