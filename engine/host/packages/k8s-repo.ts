import type { PackageInfo, Repo } from './types.ts';

/**
 * The community-owned Kubernetes package repositories (pkgs.k8s.io), one per
 * minor version, as they stood in January 2026. Changing the minor in
 * /etc/apt/sources.list.d/kubernetes.list and running apt-get update is how a
 * host sees the next minor's packages, as the upgrade docs describe.
 */

/** LATEST_PATCH is the newest patch of each minor published by 2026-01-05. */
export const LATEST_PATCH: Record<number, number> = { 28: 15, 29: 15, 30: 14, 31: 14, 32: 11, 33: 7, 34: 3, 35: 0 };

/** CRI_TOOLS and CNI are the cri-tools and kubernetes-cni versions each minor's repository carries. */
const CRI_TOOLS: Record<number, string[]> = { 28: ['1.28.0'], 29: ['1.29.0'], 30: ['1.30.0', '1.30.1'], 31: ['1.31.0', '1.31.1'], 32: ['1.32.0'], 33: ['1.33.0'], 34: ['1.34.0'], 35: ['1.35.0'] };
const CNI: Record<number, string[]> = { 28: ['1.2.0'], 29: ['1.3.0'], 30: ['1.4.0'], 31: ['1.5.0', '1.5.1'], 32: ['1.6.0'], 33: ['1.6.0'], 34: ['1.7.1'], 35: ['1.7.1'] };

const MAINTAINER = 'Kubernetes Authors <dev@kubernetes.io>';

/** K8S_DESCRIPTIONS are the packages' one-line descriptions (dpkg -l). */
export const K8S_DESCRIPTIONS: Record<string, string> = {
  kubeadm: 'Command-line utility for administering a Kubernetes cluster',
  kubectl: 'Command-line utility for interacting with a Kubernetes cluster',
  kubelet: 'Node agent for Kubernetes clusters',
  'kubernetes-cni': 'Binaries required to provision kubernetes container networking',
  'cri-tools': 'Command-line utility for interacting with a container runtime',
};

function pkg(name: string, version: string, installedSize: number, size: number, depends?: string): PackageInfo {
  return {
    name, version, architecture: 'amd64', section: 'admin', priority: 'optional', maintainer: MAINTAINER,
    installedSize, size, depends, description: K8S_DESCRIPTIONS[name]!, homepage: 'https://kubernetes.io',
  };
}

/** k8sPackages lists every package of one minor's repository, oldest first. */
export function k8sPackages(minor: number): PackageInfo[] {
  const out: PackageInfo[] = [];
  const last = LATEST_PATCH[minor];
  if (last === undefined) return out;
  for (let patch = 0; patch <= last; patch++) {
    const v = `1.${minor}.${patch}-1.1`;
    // Sizes grow a little with each release; they only need to be stable and plausible.
    const k = minor * 100 + patch;
    out.push(pkg('kubeadm', v, 70000 + k * 3, 11_900_000 + k * 411, 'cri-tools (>= 1.30.0)'));
    out.push(pkg('kubectl', v, 57000 + k * 3, 11_100_000 + k * 397));
    out.push(pkg('kubelet', v, 76000 + k * 3, 15_100_000 + k * 433, 'iptables (>= 1.4.21), kubernetes-cni (>= 1.1.1), iproute2, socat, util-linux, mount, ebtables, ethtool, conntrack'));
  }
  for (const v of CRI_TOOLS[minor] ?? []) out.push(pkg('cri-tools', `${v}-1.1`, 62000, 17_800_000));
  for (const v of CNI[minor] ?? []) out.push(pkg('kubernetes-cni', `${v}-1.1`, 120000, 34_200_000));
  return out;
}

/** parseK8sUri recognises a pkgs.k8s.io URI and returns its minor ("https://pkgs.k8s.io/core:/stable:/v1.35/deb/" → 35). */
export function parseK8sUri(uri: string): number | undefined {
  const m = /^https?:\/\/pkgs\.k8s\.io\/core:\/stable:\/v1\.(\d+)\/deb\/?$/.exec(uri);
  return m ? Number(m[1]) : undefined;
}

/** k8sRepo builds the Repo of one minor, or undefined for a minor that does not exist (apt then gets a 403). */
export function k8sRepo(uri: string): Repo | undefined {
  const minor = parseK8sUri(uri);
  if (minor === undefined || LATEST_PATCH[minor] === undefined) return undefined;
  return {
    uri: uri.endsWith('/') ? uri : uri + '/',
    suite: '/',
    components: [],
    fetchBase: `https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/v1.${minor}/deb`,
    packages: k8sPackages(minor),
    releaseSize: 1186 + minor,
    pin: 500,
  };
}
