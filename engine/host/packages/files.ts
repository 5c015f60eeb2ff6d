import { binaryContent } from '../binaries.ts';
import { CONTAINERD_IO_CONFIG, CONTAINERD_SERVICE, CRI_DOCKER_SERVICE, KUBEADM_DROPIN, KUBELET_SERVICE } from './unit-texts.ts';

/** PackageFile is one file a package installs. */
export interface PackageFile {
  path: string;
  /** program is set for binaries: the file names the program that runs it (engine/host/binaries.ts) */
  program?: string;
  content?: string;
  mode?: number;
  /** conffile: kept when it already exists (dpkg keeps a changed conffile on upgrade) */
  conffile?: boolean;
  /** dir: the package ships an (empty) directory, such as the kubelet's /etc/kubernetes/manifests */
  dir?: boolean;
}

/** SERVICES are the units a package enables and starts on first install (its postinst). */
export const SERVICES: Record<string, string> = {
  kubelet: 'kubelet.service',
  containerd: 'containerd.service',
  'containerd.io': 'containerd.service',
  'cri-dockerd': 'cri-docker.service',
};

const bin = (program: string, path: string): PackageFile => ({ path, program });
const CNI_PLUGINS = ['bandwidth', 'bridge', 'dhcp', 'dummy', 'firewall', 'host-device', 'host-local', 'ipvlan', 'loopback', 'macvlan', 'portmap', 'ptp', 'sbr', 'static', 'tap', 'tuning', 'vlan', 'vrf'];

/** packageFiles lists what a package puts on disk. */
export function packageFiles(name: string): PackageFile[] {
  switch (name) {
    case 'kubeadm':
      return [bin('kubeadm', '/usr/bin/kubeadm'), { path: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf', content: KUBEADM_DROPIN, mode: 0o644 }];
    case 'kubelet':
      return [bin('kubelet', '/usr/bin/kubelet'), { path: '/usr/lib/systemd/system/kubelet.service', content: KUBELET_SERVICE, mode: 0o644 }, { path: '/etc/kubernetes/manifests', dir: true }];
    case 'kubectl':
      return [bin('kubectl', '/usr/bin/kubectl')];
    case 'cri-tools':
      return [bin('crictl', '/usr/bin/crictl'), bin('critest', '/usr/bin/critest')];
    case 'kubernetes-cni':
      return CNI_PLUGINS.map((p) => bin(`cni-${p}`, `/opt/cni/bin/${p}`));
    case 'containerd':
      return [bin('containerd', '/usr/bin/containerd'), bin('containerd-shim-runc-v2', '/usr/bin/containerd-shim-runc-v2'), bin('ctr', '/usr/bin/ctr'),
        { path: '/usr/lib/systemd/system/containerd.service', content: CONTAINERD_SERVICE, mode: 0o644 }];
    case 'containerd.io':
      return [bin('containerd', '/usr/bin/containerd'), bin('containerd-shim-runc-v2', '/usr/bin/containerd-shim-runc-v2'), bin('ctr', '/usr/bin/ctr'), bin('runc', '/usr/bin/runc'),
        { path: '/usr/lib/systemd/system/containerd.service', content: CONTAINERD_SERVICE, mode: 0o644 },
        { path: '/etc/containerd/config.toml', content: CONTAINERD_IO_CONFIG, mode: 0o644, conffile: true }];
    case 'cri-dockerd':
      return [bin('cri-dockerd', '/usr/bin/cri-dockerd'), { path: '/usr/lib/systemd/system/cri-docker.service', content: CRI_DOCKER_SERVICE, mode: 0o644 },
        { path: '/usr/lib/systemd/system/cri-docker.socket', content: '[Unit]\nDescription=CRI Docker Socket for the API\nPartOf=cri-docker.service\n\n[Socket]\nListenStream=%t/cri-dockerd.sock\nSocketMode=0660\nSocketUser=root\nSocketGroup=docker\n\n[Install]\nWantedBy=sockets.target\n', mode: 0o644 }];
    case 'runc': return [bin('runc', '/usr/sbin/runc')];
    case 'jq': return [bin('jq', '/usr/bin/jq')];
    case 'etcd-client': return [bin('etcdctl', '/usr/bin/etcdctl')];
    case 'helm': return [bin('helm', '/usr/bin/helm')];
    case 'conntrack': return [bin('conntrack', '/usr/sbin/conntrack')];
    case 'socat': return [bin('socat', '/usr/bin/socat')];
    case 'ebtables': return [bin('ebtables', '/usr/sbin/ebtables')];
    case 'ethtool': return [bin('ethtool', '/usr/sbin/ethtool')];
    case 'curl': return [bin('curl', '/usr/bin/curl')];
    default:
      return [];
  }
}

/** PACKAGE_MARK is the line after a binary's exec line that names its package and version. */
export const PACKAGE_MARK = '# kubelab-package ';

/** packagedBinary is a binary's content with its package and version recorded. */
export function packagedBinary(program: string, pkg: string, version: string): string {
  return `${binaryContent(program)}${PACKAGE_MARK}${pkg} ${version}\n`;
}

/** binaryPackageVersion reads which package version wrote a binary ("1.34.3-1.1"), or undefined. */
export function binaryPackageVersion(content: string): { pkg: string; version: string } | undefined {
  const line = content.split('\n')[1] ?? '';
  if (!line.startsWith(PACKAGE_MARK)) return undefined;
  const [pkg, version] = line.slice(PACKAGE_MARK.length).trim().split(' ');
  return pkg && version ? { pkg, version } : undefined;
}
