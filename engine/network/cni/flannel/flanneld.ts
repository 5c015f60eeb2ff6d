import { commandFailed, klogLine } from '../../../controlplane/programs/klog.ts';
import { inClusterClient } from '../../../controlplane/programs/in-cluster.ts';
import { R } from '../../../client/refs.ts';
import type { Process, Program } from '../../../host/process.ts';
import { untilStopped } from '../../../node/images/programs/serve.ts';

interface Cidr {
  base: number;
  bits: number;
}

function parseCidr(s: string | undefined): Cidr | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(s ?? '');
  if (!m) return undefined;
  const base = m.slice(1, 5).reduce((a, o) => a * 256 + Number(o), 0);
  return { base, bits: Number(m[5]) };
}

function contains(outer: Cidr, inner: Cidr): boolean {
  const size = 2 ** (32 - outer.bits);
  return inner.bits >= outer.bits && Math.floor(inner.base / size) === Math.floor(outer.base / size);
}

/**
 * flanneld --kube-subnet-mgr as flannel's DaemonSet runs it: it reads the
 * network from /etc/kube-flannel/net-conf.json, finds its node through its
 * own Pod, takes the node's podCIDR as its lease (a cluster made without
 * --pod-network-cidr gives none, and flanneld exits: the classic
 * CrashLoopBackOff), writes /run/flannel/subnet.env, annotates the node and
 * runs.
 */
export const flanneld: Program = async (p: Process) => {
  const now = () => p.sys.runtime.now;
  const log = (level: 'I' | 'E', src: string, msg: string) => p.stderr.write(klogLine(level, now(), src, msg));
  log('I', 'main.go:211', `CLI flags config: {etcdEndpoints:http://127.0.0.1:4001,http://127.0.0.1:2379 etcdPrefix:/coreos.com/network etcdKeyfile: etcdCertfile: etcdCAFile: etcdUsername: etcdPassword: version:false kubeSubnetMgr:${p.argv.includes('--kube-subnet-mgr')} kubeApiUrl: kubeAnnotationPrefix:flannel.alpha.coreos.com kubeConfigFile: iface:[] ifaceRegex:[] ipMasq:${p.argv.includes('--ip-masq')} ifaceCanReach: subnetFile:/run/flannel/subnet.env publicIP: publicIPv6: subnetLeaseRenewMargin:60 healthzIP:0.0.0.0 healthzPort:0 iptablesResyncSeconds:5 iptablesForwardRules:true netConfPath:/etc/kube-flannel/net-conf.json setNodeNetworkUnavailable:true}`);
  const client = inClusterClient(p);
  if ('error' in client) return commandFailed(p, client.error);
  let netConf: { Network?: string; Backend?: { Type?: string } };
  try {
    netConf = JSON.parse(p.fs.readFile('/etc/kube-flannel/net-conf.json')) as typeof netConf;
  } catch (e) {
    log('E', 'main.go:335', `Failed to create SubnetManager: error parsing subnet config: ${(e as Error).message}`);
    return 1;
  }
  const network = parseCidr(netConf.Network);
  const podName = p.env['POD_NAME'] ?? '';
  const ns = p.env['POD_NAMESPACE'] ?? 'kube-flannel';
  let nodeName: string;
  let node;
  try {
    const pod = client.get(R.pods, ns, podName);
    nodeName = (pod.spec as { nodeName?: string }).nodeName ?? '';
    log('I', 'kube.go:139', `Waiting 10m0s for node controller to sync`);
    node = client.get(R.nodes, undefined, nodeName);
  } catch (e) {
    log('E', 'main.go:335', `Failed to create SubnetManager: ${(e as Error).message}`);
    return 1;
  }
  log('I', 'kube.go:469', `Starting kube subnet manager`);
  const podCidr = (node.spec as { podCIDR?: string } | undefined)?.podCIDR;
  const lease = parseCidr(podCidr);
  if (!lease) {
    log('E', 'main.go:359', `Error registering network: failed to acquire lease: node "${nodeName}" pod cidr not assigned`);
    log('I', 'main.go:439', 'Stopping shutdownHandler...');
    return 1;
  }
  if (!network || !contains(network, lease)) {
    log('E', 'main.go:359', `Error registering network: failed to acquire lease: subnet "${netConf.Network}" specified in the flannel net config doesn't contain "${podCidr}" PodCIDR of the "${nodeName}" node`);
    return 1;
  }
  const first = podCidr!.replace(/\.0\/(\d+)$/, '.1/$1');
  p.fs.mkdir('/run/flannel', { recursive: true });
  p.fs.writeFile('/run/flannel/subnet.env', `FLANNEL_NETWORK=${netConf.Network}\nFLANNEL_SUBNET=${first}\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=${p.argv.includes('--ip-masq')}\n`);
  const ip = ((node.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address ?? '';
  try {
    client.patch(R.nodes, undefined, nodeName, 'strategic', {
      metadata: {
        annotations: {
          'flannel.alpha.coreos.com/backend-data': '{"VNI":1,"VtepMAC":"' + vtepMac(nodeName) + '"}',
          'flannel.alpha.coreos.com/backend-type': netConf.Backend?.Type ?? 'vxlan',
          'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
          'flannel.alpha.coreos.com/public-ip': ip,
        },
      },
    }, { sub: 'status' });
  } catch (e) {
    log('E', 'kube.go:505', `failed to annotate node: ${(e as Error).message}`);
  }
  log('I', 'main.go:463', `Found network config - Backend type: ${netConf.Backend?.Type ?? 'vxlan'}`);
  log('I', 'main.go:375', `Current network or subnet (${netConf.Network}, ${first}) is not equal to previous one (0.0.0.0/0, 0.0.0.0/0), trying to recycle old iptables rules`);
  log('I', 'main.go:544', `Wrote subnet file to /run/flannel/subnet.env`);
  log('I', 'main.go:548', 'Running backend.');
  return untilStopped(p, () => {});
};

/** vtepMac is the VXLAN device's MAC address flanneld advertises (stable per node). */
function vtepMac(node: string): string {
  let h = 2166136261;
  for (const c of node) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const bytes = [0x8e, (h >>> 24) & 255, (h >>> 16) & 255, (h >>> 8) & 255, h & 255, node.length & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
