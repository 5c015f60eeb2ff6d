import { parse } from 'yaml';
import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { Process } from '../../host/process.ts';
import { LATEST_PATCH } from '../../host/packages/index.ts';
import { controlPlaneImageTags } from '../../controlplane/images.ts';
import { clusterConfigurationYaml } from '../../controlplane/kubeadm/config.ts';
import { settingsFromManifests } from '../../controlplane/kubeadm/from-manifests.ts';
import { staticPodManifests } from '../../controlplane/kubeadm/manifests.ts';
import { renew } from './certs.ts';
import { waitFor } from './steps.ts';
import { ABORTED, adminClient, cmpVersion, confirmed, fail, failPreflight, ownVersion, readOr, semver } from './common.ts';
import { clusterDnsIp, kubeletConfigYaml } from '../../controlplane/kubeadm/kubelet-config.ts';

/** CONFIGMAPS is the configmaps resource. */
export const CONFIGMAPS = { group: '', version: 'v1', plural: 'configmaps', namespaced: true };
/** BANNER is the two lines kubeadm prints when it reads its configuration. */
export const BANNER = (phase: string) => `[${phase}] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[${phase}] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.\n`;
/** RULE closes a section of upgrade plan. */
export const RULE = '_____________________________________________________________________\n';

/** clusterVersion reads the cluster's version from kubeadm-config, or the apiserver manifest. */
export function clusterVersion(p: Process, c: ApiClient): string | undefined {
  try {
    const cm = c.get(CONFIGMAPS, 'kube-system', 'kubeadm-config') as KObject & { data?: Record<string, string> };
    const v = (parse(cm.data?.['ClusterConfiguration'] ?? '') as { kubernetesVersion?: string } | null)?.kubernetesVersion;
    if (v) return v.startsWith('v') ? v : `v${v}`;
  } catch {
    /* fall back to the manifest */
  }
  const s = settingsFromManifests((path) => readOr(p, path));
  return s ? `v${s.version}` : undefined;
}

/** stable answers what dl.k8s.io's stable-1.X.txt (or stable.txt) names. */
export function stable(minor?: number): string {
  const latest = Math.max(...Object.keys(LATEST_PATCH).map(Number));
  const m = minor ?? latest;
  return `v1.${m}.${LATEST_PATCH[m] ?? 0}`;
}

/** preflightRoot is the IsPrivilegedUser check (inPhase: apply and node run it in their preflight phase). */
export function preflightRoot(p: Process, inPhase: boolean): number | undefined {
  if (p.user.uid === 0) return undefined;
  return failPreflight(p, '\t[ERROR IsPrivilegedUser]: user is not running as root\n', inPhase);
}

/**
 * versionPolicy is kubeadm's EnforceVersionPolicies (phases/upgrade/policy.go):
 * mandatory findings stop the upgrade even with --force, skippable ones only
 * without it. kubeletVersions are the nodes' kubelet versions.
 */
export function versionPolicy(target: string, cluster: string, kubeadm: string, kubeletVersions: string[]): { mandatory: string[]; skippable: string[] } {
  const mandatory: string[] = [];
  const skippable: string[] = [];
  const [, t] = semver(target);
  const [, c] = semver(cluster);
  const [, k] = semver(kubeadm);
  const spec = `Specified version to upgrade to "${target}"`;
  // MinimumControlPlaneVersion is one minor below kubeadm's own; the message names the cluster version.
  if (cmpVersion(target, `v1.${k - 1}.0`) < 0) mandatory.push(`${spec} is equal to or lower than the minimum supported version "${cluster}". Please specify a higher version to upgrade to`);
  if (t > c + 1) mandatory.push(`${spec} is too high; kubeadm can upgrade only 1 minor version at a time`);
  if (t < c - 1) mandatory.push(`Specified version to downgrade to "${target}" is too low; kubeadm can downgrade only 1 minor version at a time`);
  if (cmpVersion(kubeadm, target) < 0) {
    if (t > k) mandatory.push(`${spec} is at least one minor release higher than the kubeadm minor release (${t} > ${k}). Such an upgrade is not supported`);
    else skippable.push(`${spec} is higher than the kubeadm version "${kubeadm}". Upgrade kubeadm first using the tool you used to install kubeadm`);
  }
  if (k > t) skippable.push(`Kubeadm version ${kubeadm} can only be used to upgrade to Kubernetes version 1.${k}`);
  const tooOld = [...new Set(kubeletVersions)].filter((v) => t > semver(v)[1] + 1);
  if (tooOld.length) skippable.push(`There are kubelets in this cluster that are too old that have these versions [${tooOld.join(' ')}]`);
  return { mandatory, skippable };
}

