import { parse } from 'yaml';
import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import type { Process } from '../../host/process.ts';
import { createKubeadmPki, issued, parseCertificatePem, parsePrivateKeyPem } from '../../pki/index.ts';
import { serverUrl } from '../../pki/kubeadm-specs.ts';
import { controlPlaneImageTags } from '../../controlplane/images.ts';
import { clusterDnsIp, kubeadmFlagsEnv, kubeletConfigYaml, serviceIp } from '../../controlplane/kubeadm/kubelet-config.ts';
import { staticPodManifests } from '../../controlplane/kubeadm/manifests.ts';
import { clientFromKubeconfig } from '../../controlplane/programs/kubeconfig-client.ts';
import { dialEtcd } from '../etcdctl/connect.ts';
import { MembershipError } from '../../controlplane/etcd/group.ts';
import { fail, failPreflight, readOr } from './common.ts';
import { markControlPlane } from './init.ts';
import { portInUse, preflight, systemctl, waitFor, write } from './steps.ts';
import { downloadCerts } from './upload-certs.ts';

/**
 * `kubeadm join --control-plane`: a further control-plane node of a cluster
 * with a controlPlaneEndpoint. The CAs and the ServiceAccount key come from
 * the uploaded kubeadm-certs Secret (--certificate-key) or were copied by
 * hand; this node gets its own leaf certificates, kubeconfigs and static Pod
 * manifests; its etcd joins the stacked cluster as a learner and is promoted
 * once it runs; the node is then marked as a control plane.
 */

const PKI = '/etc/kubernetes/pki';
const CONFIGMAPS = { group: '', version: 'v1', plural: 'configmaps', namespaced: true };
const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const NODES = { group: '', version: 'v1', plural: 'nodes', namespaced: false };

interface ClusterConfig {
  controlPlaneEndpoint?: string;
  kubernetesVersion?: string;
  networking?: { podSubnet?: string; serviceSubnet?: string };
}

/** JoinContext is what discovery established. */
export interface JoinContext {
  /** client authenticated with the bootstrap token */
  tokenClient: ApiClient;
  token: string;
  caData: string;
  certificateKey: string;
  advertise: string;
  nodeName: string;
  ignore: string[];
}

const NOT_SATISFIED = (why: string) =>
  `error execution phase preflight: \nOne or more conditions for hosting a new control plane instance is not satisfied.\n\n${why}\n\nPlease ensure that:\n* The cluster has a stable controlPlaneEndpoint address.\n* The certificates that must be shared among control plane instances are provided.\n\n`;

