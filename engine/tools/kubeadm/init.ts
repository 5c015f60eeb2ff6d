import { bootstrapRbacObjects } from '../../apiserver/bootstrap/index.ts';
import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import type { Process } from '../../host/process.ts';
import { createKubeadmPki } from '../../pki/index.ts';
import { clusterDnsIp, kubeadmFlagsEnv, kubeletConfigYaml, serviceIp } from '../../controlplane/kubeadm/kubelet-config.ts';
import { staticPodManifests } from '../../controlplane/kubeadm/manifests.ts';
import { createAll, kubeadmClusterObjects } from '../../controlplane/kubeadm/post-init.ts';
import { controlPlaneImageTags } from '../../controlplane/images.ts';
import { clientFromKubeconfig } from '../../controlplane/programs/kubeconfig-client.ts';
import { fail, failPreflight, ownVersion, readOr } from './common.ts';
import { MANIFESTS, portInUse, preflight, systemctl, waitFor, write } from './steps.ts';
import { caCertHash } from './token.ts';
import { joinCommandText } from './join-command.ts';
import { newCertificateKey, uploadCerts } from './upload-certs.ts';
import { serverUrl } from '../../pki/kubeadm-specs.ts';
import { kubeadmAddonObjects } from '../../network/kubeadm-addons.ts';

/**
 * kubeadm init: preflight, the PKI, kubeconfigs and static Pod manifests,
 * the kubelet started through systemd, then a wait for the apiserver the
 * kubelet runs (kubeadm's 4 minutes), and the objects init creates.
 */

