import type { FileSystem } from '../../host/types.ts';

/**
 * The network configurations CNIs install into /etc/cni/net.d, where
 * containerd finds them (until one is there, the runtime's network is not
 * ready and the node stays NotReady). Texts as the projects' installers
 * write them.
 */

/** FLANNEL_CNI_CONF is kube-flannel.yml's cni-conf.json, copied to 10-flannel.conflist. */
export const FLANNEL_CNI_CONF = `{
  "name": "cbr0",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "flannel",
      "delegate": {
        "hairpinMode": true,
        "isDefaultGateway": true
      }
    },
    {
      "type": "portmap",
      "capabilities": {
        "portMappings": true
      }
    }
  ]
}
`;

/** calicoCniConf is the 10-calico.conflist calico's install-cni writes for a node. */
export function calicoCniConf(nodeName: string): string {
  return `{
  "name": "k8s-pod-network",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "calico",
      "log_level": "info",
      "log_file_path": "/var/log/calico/cni/cni.log",
      "datastore_type": "kubernetes",
      "nodename": "${nodeName}",
      "mtu": 0,
      "ipam": {
          "type": "calico-ipam"
      },
      "policy": {
          "type": "k8s"
      },
      "kubernetes": {
          "kubeconfig": "/etc/cni/net.d/calico-kubeconfig"
      }
    },
    {
      "type": "portmap",
      "snat": true,
      "capabilities": {"portMappings": true}
    },
    {
      "type": "bandwidth",
      "capabilities": {"bandwidth": true}
    }
  ]
}`;
}

/**
 * writeCniConfig is what a CNI's node agent leaves on a machine of an
 * installed cluster: its plugin binary and its network configuration.
 */
export function writeCniConfig(fs: FileSystem, cni: string, nodeName: string, pods: { network: string; subnet: string }): void {
  fs.mkdir('/etc/cni/net.d', { recursive: true });
  fs.mkdir('/opt/cni/bin', { recursive: true });
  if (cni === 'flannel') {
    fs.writeFile('/etc/cni/net.d/10-flannel.conflist', FLANNEL_CNI_CONF);
    // flanneld's lease file: the cluster's pod network and this node's share of it, its first address the gateway
    fs.mkdir('/run/flannel', { recursive: true });
    fs.writeFile('/run/flannel/subnet.env', `FLANNEL_NETWORK=${pods.network}\nFLANNEL_SUBNET=${pods.subnet.replace(/\.0\/(\d+)$/, '.1/$1')}\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n`);
    fs.writeFile('/opt/cni/bin/flannel', '', { mode: 0o755 });
    return;
  }
  fs.writeFile('/etc/cni/net.d/10-calico.conflist', calicoCniConf(nodeName));
  fs.mkdir('/var/lib/calico', { recursive: true });
  fs.writeFile('/var/lib/calico/nodename', nodeName);
  fs.writeFile('/etc/cni/net.d/calico-kubeconfig', '# Kubeconfig file for Calico CNI plugin.\napiVersion: v1\nkind: Config\n', { mode: 0o600 });
  for (const b of ['calico', 'calico-ipam']) fs.writeFile(`/opt/cni/bin/${b}`, '', { mode: 0o755 });
}

/**
 * cniAddError is what the node's CNI plugin answers when a pod's network is
 * set up while its agent has not done its part (flanneld's subnet file,
 * calico-node's nodename), as containerd reports it; undefined when it would
 * succeed. The plugin is the first of the first configuration in /etc/cni/net.d.
 */
export function cniAddError(fs: FileSystem): string | undefined {
  const type = cniPluginType(fs);
  if (type === 'flannel' && !fs.exists('/run/flannel/subnet.env')) return 'plugin type="flannel" failed (add): loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory';
  if (type === 'calico' && !fs.exists('/var/lib/calico/nodename')) return 'plugin type="calico" failed (add): stat /var/lib/calico/nodename: no such file or directory: check that the calico/node container is running and has mounted /var/lib/calico/';
  return undefined;
}

/**
 * cniPluginType is the plugin the node's container runtime uses: the first
 * plugin of the first configuration in /etc/cni/net.d (undefined when there
 * is none, or it cannot be read).
 */
export function cniPluginType(fs: FileSystem): string | undefined {
  try {
    const file = fs.readdir('/etc/cni/net.d').filter((f) => /\.(conf|conflist|json)$/.test(f)).sort()[0];
    return file ? pluginType(fs.readFile(`/etc/cni/net.d/${file}`)) : undefined;
  } catch {
    return undefined;
  }
}

/** POLICY_PLUGINS are the CNI plugins that enforce NetworkPolicy (flannel does not). */
const POLICY_PLUGINS = new Set(['calico']);

/** enforcesNetworkPolicy says whether a node's CNI plugin enforces NetworkPolicy. */
export function enforcesNetworkPolicy(fs: FileSystem): boolean {
  const type = cniPluginType(fs);
  return type !== undefined && POLICY_PLUGINS.has(type);
}

/** parsedTypes keeps the plugin type of the configuration texts seen (one per node: calico names the node in it): every pod sandbox asks, the file seldom changes. */
const parsedTypes = new Map<string, string | undefined>();

/** pluginType is the type of a configuration's first plugin (it throws on a file that is not JSON, as the parse does). */
function pluginType(text: string): string | undefined {
  if (parsedTypes.has(text)) return parsedTypes.get(text);
  const conf = JSON.parse(text) as { type?: string; plugins?: { type?: string }[] };
  const type = conf.plugins?.[0]?.type ?? conf.type;
  if (parsedTypes.size >= 1024) parsedTypes.clear();
  parsedTypes.set(text, type);
  return type;
}
