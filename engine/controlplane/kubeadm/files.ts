import type { KubeadmPki } from '../../pki/index.ts';
import type { ClusterSpec } from '../../cluster/lab-definition.ts';
import type { FileSystem } from '../../host/types.ts';
import { controlPlaneImageTags } from '../images.ts';
import { clusterDnsIp, kubeadmFlagsEnv, kubeletConfigYaml } from './kubelet-config.ts';
import { staticPodManifests, type ManifestSettings } from './manifests.ts';

/** manifestSettingsFor reads a cluster spec the way `kubeadm init` reads its flags and defaults. */
export function manifestSettingsFor(spec: ClusterSpec): ManifestSettings {
  const cp = spec.machines.find((m) => m.role === 'control-plane')!;
  return {
    version: spec.version,
    etcdImageTag: controlPlaneImageTags(spec.version).etcd,
    nodeName: cp.name,
    advertiseAddress: cp.ip,
    podSubnet: spec.podSubnet,
    serviceSubnet: spec.serviceSubnet,
  };
}

/** Machines is what writeKubeadmFiles needs of a World: its hosts' filesystems. */
export interface Machines {
  mustHost(name: string): { fs: FileSystem };
}

function write(fs: FileSystem, path: string, content: string, mode: number): void {
  fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
  fs.writeFile(path, content, { mode });
  fs.chmod(path, mode);
}

/**
 * writeKubeadmFiles leaves on every machine of a cluster what `kubeadm init`
 * (control plane) and `kubeadm join` (workers) would have left: the PKI and
 * kubeconfigs (from pki), the four static Pod manifests (0600, as kubeadm
 * writes them), the kubelet's config.yaml and kubeadm-flags.env, and the
 * etcd data directory. A kubelet started afterwards runs the control plane
 * from /etc/kubernetes/manifests.
 */
export function writeKubeadmFiles(world: Machines, spec: ClusterSpec, pki: KubeadmPki): void {
  const cp = spec.machines.find((m) => m.role === 'control-plane')!;
  for (const [hostName, files] of Object.entries(pki.files)) {
    const fs = world.mustHost(hostName).fs;
    for (const [path, f] of Object.entries(files)) write(fs, path, f.content, f.mode);
    for (const [link, target] of Object.entries(pki.symlinks[hostName] ?? {})) {
      if (!fs.exists(link)) fs.symlink(target, link);
    }
  }
  const cpFs = world.mustHost(cp.name).fs;
  for (const [name, text] of Object.entries(staticPodManifests(manifestSettingsFor(spec)))) write(cpFs, `/etc/kubernetes/manifests/${name}`, text, 0o600);
  if (!cpFs.exists('/var/lib/etcd')) cpFs.mkdir('/var/lib/etcd', { recursive: true, mode: 0o700 });
  const kubelet = kubeletConfigYaml({ clusterDns: clusterDnsIp(spec.serviceSubnet) });
  // A prepared machine (not joined yet) gets its files from kubeadm join.
  for (const m of spec.machines.filter((x) => !x.prepared)) {
    const fs = world.mustHost(m.name).fs;
    if (!fs.exists('/etc/kubernetes/manifests')) fs.mkdir('/etc/kubernetes/manifests', { recursive: true, mode: 0o755 });
    write(fs, '/var/lib/kubelet/config.yaml', kubelet, 0o644);
    write(fs, '/var/lib/kubelet/kubeadm-flags.env', kubeadmFlagsEnv(), 0o644);
  }
}
