import { refOf } from '../../../client/client.ts';
import { inClusterClient } from '../../../controlplane/programs/in-cluster.ts';
import type { Process, Program } from '../../../host/process.ts';
import { untilStopped } from '../../../node/images/programs/serve.ts';

/** calicoLog is calico's log line: "2026-01-05 09:00:05.123 [INFO][1] file.go 42: message". */
function calicoLog(p: Process, level: 'INFO' | 'WARNING' | 'ERROR', where: string, msg: string): void {
  const t = new Date(p.sys.runtime.now).toISOString().replace('T', ' ').replace('Z', '');
  p.stdout.write(`${t} [${level}][1] ${where}: ${msg}\n`);
}

const IPPOOLS = refOf('crd.projectcalico.org/v1', 'ippools', false);
const CLUSTER_INFO = refOf('crd.projectcalico.org/v1', 'clusterinformations', false);

/**
 * install is calico/cni's installer (the install-cni init container): it
 * copies the plugins to the node's /opt/cni/bin, writes a kubeconfig for
 * them with the pod's ServiceAccount token, and fills calico-config's
 * network template into /etc/cni/net.d/10-calico.conflist, through the
 * hostPath mounts at /host.
 */
export const calicoInstall: Program = async (p) => {
  calicoLog(p, 'INFO', 'cni-installer/<nil> <nil>', 'Running as a Kubernetes pod');
  const node = p.env['KUBERNETES_NODE_NAME'] ?? p.hostname;
  const template = p.env['CNI_NETWORK_CONFIG'];
  if (!template) {
    calicoLog(p, 'ERROR', 'cni-installer/<nil> <nil>', 'CNI_NETWORK_CONFIG is not set');
    return 1;
  }
  try {
    p.fs.mkdir('/host/opt/cni/bin', { recursive: true });
    for (const b of ['bandwidth', 'calico', 'calico-ipam', 'flannel', 'host-local', 'loopback', 'portmap', 'tuning']) {
      p.fs.writeFile(`/host/opt/cni/bin/${b}`, '\u007fELF calico CNI plugin\n', { mode: 0o755 });
      calicoLog(p, 'INFO', 'cni-installer/<nil> <nil>', `Installed /host/opt/cni/bin/${b}`);
    }
    calicoLog(p, 'INFO', 'cni-installer/<nil> <nil>', 'Wrote Calico CNI binaries to /host/opt/cni/bin');
    let token = '';
    try {
      token = p.fs.readFile('/var/run/secrets/kubernetes.io/serviceaccount/token').trim();
    } catch {
      // without a token the plugin's kubeconfig has none
    }
    const server = `https://${p.env['KUBERNETES_SERVICE_HOST'] ?? '10.96.0.1'}:${p.env['KUBERNETES_SERVICE_PORT'] ?? '443'}`;
    p.fs.mkdir('/host/etc/cni/net.d', { recursive: true });
    p.fs.writeFile('/host/etc/cni/net.d/calico-kubeconfig', `# Kubeconfig file for Calico CNI plugin. Installed by calico/node.\napiVersion: v1\nkind: Config\nclusters:\n- name: local\n  cluster:\n    server: ${server}\n    certificate-authority-data: "${'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t'}"\nusers:\n- name: calico\n  user:\n    token: ${token}\ncontexts:\n- name: calico-context\n  context:\n    cluster: local\n    user: calico\ncurrent-context: calico-context\n`, { mode: 0o600 });
    const mtu = p.env['CNI_MTU'] ?? '1500';
    const conf = template.replaceAll('__KUBERNETES_NODE_NAME__', node).replaceAll('__CNI_MTU__', mtu).replaceAll('__KUBECONFIG_FILEPATH__', '/etc/cni/net.d/calico-kubeconfig');
    p.fs.writeFile(`/host/etc/cni/net.d/${p.env['CNI_CONF_NAME'] ?? '10-calico.conflist'}`, conf);
  } catch (e) {
    calicoLog(p, 'ERROR', 'cni-installer/<nil> <nil>', `Failed to install CNI: ${(e as Error).message}`);
    return 1;
  }
  calicoLog(p, 'INFO', 'cni-installer/<nil> <nil>', `Created /host/etc/cni/net.d/${p.env['CNI_CONF_NAME'] ?? '10-calico.conflist'}`);
  calicoLog(p, 'INFO', 'cni-installer/<nil> <nil>', 'Done configuring CNI.  Sleep= false');
  return 0;
};