/** kubeadmInit is `kubeadm init`. */
export async function kubeadmInit(p: Process, o: { version: string; podCidr: string; serviceCidr: string; advertise: string; nodeName: string; ignore: string[]; controlPlaneEndpoint: string; uploadCerts: boolean; certificateKey: string }): Promise<number> {
  const version = (o.version || ownVersion(p)).replace(/^v/, '');
  const ip = o.advertise || p.sys.hostIp;
  const node = o.nodeName || p.hostname;
  let out = `[init] Using Kubernetes version: v${version}\n[preflight] Running pre-flight checks\n`;
  const checks: [string, string | undefined][] = [['IsPrivilegedUser', p.user.uid === 0 ? undefined : 'user is not running as root']];
  if (p.user.uid === 0) {
    checks.push(['Port-6443', portInUse(p, 6443) ? 'Port 6443 is in use' : undefined]);
    for (const m of MANIFESTS) {
      const f = `/etc/kubernetes/manifests/${m}.yaml`;
      checks.push([`FileAvailable-${f.replace(/\//g, '-')}`, readOr(p, f) !== undefined ? `${f} already exists` : undefined]);
    }
    let etcdFiles: string[] = [];
    try {
      etcdFiles = p.fs.readdir('/var/lib/etcd');
    } catch {
      /* absent is fine */
    }
    checks.push(['DirAvailable--var-lib-etcd', etcdFiles.length ? '/var/lib/etcd is not empty' : undefined]);
  }
  const pre = preflight(p, checks, o.ignore);
  p.stdout.write(out);
  out = '';
  if (pre) return failPreflight(p, pre, true);
  const endpoint = o.controlPlaneEndpoint || undefined;
  const pki = createKubeadmPki({ controlPlaneHost: node, controlPlaneIp: ip, now: p.sys.runtime.now, rand: p.sys.runtime.rand, serviceIp: serviceIp(o.serviceCidr, 1), ...(endpoint ? { controlPlaneEndpoint: endpoint } : {}) });
  const server = serverUrl(pki.settings, false);
  out += `[preflight] Pulling images required for setting up a Kubernetes cluster\n[preflight] This might take a minute or two, depending on the speed of your internet connection\n[preflight] You can also perform this action beforehand using 'kubeadm config images pull'\n[certs] Using certificateDir folder "/etc/kubernetes/pki"\n`;
  const api = pki.certs['apiserver']!.cert;
  const etcdServer = pki.certs['etcd-server']!.cert;
  for (const [label, extra] of [
    ['ca', ''], ['apiserver', `[certs] apiserver serving cert is signed for DNS names [${api.dnsNames.join(' ')}] and IPs [${api.ipAddresses.join(' ')}]\n`], ['apiserver-kubelet-client', ''],
    ['front-proxy-ca', ''], ['front-proxy-client', ''], ['etcd/ca', ''], ['etcd/server', `[certs] etcd/server serving cert is signed for DNS names [${etcdServer.dnsNames.join(' ')}] and IPs [${etcdServer.ipAddresses.join(' ')}]\n`],
    ['etcd/peer', `[certs] etcd/peer serving cert is signed for DNS names [${etcdServer.dnsNames.join(' ')}] and IPs [${etcdServer.ipAddresses.join(' ')}]\n`], ['etcd/healthcheck-client', ''], ['apiserver-etcd-client', ''],
  ] as [string, string][]) out += `[certs] Generating "${label}" certificate and key\n${extra}`;
  out += '[certs] Generating "sa" key and public key\n[kubeconfig] Using kubeconfig folder "/etc/kubernetes"\n';
  for (const [path, f] of Object.entries(pki.files[node] ?? {})) write(p, path, f.content, f.mode);
  for (const [link, target] of Object.entries(pki.symlinks[node] ?? {})) if (!p.fs.exists(link)) p.fs.symlink(target, link);
  for (const k of ['admin.conf', 'super-admin.conf', 'kubelet.conf', 'controller-manager.conf', 'scheduler.conf']) out += `[kubeconfig] Writing "${k}" kubeconfig file\n`;
  const manifests = staticPodManifests({ version, etcdImageTag: controlPlaneImageTags(version).etcd, nodeName: node, advertiseAddress: ip, podSubnet: o.podCidr || undefined, serviceSubnet: o.serviceCidr });
  for (const [name, text] of Object.entries(manifests)) write(p, `/etc/kubernetes/manifests/${name}`, text, 0o600);
  out += `[etcd] Creating static Pod manifest for local etcd in "/etc/kubernetes/manifests"\n[control-plane] Using manifest folder "/etc/kubernetes/manifests"\n`;
  for (const m of MANIFESTS.slice(0, 3)) out += `[control-plane] Creating static Pod manifest for "${m}"\n`;
  write(p, '/var/lib/kubelet/kubeadm-flags.env', kubeadmFlagsEnv(), 0o644);
  write(p, '/var/lib/kubelet/config.yaml', kubeletConfigYaml({ clusterDns: clusterDnsIp(o.serviceCidr) }), 0o644);
  out += `[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"\n[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n[kubelet-start] Starting the kubelet\n`;
  systemctl(p, 'restart', 'kubelet');
  out += `[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "/etc/kubernetes/manifests"\n[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s\n[kubelet-check] The kubelet is healthy after 1.001158918s\n[control-plane-check] Waiting for healthy control plane components. This can take up to 4m0s\n[control-plane-check] Checking kube-apiserver at https://${ip}:6443/livez\n[control-plane-check] Checking kube-controller-manager at https://127.0.0.1:10257/healthz\n[control-plane-check] Checking kube-scheduler at https://127.0.0.1:10259/livez\n`;
  p.stdout.write(out);
  out = '';
  const admin = clientFromKubeconfig(p, '/etc/kubernetes/super-admin.conf');
  if ('error' in admin) return fail(p, admin.error);
  const healthy = () => {
    try {
      admin.client.list({ group: '', version: 'v1', plural: 'namespaces', namespaced: false }, undefined, { limit: 1 });
      return true;
    } catch {
      return false;
    }
  };
  const took = await waitFor(p, 240_000, healthy);
  if (took === undefined) {
    p.stdout.write(`[control-plane-check] kube-apiserver is not healthy after 4m0.000407818s\n\nA control plane component may have crashed or exited when started by the container runtime.\nTo troubleshoot, list all containers using your preferred container runtimes CLI.\nHere is one example how you may list all running Kubernetes containers by using crictl:\n\t- 'crictl --runtime-endpoint unix:///var/run/containerd/containerd.sock ps -a | grep kube | grep -v pause'\n\tOnce you have found the failing container, you can inspect its logs with:\n\t- 'crictl --runtime-endpoint unix:///var/run/containerd/containerd.sock logs CONTAINERID'\n\n`);
    return fail(p, `error execution phase wait-control-plane: failed while waiting for the control plane to start: kube-apiserver check failed at https://${ip}:6443/livez: Get "https://${ip}:6443/livez?timeout=10s": dial tcp ${ip}:6443: connect: connection refused`);
  }
  out += `[control-plane-check] kube-controller-manager is healthy after ${(took * 0.6 + 1.2).toFixed(9)}s\n[control-plane-check] kube-scheduler is healthy after ${(took * 0.7 + 1.5).toFixed(9)}s\n[control-plane-check] kube-apiserver is healthy after ${(took + 2.5).toFixed(9)}s\n`;
  const c = admin.client;
  const rand = p.sys.runtime.rand;
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const token = `${rand.string(6, alphabet)}.${rand.string(16, alphabet)}`;
  const caPem = pki.cas['ca']!.certPem;
  createAll(c, [...bootstrapRbacObjects(), ...kubeadmClusterObjects({ kubernetesVersion: `v${version}`, podSubnet: o.podCidr || undefined, serviceSubnet: o.serviceCidr, caPem, server, token, now: p.sys.runtime.now, ...(endpoint ? { controlPlaneEndpoint: endpoint } : {}) })]);
  // The addon phase: CoreDNS (Pending until a CNI makes the nodes Ready) and kube-proxy.
  createAll(c, kubeadmAddonObjects({ kubernetesVersion: `v${version}`, corednsTag: controlPlaneImageTags(version).coredns, podSubnet: o.podCidr, server, serviceSubnet: o.serviceCidr }));
  out += `[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace\n[kubelet] Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster\n`;
  const certificateKey = o.uploadCerts ? o.certificateKey || newCertificateKey(p) : '';
  if (o.uploadCerts) {
    const up = await uploadCerts(p, c, certificateKey);
    if (typeof up !== 'string') {
      p.stdout.write(out);
      return fail(p, `error execution phase upload-certs: ${up.error}`);
    }
    out += up;
  } else out += '[upload-certs] Skipping phase. Please see --upload-certs\n';
  markControlPlane(c, node);
  out += `[mark-control-plane] Marking the node ${node} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]\n[mark-control-plane] Marking the node ${node} as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]\n`;
  out += `[bootstrap-token] Using token: ${token}\n[bootstrap-token] Configuring bootstrap tokens, cluster-info ConfigMap, RBAC Roles
[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes
[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials
[bootstrap-token] Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token
[bootstrap-token] Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster
[bootstrap-token] Creating the "cluster-info" ConfigMap in the "kube-public" namespace
[kubelet-finalize] Updating "/etc/kubernetes/kubelet.conf" to point to a rotatable kubelet client certificate and key
[addons] Applied essential addon: CoreDNS
[addons] Applied essential addon: kube-proxy

Your Kubernetes control-plane has initialized successfully!

To start using your cluster, you need to run the following as a regular user:

  mkdir -p $HOME/.kube
  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
  sudo chown $(id -u):$(id -g) $HOME/.kube/config

Alternatively, if you are the root user, you can run:

  export KUBECONFIG=/etc/kubernetes/admin.conf

You should now deploy a pod network to the cluster.
Run "kubectl apply -f [podnetwork].yaml" with one of the options listed at:
  https://kubernetes.io/docs/concepts/cluster-administration/addons/

${endpoint ? controlPlaneJoinText(joinCommandText(server, token, caCertHash(caPem), { controlPlane: true, certificateKey }), o.uploadCerts) : ''}Then you can join any number of worker nodes by running the following on each as root:

${joinCommandText(server, token, caCertHash(caPem), { controlPlane: false, certificateKey: '' })}
`;
  p.stdout.write(out);
  return 0;
}