/** policyFailure is the preflight phase's error for versionPolicy's findings, or undefined when the upgrade may go on. */
function policyFailure(f: { mandatory: string[]; skippable: string[] }, force: boolean): string | undefined {
  const list = (errs: string[]) => errs.map((e) => `\t- ${e}\n`).join('');
  if (f.mandatory.length) return `error execution phase preflight: the version argument is invalid due to these fatal errors:\n\n${list(f.mandatory)}\nPlease fix the misalignments highlighted above and try upgrading again`;
  if (f.skippable.length && !force) return `error execution phase preflight: the version argument is invalid due to these errors:\n\n${list(f.skippable)}\nCan be bypassed if you pass the --force flag`;
  return undefined;
}

/** upgradeApply is `kubeadm upgrade apply <version> [-y] [--force]`. */
export async function upgradeApply(p: Process, args: string[], o: { yes: boolean; force: boolean; certificateRenewal: boolean }): Promise<number> {
  const root = preflightRoot(p, true);
  if (root !== undefined) return root;
  if (args.length === 0) return fail(p, 'missing one or more required arguments. Required arguments: [version]');
  const target = args[0]!.startsWith('v') ? args[0]! : `v${args[0]}`;
  if (!/^v\d+\.\d+\.\d+$/.test(target)) return fail(p, `[upgrade/version] FATAL: couldn't parse version "${args[0]}": could not parse "${args[0]}" as version`);
  const c = adminClient(p);
  if ('error' in c) return fail(p, c.error);
  const cluster = clusterVersion(p, c);
  const s = settingsFromManifests((path) => readOr(p, path));
  if (!cluster || !s) return fail(p, 'unable to fetch the kubeadm-config ConfigMap: configmaps "kubeadm-config" not found');
  const kubeadm = `v${ownVersion(p)}`;
  let out = `${BANNER('upgrade')}[upgrade/preflight] Running preflight checks\n[upgrade] Running cluster health checks\n[upgrade/preflight] You have chosen to upgrade the cluster version to "${target}"\n[upgrade/versions] Cluster version: ${cluster}\n[upgrade/versions] kubeadm version: ${kubeadm}\n`;
  let kubelets: string[] = [];
  try {
    kubelets = c.list(R.nodes).items.map((n) => (n as { status?: { nodeInfo?: { kubeletVersion?: string } } }).status?.nodeInfo?.kubeletVersion ?? '').filter((v) => v !== '');
  } catch {
    /* kubeadm skips the kubelet check when nodes cannot be listed */
  }
  const findings = versionPolicy(target, cluster, kubeadm, kubelets);
  const refused = policyFailure(findings, o.force);
  if (refused) {
    p.stdout.write(out);
    return fail(p, refused);
  }
  if (findings.skippable.length) out += `[upgrade/preflight] Found ${findings.skippable.length} potential version compatibility errors but skipping since the --force flag is set: \n\n${findings.skippable.map((e) => `\t- ${e}\n`).join('')}`;
  // --force also makes the session non-interactive (SessionIsInteractive).
  if (!o.yes && !o.force) {
    p.stdout.write(out);
    out = '';
    if (!(await confirmed(p, 'upgrade'))) return fail(p, `error execution phase preflight: ${ABORTED}`);
  }
  const stamp = new Date(p.sys.runtime.now).toISOString().slice(0, 19).replace(/[T:]/g, '-');
  const tmp = `/etc/kubernetes/tmp/kubeadm-upgraded-manifests${100000000 + p.sys.runtime.rand.int(899999999)}`;
  const backup = `/etc/kubernetes/tmp/kubeadm-backup-manifests-${stamp}`;
  out += `[upgrade/preflight] Pulling images required for setting up a Kubernetes cluster\n[upgrade/preflight] This might take a minute or two, depending on the speed of your internet connection\n[upgrade/preflight] You can also perform this action beforehand using 'kubeadm config images pull'\n`;
  out += `[upgrade/control-plane] Upgrading your static Pod-hosted control plane to version "${target}" (timeout: 5m0s)...\n[upgrade/staticpods] Writing new Static Pod manifests to "${tmp}"\n`;
  const next = staticPodManifests({ ...s, version: target.slice(1), etcdImageTag: controlPlaneImageTags(target).etcd });
  p.fs.mkdir(backup, { recursive: true });
  const renewals: Record<string, string[]> = {
    etcd: ['etcd-server', 'etcd-peer', 'etcd-healthcheck-client'],
    'kube-apiserver': ['apiserver', 'apiserver-kubelet-client', 'front-proxy-client', 'apiserver-etcd-client'],
    'kube-controller-manager': ['controller-manager.conf'],
    'kube-scheduler': ['scheduler.conf'],
  };
  for (const comp of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const) {
    const file = `/etc/kubernetes/manifests/${comp}.yaml`;
    const text = next[`${comp}.yaml`];
    if (readOr(p, file) === text) {
      out += `[upgrade/staticpods] Current and new manifests of ${comp} are equal, skipping upgrade\n`;
      continue;
    }
    out += `[upgrade/staticpods] Preparing for "${comp}" upgrade\n`;
    if (o.certificateRenewal) {
      for (const cert of renewals[comp]!) {
        out += `[upgrade/staticpods] Renewing ${cert} certificate\n`;
        silently(p, () => renew(p, [cert]));
      }
    }
    const old = readOr(p, file);
    if (old !== undefined) p.fs.writeFile(`${backup}/${comp}.yaml`, old, { mode: 0o600 });
    const before = mirrorHash(c, `${comp}-${p.hostname}`);
    p.fs.writeFile(file, text, { mode: 0o600 });
    out += `[upgrade/staticpods] Moving new manifest to "${file}" and backing up old manifest to "${backup}/${comp}.yaml"\n[upgrade/staticpods] Waiting for the kubelet to restart the component\n[upgrade/staticpods] This can take up to 5m0s\n`;
    p.stdout.write(out);
    out = '';
    // As kubeadm does: the mirror pod's config hash must change and the new container must be ready
    // (a control plane without mirror pods gives nothing to watch).
    const restarted = before === undefined ? 0 : await waitFor(p, 300_000, () => restartedReady(c, `${comp}-${p.hostname}`, before));
    if (restarted === undefined) {
      if (old !== undefined) p.fs.writeFile(file, old, { mode: 0o600 });
      return fail(p, `[upgrade/apply] FATAL: couldn't upgrade control plane. kubeadm has tried to recover everything into the earlier state. Errors faced: static Pod hash for component ${comp} on Node ${p.hostname} did not change after 5m0s: timed out waiting for the condition`);
    }
    out += `[apiclient] Found 1 Pods for label selector component=${comp}\n[upgrade/staticpods] Component "${comp}" upgraded successfully!\n`;
    if (comp === 'etcd') out += '[upgrade/etcd] Waiting for etcd to become available\n';
  }
  out += `[upgrade/control-plane] The control plane instance for this node was successfully upgraded!\n`;
  storeClusterConfiguration(c, { kubernetesVersion: target, podSubnet: s.podSubnet, serviceSubnet: s.serviceSubnet, clusterName: s.clusterName, dataDir: s.dataDir });
  out += `[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace\n[kubelet] Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster\n[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n`;
  p.fs.writeFile('/var/lib/kubelet/config.yaml', kubeletConfigYaml({ clusterDns: clusterDnsIp(s.serviceSubnet) }), { mode: 0o644 });
  upgradeKubeProxy(c, target);
  out += `[upgrade/bootstrap-token] Configuring bootstrap token and cluster-info RBAC rules
[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes
[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials
[bootstrap-token] Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token
[bootstrap-token] Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster
[addons] Applied essential addon: CoreDNS
[addons] Applied essential addon: kube-proxy

[upgrade] SUCCESS! A control plane node of the cluster was upgraded to "${target}".

[upgrade] Now please proceed with upgrading the rest of the nodes by following the right order.
`;
  p.stdout.write(out);
  return 0;
}