/** calicoIpam is the calico-ipam plugin; the upgrade-ipam init container runs it with -upgrade. */
export const calicoIpam: Program = async (p) => {
  if (p.argv.includes('-upgrade')) {
    calicoLog(p, 'INFO', 'ipam/ipam_plugin.go 75', 'migrating from host-local to calico-ipam...');
    calicoLog(p, 'INFO', 'k8s/k8s.go 613', 'checking for host-local IPAM data to migrate');
    return 0;
  }
  p.stderr.write('CNI_COMMAND env variable missing\n');
  return 1;
};

/**
 * calico-node: with -init, -shutdown or a health flag it answers at once;
 * otherwise it is the node agent: it records its node name in
 * /var/lib/calico/nodename (the CNI plugin needs it to set up a pod's
 * network), makes sure the default IP pool (CALICO_IPV4POOL_CIDR, else
 * 192.168.0.0/16) exists, and runs.
 */
export const calicoNode: Program = async (p) => {
  const flags = p.argv.slice(1);
  if (flags.some((f) => ['-init', '-shutdown', '-felix-live', '-bird-live', '-felix-ready', '-bird-ready', '-allocate-tunnel-addrs', '-status-reporter', '-monitor-addresses', '-monitor-token'].includes(f))) return 0;
  const node = p.env['NODENAME'] ?? p.hostname;
  calicoLog(p, 'INFO', 'startup/startup.go 431', `Early log level set to info`);
  calicoLog(p, 'INFO', 'startup/utils.go 126', `Using NODENAME environment for node name ${node}`);
  const client = inClusterClient(p);
  if ('error' in client) {
    calicoLog(p, 'WARNING', 'startup/startup.go 457', `Unable to initialize Calico client: ${client.error}`);
    return 1;
  }
  try {
    client.list(IPPOOLS, undefined, { limit: 1 });
  } catch (e) {
    calicoLog(p, 'WARNING', 'startup/startup.go 485', `Connection to the datastore is unauthorized or failed: ${(e as Error).message}`);
    return 1;
  }
  calicoLog(p, 'INFO', 'startup/startup.go 498', 'Datastore connection verified');
  const cidr = p.env['CALICO_IPV4POOL_CIDR'] ?? '192.168.0.0/16';
  try {
    // Under the tigera operator, calico-node runs with NO_DEFAULT_POOLS: the operator writes the pools of the Installation.
    if (p.env['NO_DEFAULT_POOLS'] !== 'true' && client.list(IPPOOLS, undefined).items.length === 0) {
      client.create(IPPOOLS, undefined, { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPool', metadata: { name: 'default-ipv4-ippool' }, spec: { allowedUses: ['Workload', 'Tunnel'], blockSize: 26, cidr, ipipMode: p.env['CALICO_IPV4POOL_IPIP'] ?? 'Always', natOutgoing: true, nodeSelector: 'all()', vxlanMode: p.env['CALICO_IPV4POOL_VXLAN'] ?? 'Never' } });
      calicoLog(p, 'INFO', 'startup/startup.go 1057', `Created default IPv4 pool (${cidr}) with NAT outgoing true. IPIP mode: Always, VXLAN mode: Never, DisableBGPExport: false`);
    }
    client.create(CLUSTER_INFO, undefined, { apiVersion: 'crd.projectcalico.org/v1', kind: 'ClusterInformation', metadata: { name: 'default' }, spec: { calicoVersion: 'v3.29.1', clusterType: p.env['CLUSTER_TYPE'] ?? 'k8s,bgp', datastoreReady: true } });
  } catch {
    // the pool or the cluster information exists already
  }
  p.fs.mkdir('/var/lib/calico', { recursive: true });
  p.fs.writeFile('/var/lib/calico/nodename', node);
  calicoLog(p, 'INFO', 'startup/startup.go 617', `Using node name: ${node}`);
  calicoLog(p, 'INFO', 'startup/startup.go 209', 'Calico node started successfully');
  return untilStopped(p, () => {});
};

/** calicoKubeControllers is calico/kube-controllers: it logs its start and runs (its work is Calico's datastore). */
export const calicoKubeControllers: Program = async (p) => {
  calicoLog(p, 'INFO', 'main.go 107', `Loaded configuration from environment config=&config.Config{LogLevel:"info", WorkloadEndpointWorkers:1, ProfileWorkers:1, PolicyWorkers:1, NodeWorkers:1, Kubeconfig:"", DatastoreType:"${p.env['DATASTORE_TYPE'] ?? 'kubernetes'}"}`);
  calicoLog(p, 'INFO', 'main.go 163', 'Starting status report routine');
  calicoLog(p, 'INFO', 'main.go 388', `Starting controller ControllerType="Node"`);
  return untilStopped(p, () => {});
};

/** checkStatus is kube-controllers' probe (-l live, -r ready): ready once started. */
export const checkStatus: Program = async () => 0;
