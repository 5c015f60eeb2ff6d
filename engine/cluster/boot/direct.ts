import { Registry } from '../../api/registry.ts';
import type { KObject } from '../../api/types.ts';
import { createKubeadmPki, type KubeadmPki } from '../../pki/index.ts';
import { COMPONENTS, type RunningComponent } from './components.ts';
import { assembleApiServer } from '../../apiserver/assemble.ts';
import { componentStatusConnector } from '../../apiserver/component-status.ts';
import { inProcessComponentChecks } from '../../controlplane/programs/component-checks.ts';
import { bootstrapRbacObjects, kubeadmRbacObjects } from '../../apiserver/bootstrap/index.ts';
import type { ApiServer } from '../../apiserver/server.ts';
import { componentClients } from './component-clients.ts';
import { ApiClient, refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { MvccStore } from '../../store/mvcc.ts';
import type { ClusterSpec } from '../lab-definition.ts';
import type { World } from '../world.ts';
import { nodeObject } from './node-object.ts';
import { componentVersions } from './versions.ts';
import { serviceAllocationHooks } from '../../network/service-alloc.ts';
import { nodeSubnets } from '../../controllers/nodeipam/controller.ts';

/** ClusterHandle is a running cluster as the lab sees it. */
export interface ClusterHandle {
  spec: ClusterSpec;
  apiserver: ApiServer;
  kv: MvccStore;
  /** admin is a cluster-admin client (the grader's identity) */
  admin: ApiClient;
  /** kubeconfig is the admin kubeconfig text */
  kubeconfig: string;
  /** pki is the cluster's kubeadm PKI as the boot made it (absent on a cluster kubeadm init has not built yet) */
  pki?: KubeadmPki;
  /** components are the cluster's running parts (controllers, scheduler, kubelets…) started at boot */
  components: RunningComponent[];
}

/**
 * bootDirect starts a cluster's apiserver in-process and registers its nodes,
 * without the kubelet and static pods (the minimal boot used until the full
 * kubeadm boot runs the control plane from its manifests).
 */
export function bootDirect(world: World, spec: ClusterSpec, restored?: { kv: MvccStore; now: number }): ClusterHandle {
  const runtime = world.runtime;
  const kv = restored?.kv ?? new MvccStore();
  const registry = new Registry();
  const cp = spec.machines.find((m) => m.role === 'control-plane')!;
  const v = componentVersions(spec.version);
  const pki = createKubeadmPki({
    controlPlaneHost: cp.name,
    controlPlaneIp: cp.ip,
    now: runtime.now,
    rand: runtime.rand,
    nodes: spec.machines.filter((m) => m !== cp).map((m) => ({ name: m.name, ip: m.ip })),
  });
  // A restored cluster's hosts already hold their files (maybe renewed certificates): leave them.
  if (!restored) writePkiFiles(world, pki);
  const assembled = assembleApiServer(
    {
      clientCaPem: pki.cas['ca']!.certPem,
      serviceAccountKeyPems: [pki.serviceAccount.pubPem],
      tokenIssuer: { signingKeyPem: pki.serviceAccount.keyPem, issuer: 'https://kubernetes.default.svc.cluster.local' },
      enableBootstrapTokenAuth: true,
      authorizationMode: 'Node,RBAC',
      enableAdmissionPlugins: ['NodeRestriction'],
      disableAdmissionPlugins: [],
      serviceCidr: spec.serviceSubnet,
      nodePortRange: [30000, 32767],
      advertiseAddress: `${cp.ip}:6443`,
      anonymousAuth: true,
    },
    {
      runtime,
      kv,
      registry,
      hooks: serviceAllocationHooks(),
      version: {
        major: '1',
        minor: spec.version.split('.')[1]!,
        gitVersion: v.kubernetes,
        gitCommit: '0f4d8e0a2a1b7c3d5e6f708192a3b4c5d6e7f809',
        gitTreeState: 'clean',
        buildDate: '2025-12-09T14:00:00Z',
        goVersion: 'go1.24.11',
        compiler: 'gc',
        platform: 'linux/amd64',
        emulationMajor: '1',
        emulationMinor: spec.version.split('.')[1]!,
        minCompatibilityMajor: '1',
        minCompatibilityMinor: String(Number(spec.version.split('.')[1]!) - 1),
      },
    },
  );
  if ('error' in assembled) throw new Error(assembled.error);
  const apiserver = assembled.server;
  apiserver.ctx.connectors['componentstatuses'] = componentStatusConnector(inProcessComponentChecks());
  world.net.listen(cp.name, '0.0.0.0', 6443, { protocol: 'kube-api', tls: { certPem: pki.certs['apiserver']!.certPem, clientCaPem: pki.cas['ca']!.certPem }, handler: apiserver });
  const admin = new ApiClient(() => apiserver, { clientCertPem: pki.kubeconfigs['super-admin.conf']!.certPem });
  if (!restored) seedCluster(world, spec, admin, pki);
  // A restored cluster carries on at the time it was saved; its certificates still date from its first boot.
  else if (restored.now > runtime.now) runtime.clock.set(restored.now);
  const kubeconfig = pki.kubeconfigs['admin.conf']!.yaml;
  runtime.settle();
  const handle: ClusterHandle = { spec, apiserver, kv, admin, kubeconfig, pki, components: [] };
  const clientFor = componentClients(() => apiserver, pki.cas['ca']!, runtime);
  for (const start of COMPONENTS) handle.components.push(...start({ world, runtime, cluster: handle, clientFor }));
  runtime.settle();
  return handle;
}

/** writePkiFiles puts the cluster's certificates, keys and kubeconfigs on its hosts, where kubeadm writes them. */
function writePkiFiles(world: World, pki: KubeadmPki): void {
  for (const [hostName, files] of Object.entries(pki.files)) {
    const fs = world.mustHost(hostName).fs;
    for (const [path, f] of Object.entries(files)) {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
      fs.writeFile(path, f.content, { mode: f.mode });
    }
    for (const [link, target] of Object.entries(pki.symlinks[hostName] ?? {})) fs.symlink(target, link);
  }
}

/** seedCluster writes what a new cluster starts with: its namespaces, Node objects and bootstrap RBAC. */
function seedCluster(world: World, spec: ClusterSpec, admin: ApiClient, pki: KubeadmPki): void {
  const runtime = world.runtime;
  const v = componentVersions(spec.version);
  const cp = spec.machines.find((m) => m.role === 'control-plane')!;
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  spec.machines.forEach((m, i) => {
    const node: KObject = nodeObject(
      {
        name: m.name,
        ip: m.ip,
        controlPlane: m.role === 'control-plane',
        kubeletVersion: v.kubernetes,
        containerRuntimeVersion: `containerd://${v.containerd}`,
        // Each node's share of the cluster's pod network, as the node IPAM controller hands them out.
        podCIDR: nodeSubnets(spec.podSubnet)[i] ?? `10.244.${i}.0/24`,
        cpu: '2',
        memoryKi: 4_025_000,
        pods: 110,
        machineID: world.mustHost(m.name).fs.readFile('/etc/machine-id').trim(),
      },
      runtime.now,
    );
    const created = admin.create(R.nodes, undefined, { ...node, status: undefined });
    admin.updateStatus(R.nodes, { ...created, status: node.status });
  });
  for (const obj of [...bootstrapRbacObjects(), ...kubeadmRbacObjects()]) admin.create(refFor(obj), obj.metadata.namespace, obj);
  const cpHost = world.mustHost(cp.name);
  cpHost.fs.mkdir('/root/.kube', { recursive: true });
  cpHost.fs.writeFile('/root/.kube/config', pki.kubeconfigs['admin.conf']!.yaml, { mode: 0o600 });
}

/** refFor names the resource of an RBAC object. */
function refFor(obj: KObject) {
  const plural = { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings', Role: 'roles', RoleBinding: 'rolebindings' }[obj.kind] ?? '';
  return refOf(obj.apiVersion, plural, obj.kind === 'Role' || obj.kind === 'RoleBinding');
}
