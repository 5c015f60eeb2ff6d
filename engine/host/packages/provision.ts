import type { FileSystem } from '../types.ts';
import { KUBEADM_CONTAINERD_CONFIG } from './containerd-config.ts';
import { installQuietly } from './apply.ts';
import { k8sRepo } from './k8s-repo.ts';
import { storeIndex } from './lists.ts';
import { DEFAULT_SOURCES_LIST, k8sSourceLine, readSources, repoFor } from './sources.ts';
import type { PackageInfo } from './types.ts';
import { BASE_PACKAGES, ubuntuRepos } from './ubuntu-repo.ts';

/** K8S_KEYRING is where the install guide puts the repository's signing key. */
export const K8S_KEYRING = '/etc/apt/keyrings/kubernetes-apt-keyring.gpg';

/** NodeProvision says what a lab host has installed before the learner arrives. */
export interface NodeProvision {
  /** Kubernetes version of kubeadm, kubelet and kubectl ("1.34.3"); absent: no Kubernetes packages */
  kubernetesVersion?: string;
  /** hold kubeadm, kubelet and kubectl (the install guide does); default true */
  hold?: boolean;
}

/** refreshIndexes stores every configured source's index, as a successful apt-get update would. */
export function refreshIndexes(fs: FileSystem): void {
  for (const s of readSources(fs).lines) {
    const repo = repoFor(s);
    if (repo) storeIndex(fs, s, repo);
  }
}

function find(list: PackageInfo[], name: string, version?: string): PackageInfo {
  const hits = list.filter((p) => p.name === name && (version === undefined || p.version === version));
  const p = hits[hits.length - 1];
  if (!p) throw new Error(`no package ${name}${version ? '=' + version : ''} in the lab's repositories`);
  return p;
}

/**
 * provisionPackages prepares a host's package state: Ubuntu's sources, the
 * pkgs.k8s.io source of the cluster's minor with its key, downloaded indexes,
 * the base system, and (for cluster machines) containerd, runc and the
 * Kubernetes packages at the cluster's version, held, and containerd's
 * config.toml as the install guide writes it. Services are only
 * enabled (links), not started: attach and boot systemd afterwards.
 */
export function provisionPackages(fs: FileSystem, o: NodeProvision = {}): void {
  fs.mkdir('/etc/apt/sources.list.d', { recursive: true });
  fs.writeFile('/etc/apt/sources.list', DEFAULT_SOURCES_LIST, { mode: 0o644 });
  const archive = ubuntuRepos().flatMap((r) => r.packages);
  const base = BASE_PACKAGES;
  if (!o.kubernetesVersion) {
    refreshIndexes(fs);
    installQuietly(fs, base);
    return;
  }
  const [, minor] = o.kubernetesVersion.split('.');
  fs.mkdir('/etc/apt/keyrings', { recursive: true });
  fs.writeFile(K8S_KEYRING, 'kubelab keyring: pkgs.k8s.io signing key 234654DA9A296436\n', { mode: 0o644 });
  fs.writeFile('/etc/apt/sources.list.d/kubernetes.list', k8sSourceLine(`v1.${minor}`), { mode: 0o644 });
  refreshIndexes(fs);
  const k8s = k8sRepo(`https://pkgs.k8s.io/core:/stable:/v1.${minor}/deb/`)!.packages;
  const v = `${o.kubernetesVersion}-1.1`;
  const extra = ['conntrack', 'containerd', 'ebtables', 'ethtool', 'runc', 'socat'].map((n) => find(archive, n));
  const kube = [find(k8s, 'cri-tools'), find(k8s, 'kubernetes-cni'), find(k8s, 'kubeadm', v), find(k8s, 'kubectl', v), find(k8s, 'kubelet', v)];
  installQuietly(fs, [...base, ...extra, ...kube], { hold: o.hold === false ? [] : ['kubeadm', 'kubectl', 'kubelet'] });
  // The install guide's containerd step: `containerd config default` with the systemd cgroup driver the kubelet uses.
  fs.mkdir('/etc/containerd', { recursive: true });
  if (!fs.exists('/etc/containerd/config.toml')) fs.writeFile('/etc/containerd/config.toml', KUBEADM_CONTAINERD_CONFIG, { mode: 0o644 });
  fs.mkdir('/etc/systemd/system/multi-user.target.wants', { recursive: true });
  for (const unit of ['containerd.service', 'kubelet.service']) {
    const link = `/etc/systemd/system/multi-user.target.wants/${unit}`;
    if (!fs.exists(link)) fs.symlink(`/lib/systemd/system/${unit}`, link);
  }
}
