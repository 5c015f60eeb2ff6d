import type { Credentials } from '../../api/transport.ts';
import type { ApiServer } from '../../apiserver/server.ts';
import { ApiClient, ConnectionError } from '../../client/client.ts';
import type { EtcdService } from '../../controlplane/etcd/wire.ts';
import { NETWORK_COMPONENTS } from '../../network/boot.ts';
import { startNodes } from '../../node/service/start-nodes.ts';
import { issued, parseCertificatePem, parsePrivateKeyPem, type IssuedCert, type RsaPrivateKey } from '../../pki/index.ts';
import type { MvccStore } from '../../store/mvcc.ts';
import { parse } from 'yaml';
import type { FileSystem } from '../../host/types.ts';
import type { ClusterSpec } from '../lab-definition.ts';
import type { World } from '../world.ts';
import { componentClients } from './component-clients.ts';
import type { ClusterHandle } from './direct.ts';
import { follow, liveListener } from './live.ts';

/** How often (simulated) the lab looks whether `kubeadm init` has brought a control plane up. */
const WATCH_MS = 2_000;

/**
 * bootPrepared leaves a cluster's machines as they are before `kubeadm init`
 * (a lab definition's `installed: false`): packages installed, containerd
 * running, the kubelet enabled and failing for want of its configuration,
 * no certificates, no manifests, no kubeconfig for the student. Everything
 * else is the candidate's: `kubeadm init` on the control-plane machine, a
 * CNI, `kubeadm join` on the others. Once the apiserver that init starts
 * answers, the cluster's data paths (kube-proxy, cluster DNS, NetworkPolicy)
 * start as on any cluster, and the lab's admin view (grader, topology) uses
 * the super-admin.conf init wrote.
 */
export function bootPrepared(world: World, spec: ClusterSpec): ClusterHandle {
  const runtime = world.runtime;
  const cp = spec.machines.find((m) => m.role === 'control-plane') ?? spec.machines[0]!;
  const cpFs = world.mustHost(cp.name).fs;
  const currentServer = () => liveListener<ApiServer>(world, cp.name, cp.ip, cp.ip, 6443);
  const apiserver = follow(currentServer, { ctx: { connectors: {} } } as unknown as Partial<ApiServer>);
  const kv = follow(() => liveListener<EtcdService>(world, cp.name, cp.ip, '127.0.0.1', 2379)?.store, { revision: 0 } as Partial<MvccStore>);
  // The admin's credentials are those of the super-admin.conf `kubeadm init` writes (until then, none).
  const credentials: Credentials = {};
  const dial = () => {
    const server = currentServer();
    if (!server) throw new ConnectionError(`dial tcp ${cp.ip}:6443: connect: connection refused`, 'refused');
    if (!credentials.clientCertPem) credentials.clientCertPem = kubeconfigCert(read(cpFs, '/etc/kubernetes/super-admin.conf') ?? read(cpFs, '/etc/kubernetes/admin.conf'));
    return server;
  };
  const admin = new ApiClient(dial, credentials);
  const handle: ClusterHandle = { spec, apiserver, kv, admin, kubeconfig: '', components: [] };
  const clientFor = (): ApiClient => {
    throw new Error('the cluster has no CA yet');
  };
  handle.components.push(...startNodes({ world, runtime, cluster: handle, clientFor }));
  const watch = runtime.every(
    WATCH_MS,
    () => {
      const ca = clusterCa(cpFs);
      if (!ca || !currentServer()) return;
      watch.cancel();
      // From here on the cluster is an installed one: its network runs as on any kubeadm cluster.
      const ctx = { world, runtime, cluster: { ...handle, spec: { ...spec, installed: true, addons: [] } }, clientFor: componentClients(dial, ca, runtime) };
      for (const start of NETWORK_COMPONENTS) handle.components.push(...start(ctx));
    },
    'wait for kubeadm init',
  );
  handle.components.push({ name: 'kubeadm-init-watch', stop: () => watch.cancel() });
  return handle;
}

function read(fs: FileSystem, path: string): string | undefined {
  try {
    return fs.readFile(path);
  } catch {
    return undefined;
  }
}

/** kubeconfigCert is the client certificate a kubeconfig embeds (PEM), or undefined. */
function kubeconfigCert(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const kc = parse(text) as { users?: { user?: { 'client-certificate-data'?: string } }[] };
    const data = kc.users?.[0]?.user?.['client-certificate-data'];
    return data ? atob(data) : undefined;
  } catch {
    return undefined;
  }
}

/** clusterCa reads the cluster CA kubeadm init wrote (certificate and key), once both are there. */
function clusterCa(fs: FileSystem): IssuedCert | undefined {
  const certPem = read(fs, '/etc/kubernetes/pki/ca.crt');
  const keyPem = read(fs, '/etc/kubernetes/pki/ca.key');
  if (!certPem || !keyPem) return undefined;
  try {
    return issued(parseCertificatePem(certPem), parsePrivateKeyPem(keyPem) as RsaPrivateKey);
  } catch {
    return undefined;
  }
}
