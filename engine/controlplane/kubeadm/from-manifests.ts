import { parse } from 'yaml';
import type { ManifestSettings } from './manifests.ts';

/**
 * settingsFromManifests reads back, from the static Pod manifests on a
 * control plane, the settings they were written with (what `kubeadm upgrade`
 * needs to write the next version's manifests), keeping the etcd data
 * directory the manifest points at. Undefined when there is no apiserver
 * manifest (not a control-plane node).
 */
export function settingsFromManifests(read: (path: string) => string | undefined): (ManifestSettings & { dataDir: string }) | undefined {
  const flags = (file: string): Map<string, string> => {
    const m = new Map<string, string>();
    const text = read(`/etc/kubernetes/manifests/${file}`);
    if (!text) return m;
    try {
      const pod = parse(text) as { spec?: { containers?: { command?: string[]; image?: string }[] } };
      const c = pod.spec?.containers?.[0];
      for (const a of c?.command ?? []) {
        const eq = a.indexOf('=');
        if (a.startsWith('--') && eq > 0) m.set(a.slice(2, eq), a.slice(eq + 1));
      }
      if (c?.image) m.set('@image', c.image);
    } catch {
      /* an unreadable manifest contributes nothing */
    }
    return m;
  };
  const api = flags('kube-apiserver.yaml');
  if (!api.has('@image')) return undefined;
  const kcm = flags('kube-controller-manager.yaml');
  const etcd = flags('etcd.yaml');
  const tag = (img: string | undefined) => (img ? img.slice(img.lastIndexOf(':') + 1) : '');
  const image = api.get('@image')!;
  return {
    version: tag(image).replace(/^v/, ''),
    etcdImageTag: tag(etcd.get('@image')) || '3.6.4-0',
    nodeName: etcd.get('name') ?? '',
    advertiseAddress: api.get('advertise-address') ?? '',
    bindPort: Number(api.get('secure-port') ?? '6443'),
    podSubnet: kcm.get('cluster-cidr'),
    serviceSubnet: api.get('service-cluster-ip-range') ?? '10.96.0.0/12',
    clusterName: kcm.get('cluster-name'),
    imageRepository: image.slice(0, image.lastIndexOf('/')),
    dataDir: etcd.get('data-dir') ?? '/var/lib/etcd',
  };
}