/** joinControlPlane runs the control-plane part of `kubeadm join` once discovery succeeded. */
export async function joinControlPlane(p: Process, j: JoinContext): Promise<number> {
  let cfg: ClusterConfig = {};
  try {
    const cm = j.tokenClient.get(CONFIGMAPS, 'kube-system', 'kubeadm-config') as KObject & { data?: Record<string, string> };
    cfg = (parse(cm.data?.['ClusterConfiguration'] ?? '') ?? {}) as ClusterConfig;
  } catch (e) {
    return fail(p, `error execution phase preflight: unable to fetch the kubeadm-config ConfigMap: ${(e as Error).message}`);
  }
  if (!cfg.controlPlaneEndpoint) return fail(p, NOT_SATISFIED("unable to add a new control plane instance to a cluster that doesn't have a stable controlPlaneEndpoint address"));
  const node = j.nodeName || p.hostname;
  const ip = j.advertise || p.sys.hostIp;
  const version = (cfg.kubernetesVersion ?? 'v1.34.0').replace(/^v/, '');
  const serviceSubnet = cfg.networking?.serviceSubnet ?? '10.96.0.0/12';
  let out = '[preflight] Running pre-flight checks before initializing the new control plane instance\n';
  const checks: [string, string | undefined][] = [['Port-6443', portInUse(p, 6443) ? 'Port 6443 is in use' : undefined]];
  for (const port of [10259, 10257, 2379, 2380]) checks.push([`Port-${port}`, portInUse(p, port) ? `Port ${port} is in use` : undefined]);
  for (const m of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd']) {
    const f = `/etc/kubernetes/manifests/${m}.yaml`;
    checks.push([`FileAvailable-${f.replace(/\//g, '-')}`, readOr(p, f) !== undefined ? `${f} already exists` : undefined]);
  }
  const pre = preflight(p, checks, j.ignore);
  if (pre) {
    p.stdout.write(out);
    return failPreflight(p, pre, true);
  }
  out += `[preflight] Pulling images required for setting up a Kubernetes cluster\n[preflight] This might take a minute or two, depending on the speed of your internet connection\n[preflight] You can also perform this action beforehand using 'kubeadm config images pull'\n`;
  if (j.certificateKey) {
    const got = await downloadCerts(p, j.tokenClient, j.certificateKey);
    if (typeof got !== 'string') {
      p.stdout.write(out);
      return fail(p, `error execution phase control-plane-prepare/download-certs: ${got.error}`);
    }
    out += got;
  }
  // The shared material: from the Secret just written, or copied by hand.
  const shared = sharedMaterial(p);
  if ('error' in shared) {
    p.stdout.write(out);
    return fail(p, NOT_SATISFIED(`[${shared.error}]`));
  }
  const pki = createKubeadmPki({ controlPlaneHost: node, controlPlaneIp: ip, controlPlaneEndpoint: cfg.controlPlaneEndpoint, serviceIp: serviceIp(serviceSubnet, 1), now: p.sys.runtime.now, rand: p.sys.runtime.rand, shared });
  out += `[certs] Using certificateDir folder "${PKI}"\n`;
  const api = pki.certs['apiserver']!.cert;
  const etcdServer = pki.certs['etcd-server']!.cert;
  const signed = (what: string, c: typeof api) => `[certs] ${what} serving cert is signed for DNS names [${c.dnsNames.join(' ')}] and IPs [${c.ipAddresses.join(' ')}]\n`;
  for (const [label, extra] of [
    ['etcd/server', signed('etcd/server', etcdServer)], ['etcd/peer', signed('etcd/peer', etcdServer)], ['etcd/healthcheck-client', ''], ['apiserver-etcd-client', ''],
    ['apiserver', signed('apiserver', api)], ['apiserver-kubelet-client', ''], ['front-proxy-client', ''],
  ] as [string, string][]) out += `[certs] Generating "${label}" certificate and key\n${extra}`;
  out += `[certs] Valid certificates and keys now exist in "${PKI}"\n[certs] Using the existing "sa" key\n[kubeconfig] Generating kubeconfig files\n[kubeconfig] Using kubeconfig folder "/etc/kubernetes"\n`;
  const keep = (path: string) => (path.startsWith(`${PKI}/`) && !/\/(ca|front-proxy-ca|etcd\/ca)\.(crt|key)$|\/sa\.(key|pub)$/.test(path)) || /\/etc\/kubernetes\/(admin|controller-manager|scheduler)\.conf$/.test(path);
  for (const [path, f] of Object.entries(pki.files[node] ?? {})) if (keep(path)) write(p, path, f.content, f.mode);
  for (const k of ['admin.conf', 'controller-manager.conf', 'scheduler.conf']) out += `[kubeconfig] Writing "${k}" kubeconfig file\n`;
  const etcdTag = controlPlaneImageTags(version).etcd;
  // kubeadm retries while the etcd pods' annotations are not there yet (a control plane that just started).
  let found = etcdMembers(p);
  await waitFor(p, 40_000, () => !('error' in (found = etcdMembers(p))));
  const members = found;
  if ('error' in members) {
    p.stdout.write(out);
    return fail(p, `error execution phase control-plane-prepare/control-plane: ${members.error}`);
  }
  const peerUrl = `https://${ip}:2380`;
  const initialCluster = [...members.list.filter((m) => m.name).map((m) => `${m.name}=${m.peerUrls[0]}`), `${node}=${peerUrl}`].join(',');
  const manifests = staticPodManifests({ version, etcdImageTag: etcdTag, nodeName: node, advertiseAddress: ip, podSubnet: cfg.networking?.podSubnet, serviceSubnet, etcdInitialCluster: initialCluster });
  out += '[control-plane] Using manifest folder "/etc/kubernetes/manifests"\n';
  for (const m of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const) {
    write(p, `/etc/kubernetes/manifests/${m}.yaml`, manifests[`${m}.yaml`], 0o600);
    out += `[control-plane] Creating static Pod manifest for "${m}"\n`;
  }
  out += '[check-etcd] Checking that the etcd cluster is healthy\n';
  const server = serverUrl(pki.settings, false);
  write(p, '/etc/kubernetes/bootstrap-kubelet.conf', `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${j.caData}\n    server: ${server}\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: tls-bootstrap-token-user\n  name: tls-bootstrap-token-user@kubernetes\ncurrent-context: tls-bootstrap-token-user@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: tls-bootstrap-token-user\n  user:\n    token: ${j.token}\n`, 0o600);
  write(p, '/var/lib/kubelet/config.yaml', kubeletConfigYaml({ clusterDns: clusterDnsIp(serviceSubnet) }), 0o644);
  write(p, '/var/lib/kubelet/kubeadm-flags.env', kubeadmFlagsEnv(), 0o644);
  out += `[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"\n[kubelet-start] Starting the kubelet\n[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s\n`;
  p.stdout.write(out);
  out = '';
  systemctl(p, 'restart', 'kubelet');
  const boot = await waitFor(p, 240_000, () => readOr(p, '/etc/kubernetes/kubelet.conf') !== undefined);
  if (boot === undefined) return fail(p, "error execution phase kubelet-start: The HTTP call equal to 'curl -sSL http://127.0.0.1:10248/healthz' returned error: Get \"http://127.0.0.1:10248/healthz\": dial tcp 127.0.0.1:10248: connect: connection refused");
  out += `[kubelet-check] The kubelet is healthy after ${(boot + 1.0012).toFixed(9)}s\n[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap\n`;
  // The stacked etcd member: announced as a learner, started from its manifest, promoted once it runs.
  let added;
  try {
    added = members.group.add([peerUrl], true);
  } catch (e) {
    p.stdout.write(out);
    if (e instanceof MembershipError) return fail(p, `error execution phase etcd-join: error creating local etcd static pod manifest file: ${e.message}`);
    throw e;
  }
  out += '[etcd] Announced new etcd member joining to the existing etcd cluster\n';
  write(p, '/etc/kubernetes/manifests/etcd.yaml', manifests['etcd.yaml'], 0o600);
  out += '[etcd] Creating static Pod manifest for "etcd"\n[etcd] Waiting for the new etcd member to join the cluster. This can take up to 40s\n';
  p.stdout.write(out);
  out = '';
  const synced = await waitFor(p, 40_000, () => members.group.running.has(added.id));
  if (synced === undefined) return fail(p, `error execution phase etcd-join: error creating local etcd static pod manifest file: etcdserver: can only promote a learner member which is in sync with leader`);
  members.group.promote(added.id);
  const admin = clientFromKubeconfig(p, '/etc/kubernetes/admin.conf');
  if ('error' in admin) return fail(p, admin.error);
  const registered = await waitFor(p, 120_000, () => {
    try {
      admin.client.get(NODES, undefined, node);
      return true;
    } catch {
      return false;
    }
  });
  if (registered === undefined) return fail(p, `error execution phase control-plane-join/mark-control-plane: error applying control-plane label and taints: timed out waiting for the condition`);
  markControlPlane(admin.client, node);
  out += `[mark-control-plane] Marking the node ${node} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]\n[mark-control-plane] Marking the node ${node} as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]\n`;
  out += `[control-plane-check] Waiting for healthy control plane components. This can take up to 4m0s\n[control-plane-check] Checking kube-apiserver at https://${ip}:6443/livez\n[control-plane-check] Checking kube-controller-manager at https://127.0.0.1:10257/healthz\n[control-plane-check] Checking kube-scheduler at https://127.0.0.1:10259/livez\n`;
  const healthy = await waitFor(p, 240_000, () => portInUse(p, 6443) && listensLocally(p, 10257) && listensLocally(p, 10259));
  if (healthy === undefined) {
    p.stdout.write(out);
    return fail(p, `error execution phase control-plane-join/wait-control-plane: kube-apiserver check failed at https://${ip}:6443/livez: Get "https://${ip}:6443/livez?timeout=10s": dial tcp ${ip}:6443: connect: connection refused`);
  }
  out += `[control-plane-check] kube-controller-manager is healthy after ${(healthy * 0.6 + 1.1).toFixed(9)}s\n[control-plane-check] kube-scheduler is healthy after ${(healthy * 0.7 + 1.4).toFixed(9)}s\n[control-plane-check] kube-apiserver is healthy after ${(healthy + 2.1).toFixed(9)}s\n`;
  out += `\nThis node has joined the cluster and a new control plane instance was created:\n\n* Certificate signing request was sent to apiserver and approval was received.\n* The Kubelet was informed of the new secure connection details.\n* Control plane label and taint were applied to the new node.\n* The Kubernetes control plane instances scaled up.\n* A new etcd member was added to the local/stacked etcd cluster.\n\nTo start administering your cluster from this node, you need to run the following as a regular user:\n\n\tmkdir -p $HOME/.kube\n\tsudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config\n\tsudo chown $(id -u):$(id -g) $HOME/.kube/config\n\nRun 'kubectl get nodes' to see this node join the cluster.\n\n`;
  p.stdout.write(out);
  return 0;
}

