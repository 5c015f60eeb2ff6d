import { refOf, type ResourceRef } from '../../../client/client.ts';
import { R } from '../../../client/refs.ts';

/** Desired is one object the operator keeps as it wants it. */
export interface Desired {
  ref: ResourceRef;
  namespace?: string;
  obj: Record<string, unknown>;
}

/** IpPoolSpec is an Installation's calicoNetwork.ipPools entry, defaulted. */
export interface IpPoolSpec {
  name: string;
  cidr: string;
  blockSize: number;
  encapsulation: string;
  natOutgoing: string;
  nodeSelector: string;
}

export const IPPOOLS = refOf('crd.projectcalico.org/v1', 'ippools', false);
const SYSTEM = 'calico-system';
const APISERVER_NS = 'calico-apiserver';

const fieldRef = (name: string, path: string) => ({ name, valueFrom: { fieldRef: { fieldPath: path } } });
const hostPath = (name: string, path: string, type?: string) => ({ name, hostPath: { path, ...(type ? { type } : {}) } });
const ALL_TAINTS = [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }];
const CONTROL_PLANE = [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];

/** mtuOf is the pod network MTU Calico detects under an encapsulation (a 1500-byte host network). */
export function mtuOf(encapsulation: string): number {
  if (encapsulation.startsWith('VXLAN')) return 1450;
  if (encapsulation.startsWith('IPIP')) return 1480;
  return 1500;
}

/** typhaReplicas is the operator's Typha scale: one per 200 nodes plus one spare, never more than the nodes. */
export function typhaReplicas(nodes: number): number {
  return Math.max(1, Math.min(20, Math.floor(nodes / 200) + 2, nodes));
}

/** cniNetworkConfig is the network configuration the operator gives install-cni for 10-calico.conflist. */
export function cniNetworkConfig(mtu: number, serviceHost: string): string {
  return `{
  "name": "k8s-pod-network",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "container_settings": {
        "allow_ip_forwarding": false
      },
      "datastore_type": "kubernetes",
      "endpoint_status_dir": "/var/run/calico/endpoint-status",
      "ipam": {
        "assign_ipv4": "true",
        "assign_ipv6": "false",
        "type": "calico-ipam"
      },
      "kubernetes": {
        "k8s_api_root": "https://${serviceHost}:443",
        "kubeconfig": "__KUBECONFIG_FILEPATH__"
      },
      "log_file_max_age": 30,
      "log_file_max_count": 10,
      "log_file_max_size": 100,
      "log_file_path": "/var/log/calico/cni/cni.log",
      "log_level": "Info",
      "mtu": ${mtu},
      "nodename_file_optional": false,
      "policy": {
        "type": "k8s"
      },
      "type": "calico"
    },
    {
      "capabilities": {
        "bandwidth": true
      },
      "type": "bandwidth"
    },
    {
      "capabilities": {
        "portMappings": true
      },
      "snat": true,
      "type": "portmap"
    }
  ]
}`;
}

function serviceAccount(name: string, ns = SYSTEM): Desired {
  return { ref: R.serviceaccounts, namespace: ns, obj: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } } };
}

function clusterRbac(name: string, rules: object[], ns = SYSTEM): Desired[] {
  return [
    { ref: R.clusterroles, obj: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules } },
    { ref: R.clusterrolebindings, obj: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name }, subjects: [{ kind: 'ServiceAccount', name, namespace: ns }] } },
  ];
}

function workload(kind: 'Deployment' | 'DaemonSet', name: string, ns: string, pod: Record<string, unknown>, extra: Record<string, unknown> = {}, podLabels: Record<string, string> = {}): Desired {
  const labels = { 'k8s-app': name, 'app.kubernetes.io/name': name, ...podLabels };
  return {
    ref: kind === 'Deployment' ? R.deployments : R.daemonsets,
    namespace: ns,
    obj: {
      apiVersion: 'apps/v1',
      kind,
      metadata: { name, namespace: ns },
      spec: { selector: { matchLabels: { 'k8s-app': name } }, ...extra, template: { metadata: { labels }, spec: pod } },
    },
  };
}

/**
 * calicoComponents are the objects the operator installs for an Installation
 * of Calico: the calico-system namespace, its accounts and roles, the IP
 * pools, Typha, calico-node on every node (whose install-cni writes the CNI
 * configuration), calico-kube-controllers and the CSI node driver.
 */
