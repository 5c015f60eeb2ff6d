import type { KObject } from '../../api/types.ts';
import type { KubeletContext } from './context.ts';
import { specOf } from './types.ts';

/** podEtcFiles are the kubelet-managed /etc/hosts, /etc/resolv.conf and /etc/hostname of a pod's containers. */
export function podEtcFiles(pod: KObject, ip: string, hostname: string, k: KubeletContext): Record<string, string> {
  const spec = specOf(pod);
  const ns = pod.metadata.namespace ?? 'default';
  const domain = k.config.clusterDomain;
  const read = (p: string) => {
    try {
      return k.host.fs.readFile(p);
    } catch {
      return '';
    }
  };
  const files: Record<string, string> = { '/etc/hostname': `${hostname}\n` };
  if (spec.hostNetwork) {
    files['/etc/hosts'] = read('/etc/hosts');
  } else {
    const fqdn = spec.subdomain ? `${hostname}.${spec.subdomain}.${ns}.svc.${domain}\t${hostname}` : hostname;
    files['/etc/hosts'] = `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${fqdn}\n`;
  }
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  if ((spec.hostNetwork && policy !== 'ClusterFirstWithHostNet') || policy === 'Default') {
    files['/etc/resolv.conf'] = read('/etc/resolv.conf') || 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n';
  } else if (policy !== 'None') {
    files['/etc/resolv.conf'] = `search ${ns}.svc.${domain} svc.${domain} ${domain}\nnameserver ${k.config.clusterDNS[0] ?? '10.96.0.10'}\noptions ndots:5\n`;
  }
  return files;
}