/** sharedMaterial reads the CAs and the ServiceAccount key every control-plane node shares, or kubeadm's first missing-file error. */
function sharedMaterial(p: Process): { cas: Record<string, ReturnType<typeof issued>>; saKey: ReturnType<typeof parsePrivateKeyPem> } | { error: string } {
  const cas: Record<string, ReturnType<typeof issued>> = {};
  for (const [name, base] of [['ca', 'ca'], ['front-proxy-ca', 'front-proxy-ca'], ['etcd-ca', 'etcd/ca']] as const) {
    const crt = readOr(p, `${PKI}/${base}.crt`);
    if (crt === undefined) return { error: `failure loading certificate for ${name === 'ca' ? 'CA' : name === 'etcd-ca' ? 'etcd CA' : 'front-proxy CA'}: couldn't load the certificate file ${PKI}/${base}.crt: open ${PKI}/${base}.crt: no such file or directory` };
    const key = readOr(p, `${PKI}/${base}.key`);
    if (key === undefined) return { error: `failure loading key for ${name === 'ca' ? 'CA' : name === 'etcd-ca' ? 'etcd CA' : 'front-proxy CA'}: couldn't load the private key file ${PKI}/${base}.key: open ${PKI}/${base}.key: no such file or directory` };
    cas[name] = issued(parseCertificatePem(crt), parsePrivateKeyPem(key));
  }
  const sa = readOr(p, `${PKI}/sa.key`);
  if (sa === undefined) return { error: `failure loading key for service account: couldn't load the private key file ${PKI}/sa.key: open ${PKI}/sa.key: no such file or directory` };
  return { cas, saKey: parsePrivateKeyPem(sa) };
}