export function calicoComponents(o: { version: string; pools: IpPoolSpec[]; nodes: number; serviceHost: string }): Desired[] {
  const image = (name: string) => `docker.io/calico/${name}:${o.version}`;
  const encapsulation = o.pools[0]?.encapsulation ?? 'IPIP';
  const mtu = mtuOf(encapsulation);
  const backend = encapsulation.startsWith('VXLAN') ? 'vxlan' : 'bird';
  const calicoRead = ['felixconfigurations', 'bgppeers', 'bgpfilters', 'bgpconfigurations', 'ippools', 'ipreservations', 'ipamblocks', 'globalnetworkpolicies', 'globalnetworksets', 'networkpolicies', 'networksets', 'clusterinformations', 'hostendpoints', 'blockaffinities', 'caliconodestatuses', 'tiers'];
  return [
    { ref: R.namespaces, obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: SYSTEM, labels: { name: SYSTEM, 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/enforce-version': 'latest' } } } },
    ...o.pools.map((p): Desired => ({
      ref: IPPOOLS,
      obj: {
        apiVersion: 'crd.projectcalico.org/v1',
        kind: 'IPPool',
        metadata: { name: p.name, labels: { 'app.kubernetes.io/managed-by': 'tigera-operator' } },
        spec: {
          allowedUses: ['Workload', 'Tunnel'],
          blockSize: p.blockSize,
          cidr: p.cidr,
          ipipMode: p.encapsulation.startsWith('IPIP') ? (p.encapsulation === 'IPIPCrossSubnet' ? 'CrossSubnet' : 'Always') : 'Never',
          natOutgoing: p.natOutgoing === 'Enabled',
          nodeSelector: p.nodeSelector,
          vxlanMode: p.encapsulation.startsWith('VXLAN') ? (p.encapsulation === 'VXLANCrossSubnet' ? 'CrossSubnet' : 'Always') : 'Never',
        },
      },
    })),
    ...['calico-node', 'calico-cni-plugin', 'calico-kube-controllers', 'calico-typha', 'csi-node-driver'].map((n) => serviceAccount(n)),
    ...clusterRbac('calico-node', [
      { apiGroups: [''], resources: ['pods', 'nodes', 'namespaces', 'serviceaccounts', 'endpoints', 'services'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['nodes/status'], verbs: ['patch', 'update'] },
      { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['watch', 'list'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['watch', 'list'] },
      { apiGroups: ['crd.projectcalico.org'], resources: calicoRead, verbs: ['get', 'list', 'watch', 'create', 'update'] },
    ]),
    ...clusterRbac('calico-cni-plugin', [
      { apiGroups: [''], resources: ['pods', 'nodes', 'namespaces'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods/status'], verbs: ['patch'] },
      { apiGroups: ['crd.projectcalico.org'], resources: ['blockaffinities', 'ipamblocks', 'ipamhandles', 'clusterinformations', 'ippools', 'ipreservations', 'ipamconfigs'], verbs: ['get', 'list', 'create', 'update', 'delete'] },
    ]),
    ...clusterRbac('calico-kube-controllers', [
      { apiGroups: [''], resources: ['nodes', 'pods'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['crd.projectcalico.org'], resources: ['ipreservations', 'ipamblocks', 'blockaffinities', 'ipamhandles', 'ipamconfigs', 'ippools', 'kubecontrollersconfigurations', 'clusterinformations', 'hostendpoints'], verbs: ['get', 'list', 'create', 'update', 'delete', 'watch'] },
    ]),
    ...clusterRbac('calico-typha', [
      { apiGroups: [''], resources: ['pods', 'nodes', 'namespaces', 'serviceaccounts', 'endpoints', 'services'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['crd.projectcalico.org'], resources: calicoRead, verbs: ['get', 'list', 'watch'] },
    ]),
    { ref: R.services, namespace: SYSTEM, obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'calico-typha', namespace: SYSTEM, labels: { 'k8s-app': 'calico-typha' } }, spec: { selector: { 'k8s-app': 'calico-typha' }, ports: [{ name: 'calico-typha', port: 5473, protocol: 'TCP', targetPort: 'calico-typha' }] } } },
    workload(
      'Deployment',
      'calico-typha',
      SYSTEM,
      {
        hostNetwork: true,
        serviceAccountName: 'calico-typha',
        priorityClassName: 'system-cluster-critical',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: ALL_TAINTS,
        terminationGracePeriodSeconds: 300,
        containers: [{ name: 'calico-typha', image: image('typha'), imagePullPolicy: 'IfNotPresent', ports: [{ name: 'calico-typha', containerPort: 5473, protocol: 'TCP' }], env: [{ name: 'TYPHA_LOGSEVERITYSCREEN', value: 'info' }, { name: 'TYPHA_DATASTORETYPE', value: 'kubernetes' }, { name: 'TYPHA_HEALTHENABLED', value: 'true' }, { name: 'TYPHA_HEALTHPORT', value: '9098' }, { name: 'TYPHA_K8SNAMESPACE', value: SYSTEM }] }],
      },
      { replicas: typhaReplicas(o.nodes), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: 1 } } },
    ),
    workload(
      'DaemonSet',
      'calico-node',
      SYSTEM,
      {
        hostNetwork: true,
        serviceAccountName: 'calico-node',
        priorityClassName: 'system-node-critical',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: ALL_TAINTS,
        terminationGracePeriodSeconds: 5,
        initContainers: [
          { name: 'flexvol-driver', image: image('pod2daemon-flexvol'), imagePullPolicy: 'IfNotPresent', securityContext: { privileged: true }, volumeMounts: [{ name: 'flexvol-driver-host', mountPath: '/host/driver' }] },
          {
            name: 'install-cni',
            image: image('cni'),
            imagePullPolicy: 'IfNotPresent',
            command: ['/opt/cni/bin/install'],
            securityContext: { privileged: true },
            env: [{ name: 'CNI_CONF_NAME', value: '10-calico.conflist' }, { name: 'SLEEP', value: 'false' }, { name: 'CNI_NET_DIR', value: '/etc/cni/net.d' }, { name: 'CNI_NETWORK_CONFIG', value: cniNetworkConfig(mtu, o.serviceHost) }, { name: 'KUBERNETES_SERVICE_HOST', value: o.serviceHost }, { name: 'KUBERNETES_SERVICE_PORT', value: '443' }],
            volumeMounts: [{ name: 'cni-bin-dir', mountPath: '/host/opt/cni/bin' }, { name: 'cni-net-dir', mountPath: '/host/etc/cni/net.d' }],
          },
        ],
        containers: [
          {
            name: 'calico-node',
            image: image('node'),
            imagePullPolicy: 'IfNotPresent',
            securityContext: { privileged: true },
            env: [
              { name: 'DATASTORE_TYPE', value: 'kubernetes' },
              { name: 'WAIT_FOR_DATASTORE', value: 'true' },
              { name: 'CLUSTER_TYPE', value: 'k8s,operator,bgp' },
              { name: 'CALICO_DISABLE_FILE_LOGGING', value: 'false' },
              { name: 'FELIX_DEFAULTENDPOINTTOHOSTACTION', value: 'ACCEPT' },
              { name: 'FELIX_HEALTHENABLED', value: 'true' },
              { name: 'FELIX_HEALTHPORT', value: '9099' },
              fieldRef('NODENAME', 'spec.nodeName'),
              fieldRef('NAMESPACE', 'metadata.namespace'),
              { name: 'FELIX_TYPHAK8SNAMESPACE', value: SYSTEM },
              { name: 'FELIX_TYPHAK8SSERVICENAME', value: 'calico-typha' },
              { name: 'NO_DEFAULT_POOLS', value: 'true' },
              { name: 'CALICO_MANAGE_CNI', value: 'true' },
              { name: 'CALICO_NETWORKING_BACKEND', value: backend },
              { name: 'IP', value: 'autodetect' },
              { name: 'IP_AUTODETECTION_METHOD', value: 'first-found' },
              { name: 'IP6', value: 'none' },
              { name: 'FELIX_IPV6SUPPORT', value: 'false' },
              { name: 'KUBERNETES_SERVICE_HOST', value: o.serviceHost },
              { name: 'KUBERNETES_SERVICE_PORT', value: '443' },
            ],
            lifecycle: { preStop: { exec: { command: ['/bin/calico-node', '-shutdown'] } } },
            readinessProbe: { exec: { command: ['/bin/calico-node', '-felix-ready', backend === 'bird' ? '-bird-ready' : '-felix-ready'] }, periodSeconds: 10, timeoutSeconds: 5 },
            livenessProbe: { exec: { command: ['/bin/calico-node', '-felix-live'] }, periodSeconds: 60, failureThreshold: 3, timeoutSeconds: 10 },
            volumeMounts: [
              { name: 'cni-log-dir', mountPath: '/var/log/calico/cni' },
              { name: 'cni-net-dir', mountPath: '/host/etc/cni/net.d' },
              { name: 'lib-modules', mountPath: '/lib/modules', readOnly: true },
              { name: 'policysync', mountPath: '/var/run/nodeagent' },
              { name: 'var-lib-calico', mountPath: '/var/lib/calico' },
              { name: 'var-run-calico', mountPath: '/var/run/calico' },
              { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
            ],
          },
        ],
        volumes: [
          hostPath('lib-modules', '/lib/modules'), hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'), hostPath('policysync', '/var/run/nodeagent', 'DirectoryOrCreate'),
          hostPath('var-run-calico', '/var/run/calico', 'DirectoryOrCreate'), hostPath('var-lib-calico', '/var/lib/calico', 'DirectoryOrCreate'), hostPath('cni-bin-dir', '/opt/cni/bin', 'DirectoryOrCreate'),
          hostPath('cni-net-dir', '/etc/cni/net.d'), hostPath('cni-log-dir', '/var/log/calico/cni'), hostPath('flexvol-driver-host', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec/nodeagent~uds', 'DirectoryOrCreate'),
        ],
      },
      { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } },
    ),
    workload(
      'Deployment',
      'calico-kube-controllers',
      SYSTEM,
      {
        serviceAccountName: 'calico-kube-controllers',
        priorityClassName: 'system-cluster-critical',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: CONTROL_PLANE,
        containers: [
          {
            name: 'calico-kube-controllers',
            image: image('kube-controllers'),
            imagePullPolicy: 'IfNotPresent',
            env: [{ name: 'KUBE_CONTROLLERS_CONFIG_NAME', value: 'default' }, { name: 'DATASTORE_TYPE', value: 'kubernetes' }, { name: 'ENABLED_CONTROLLERS', value: 'node,loadbalancer' }, { name: 'DISABLE_KUBE_CONTROLLERS_CONFIG_API', value: 'false' }],
            livenessProbe: { exec: { command: ['/usr/bin/check-status', '-l'] }, periodSeconds: 60, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
            readinessProbe: { exec: { command: ['/usr/bin/check-status', '-r'] }, periodSeconds: 30, timeoutSeconds: 10 },
          },
        ],
      },
      { replicas: 1, strategy: { type: 'Recreate' } },
    ),
    workload(
      'DaemonSet',
      'csi-node-driver',
      SYSTEM,
      {
        serviceAccountName: 'csi-node-driver',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: ALL_TAINTS,
        containers: [
          { name: 'calico-csi', image: image('csi'), imagePullPolicy: 'IfNotPresent', args: ['--nodeid=$(KUBE_NODE_NAME)', '--loglevel=$(LOG_LEVEL)'], env: [{ name: 'LOG_LEVEL', value: 'warn' }, fieldRef('KUBE_NODE_NAME', 'spec.nodeName')], securityContext: { privileged: true } },
          { name: 'csi-node-driver-registrar', image: image('node-driver-registrar'), imagePullPolicy: 'IfNotPresent', args: ['--v=5', '--csi-address=$(ADDRESS)', '--kubelet-registration-path=$(DRIVER_REG_SOCK_PATH)'], env: [{ name: 'ADDRESS', value: '/csi/csi.sock' }, { name: 'DRIVER_REG_SOCK_PATH', value: '/var/lib/kubelet/plugins/csi.tigera.io/csi.sock' }, fieldRef('KUBE_NODE_NAME', 'spec.nodeName')], securityContext: { privileged: true } },
        ],
      },
      { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } },
    ),
  ];
}

/** apiServerComponents are what an APIServer "default" adds: the calico-apiserver namespace and Deployment (two replicas) and its Service. */
export function apiServerComponents(version: string): Desired[] {
  return [
    { ref: R.namespaces, obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: APISERVER_NS, labels: { name: APISERVER_NS, 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/enforce-version': 'latest' } } } },
    serviceAccount('calico-apiserver', APISERVER_NS),
    { ref: R.services, namespace: APISERVER_NS, obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'calico-api', namespace: APISERVER_NS }, spec: { selector: { apiserver: 'true' }, ports: [{ name: 'apiserver', port: 443, protocol: 'TCP', targetPort: 5443 }] } } },
    workload(
      'Deployment',
      'calico-apiserver',
      APISERVER_NS,
      {
        serviceAccountName: 'calico-apiserver',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: CONTROL_PLANE,
        containers: [{ name: 'calico-apiserver', image: `docker.io/calico/apiserver:${version}`, imagePullPolicy: 'IfNotPresent', args: ['--secure-port=5443', '--tls-private-key-file=/calico-apiserver-certs/tls.key', '--tls-cert-file=/calico-apiserver-certs/tls.crt'], env: [{ name: 'DATASTORE_TYPE', value: 'kubernetes' }], ports: [{ containerPort: 5443, protocol: 'TCP' }] }],
      },
      { replicas: 2, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } },
      { apiserver: 'true' },
    ),
  ];
}