/** upgradeNode is `kubeadm upgrade node`: a worker rewrites its kubelet config; another control plane its manifests. */
export function upgradeNode(p: Process): number {
  const root = preflightRoot(p, true);
  if (root !== undefined) return root;
  const s = settingsFromManifests((path) => readOr(p, path));
  const kubeletConf = readOr(p, '/etc/kubernetes/kubelet.conf');
  if (!s && !kubeletConf) return fail(p, 'unable to fetch the kubeadm-config ConfigMap: failed to get config map: open /etc/kubernetes/kubelet.conf: no such file or directory');
  let out = `${BANNER('upgrade')}[upgrade/preflight] Running pre-flight checks\n`;
  if (!s) {
    out += `[upgrade/preflight] Skipping prepull. Not a control plane node.\n[upgrade/control-plane] Skipping phase. Not a control plane node.\n[upgrade/kubeconfig] Skipping phase. Not a control plane node.\n`;
  } else {
    out += `[upgrade/preflight] Pulling images required for setting up a Kubernetes cluster\n[upgrade/preflight] This might take a minute or two, depending on the speed of your internet connection\n[upgrade/preflight] You can also perform this action beforehand using 'kubeadm config images pull'\n[upgrade/control-plane] Upgrading control plane instance with manifests for version "v${s.version}"\n[upgrade/control-plane] The control plane instance for this node was successfully upgraded!\n`;
  }
  const dir = `/etc/kubernetes/tmp/kubeadm-kubelet-config${1000000000 + p.sys.runtime.rand.int(999999999)}`;
  const old = readOr(p, '/var/lib/kubelet/config.yaml');
  p.fs.mkdir(dir, { recursive: true });
  if (old !== undefined) p.fs.writeFile(`${dir}/config.yaml`, old, { mode: 0o644 });
  out += `[upgrade] Backing up kubelet config file to ${dir}/config.yaml\n[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n`;
  if (!s) out += '[upgrade/addon] Skipping the addon/coredns phase. Not a control plane node.\n[upgrade/addon] Skipping the addon/kube-proxy phase. Not a control plane node.\n';
  out += "[upgrade] The configuration for this node was successfully upgraded!\n[upgrade] Now you should go ahead and upgrade the kubelet package using your package manager.\n";
  p.stdout.write(out);
  return 0;
}