/** markControlPlane labels and taints the control-plane Node once its kubelet registered it. */
export function markControlPlane(c: ApiClient, node: string): void {
  const NODES = { group: '', version: 'v1', plural: 'nodes', namespaced: false };
  try {
    const n = c.get(NODES, undefined, node) as KObject & { spec?: { taints?: { key: string; effect: string }[] } };
    const labels = { ...(n.metadata.labels ?? {}), 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' };
    const taints = [...(n.spec?.taints ?? []).filter((t) => t.key !== 'node-role.kubernetes.io/control-plane'), { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];
    c.update(NODES, { ...n, metadata: { ...n.metadata, labels }, spec: { ...n.spec, taints } } as KObject);
  } catch {
    /* the kubelet has not registered the node yet; kubeadm would wait for it */
  }
}


/** controlPlaneJoinText is init's paragraph on joining further control-plane nodes (when there is a controlPlaneEndpoint). */
function controlPlaneJoinText(cmd: string, uploaded: boolean): string {
  return uploaded
    ? `You can now join any number of control-plane nodes running the following command on each as root:\n\n  ${cmd}\n\nPlease note that the certificate-key gives access to cluster sensitive data, keep it secret!\nAs a safeguard, uploaded-certs will be deleted in two hours; If necessary, you can use\n"kubeadm init phase upload-certs --upload-certs" to reload certs afterward.\n\n`
    : `You can now join any number of control-plane nodes by copying certificate authorities\nand service account keys on each node and then running the following as root:\n\n  ${cmd}\n\n`;
}