/** etcdMembers reaches the stacked etcd cluster through the members the etcd pods advertise (kubeadm's etcdutil.NewFromCluster). */
function etcdMembers(p: Process): { group: NonNullable<ReturnType<typeof reach>>; list: { name: string; peerUrls: string[] }[] } | { error: string } {
  const admin = clientFromKubeconfig(p, '/etc/kubernetes/admin.conf');
  if ('error' in admin) return { error: admin.error };
  let endpoints: string[] = [];
  try {
    endpoints = admin.client
      .list(PODS, 'kube-system', { labelSelector: 'component=etcd,tier=control-plane' })
      .items.map((o) => o.metadata.annotations?.['kubeadm.kubernetes.io/etcd.advertise-client-urls'])
      .filter((u): u is string => !!u);
  } catch (e) {
    return { error: `could not retrieve the list of etcd endpoints: ${(e as Error).message}` };
  }
  const g = reach(p, endpoints);
  if (!g) return { error: `could not retrieve the list of etcd endpoints: error syncing endpoints with etcd: context deadline exceeded` };
  return { group: g, list: g.members.map((m) => ({ name: m.name, peerUrls: m.peerUrls })) };
}

function reach(p: Process, endpoints: string[]) {
  const tls = { caPem: readOr(p, `${PKI}/etcd/ca.crt`), certPem: readOr(p, `${PKI}/etcd/healthcheck-client.crt`), keyPem: readOr(p, `${PKI}/etcd/healthcheck-client.key`) };
  for (const ep of endpoints) {
    const r = dialEtcd(p, ep, tls, false);
    if ('service' in r) return r.service.group;
  }
  return undefined;
}

/** listensLocally tells whether something answers on 127.0.0.1:port (the controller manager and scheduler bind loopback). */
function listensLocally(p: Process, port: number): boolean {
  try {
    p.sys.net.dial({ host: p.hostname, ip: p.sys.hostIp }, '127.0.0.1', port);
    return true;
  } catch {
    return false;
  }
}