/** storeClusterConfiguration writes kube-system/kubeadm-config (kubeadm's upload-config phase). */
export function storeClusterConfiguration(c: ApiClient, s: Parameters<typeof clusterConfigurationYaml>[0]): void {
  const data = { ClusterConfiguration: clusterConfigurationYaml(s) };
  try {
    const cm = c.get(CONFIGMAPS, 'kube-system', 'kubeadm-config');
    c.update(CONFIGMAPS, { ...cm, data } as KObject);
  } catch {
    try {
      c.create(CONFIGMAPS, 'kube-system', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubeadm-config', namespace: 'kube-system' }, data });
    } catch {
      /* the upload is best effort here, as the manifests are what the node runs */
    }
  }
}

/** silently runs a step whose own output kubeadm does not show (the renewals inside an upgrade). */
function silently(p: Process, step: () => number): void {
  const { stdout, stderr } = p;
  const sink = { write: () => {}, isTTY: false };
  Object.assign(p, { stdout: sink, stderr: sink });
  try {
    step();
  } finally {
    Object.assign(p, { stdout, stderr });
  }
}


const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const DAEMONSETS = { group: 'apps', version: 'v1', plural: 'daemonsets', namespaced: true };

/** mirrorHash is the config hash of a static pod's mirror pod, or undefined while the apiserver cannot say. */
function mirrorHash(c: ApiClient, name: string): string | undefined {
  try {
    return c.get(PODS, 'kube-system', name).metadata.annotations?.['kubernetes.io/config.hash'];
  } catch {
    return undefined;
  }
}

/** restartedReady tells whether a static pod runs from a new manifest (its hash changed) and is ready. */
function restartedReady(c: ApiClient, name: string, before: string | undefined): boolean {
  try {
    const pod = c.get(PODS, 'kube-system', name);
    const hash = pod.metadata.annotations?.['kubernetes.io/config.hash'];
    const ready = ((pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((x) => x.type === 'Ready' && x.status === 'True');
    return hash !== undefined && hash !== before && ready;
  } catch {
    return false;
  }
}

/** upgradeKubeProxy is the addon phase for kube-proxy: its DaemonSet runs the new version's image. */
function upgradeKubeProxy(c: ApiClient, version: string): void {
  try {
    const ds = c.get(DAEMONSETS, 'kube-system', 'kube-proxy') as KObject & { spec: { template: { spec: { containers: { name: string; image: string }[] } } } };
    for (const ctr of ds.spec.template.spec.containers) if (ctr.name === 'kube-proxy') ctr.image = `registry.k8s.io/kube-proxy:${version}`;
    c.update(DAEMONSETS, ds);
  } catch {
    /* no kube-proxy DaemonSet: nothing to upgrade */
  }
}
