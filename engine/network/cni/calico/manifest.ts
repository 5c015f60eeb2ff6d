import { stringify } from 'yaml';
import { registerDownload } from '../../../host/downloads.ts';

/** CALICO_VERSIONS are the releases whose manifests the lab mirrors (the same manifest, its images tagged per release). */
export const CALICO_VERSIONS = ['v3.29.1', 'v3.28.2', 'v3.27.3'];

/** calicoUrls are where a release's manifest-based install (calico.yaml) is published. */
export function calicoUrls(version: string): string[] {
  return [`https://raw.githubusercontent.com/projectcalico/calico/${version}/manifests/calico.yaml`, `https://github.com/projectcalico/calico/releases/download/${version}/calico.yaml`];
}

/** The kinds of crd.projectcalico.org (namespaced: false unless said), as calico.yaml installs them. */
const CRDS: [kind: string, plural: string, namespaced?: boolean][] = [
  ['BGPConfiguration', 'bgpconfigurations'], ['BGPFilter', 'bgpfilters'], ['BGPPeer', 'bgppeers'], ['BlockAffinity', 'blockaffinities'],
  ['CalicoNodeStatus', 'caliconodestatuses'], ['ClusterInformation', 'clusterinformations'], ['FelixConfiguration', 'felixconfigurations'],
  ['GlobalNetworkPolicy', 'globalnetworkpolicies'], ['GlobalNetworkSet', 'globalnetworksets'], ['HostEndpoint', 'hostendpoints'],
  ['IPAMBlock', 'ipamblocks'], ['IPAMConfig', 'ipamconfigs'], ['IPAMHandle', 'ipamhandles'], ['IPPool', 'ippools'], ['IPReservation', 'ipreservations'],
  ['KubeControllersConfiguration', 'kubecontrollersconfigurations'], ['NetworkPolicy', 'networkpolicies', true], ['NetworkSet', 'networksets', true], ['Tier', 'tiers'],
];

/** calicoCrds are the crd.projectcalico.org CustomResourceDefinitions, which calico.yaml and tigera-operator.yaml both install. */
export function calicoCrds(): object[] {
  return CRDS.map(([kind, plural, namespaced]) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.crd.projectcalico.org` },
    spec: {
      group: 'crd.projectcalico.org',
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
      preserveUnknownFields: false,
      scope: namespaced ? 'Namespaced' : 'Cluster',
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } } } }],
    },
  }));
}

/** CNI_NETWORK_CONFIG is calico-config's template install-cni fills in for each node. */
export const CNI_NETWORK_CONFIG = `{
  "name": "k8s-pod-network",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "calico",
      "log_level": "info",
      "log_file_path": "/var/log/calico/cni/cni.log",
      "datastore_type": "kubernetes",
      "nodename": "__KUBERNETES_NODE_NAME__",
      "mtu": __CNI_MTU__,
      "ipam": {
          "type": "calico-ipam"
      },
      "policy": {
          "type": "k8s"
      },
      "kubernetes": {
          "kubeconfig": "__KUBECONFIG_FILEPATH__"
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

const fieldRef = (path: string) => ({ valueFrom: { fieldRef: { fieldPath: path } } });
const fromConfig = (key: string) => ({ valueFrom: { configMapKeyRef: { name: 'calico-config', key } } });
const hostPath = (name: string, path: string, type?: string) => ({ name, hostPath: { path, ...(type ? { type } : {}) } });

/**
 * calicoManifest is calico.yaml (the manifest install for clusters of up to
 * 50 nodes): the crd.projectcalico.org kinds, RBAC, the calico-config
 * ConfigMap, the calico-node DaemonSet whose install-cni init container
 * writes the CNI configuration to every node, and calico-kube-controllers.
 * The IP pool is CALICO_IPV4POOL_CIDR (commented out: 192.168.0.0/16).
 */
export function calicoManifest(version: string): string {
  const image = (name: string) => `docker.io/calico/${name}:${version}`;
  const labels = (app: string) => ({ 'k8s-app': app });
  const docs: object[] = [
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'calico-kube-controllers', namespace: 'kube-system', labels: labels('calico-kube-controllers') }, spec: { maxUnavailable: 1, selector: { matchLabels: labels('calico-kube-controllers') } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'calico-kube-controllers', namespace: 'kube-system' } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'calico-node', namespace: 'kube-system' } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'calico-cni-plugin', namespace: 'kube-system' } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'calico-config', namespace: 'kube-system' },
      data: { typha_service_name: 'none', calico_backend: 'bird', veth_mtu: '0', cni_network_config: CNI_NETWORK_CONFIG },
    },
    ...calicoCrds(),
    ...rbac('calico-kube-controllers', [
      { apiGroups: [''], resources: ['nodes'], verbs: ['watch', 'list', 'get'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['crd.projectcalico.org'], resources: ['ipreservations', 'ipamblocks', 'blockaffinities', 'ipamhandles', 'ipamconfigs', 'ippools', 'kubecontrollersconfigurations', 'clusterinformations', 'hostendpoints'], verbs: ['get', 'list', 'create', 'update', 'delete', 'watch'] },
    ]),
    ...rbac('calico-node', [
      { apiGroups: [''], resources: ['pods', 'nodes', 'namespaces'], verbs: ['get'] },
      { apiGroups: [''], resources: ['endpoints', 'services'], verbs: ['watch', 'list', 'get'] },
      { apiGroups: [''], resources: ['nodes/status'], verbs: ['patch', 'update'] },
      { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['watch', 'list'] },
      { apiGroups: [''], resources: ['pods', 'namespaces', 'serviceaccounts'], verbs: ['list', 'watch'] },
      { apiGroups: ['crd.projectcalico.org'], resources: ['globalfelixconfigs', 'felixconfigurations', 'bgppeers', 'bgpfilters', 'globalbgpconfigs', 'bgpconfigurations', 'ippools', 'ipreservations', 'ipamblocks', 'globalnetworkpolicies', 'globalnetworksets', 'networkpolicies', 'networksets', 'clusterinformations', 'hostendpoints', 'blockaffinities', 'caliconodestatuses', 'tiers'], verbs: ['get', 'list', 'watch', 'create', 'update'] },
    ]),
    ...rbac('calico-cni-plugin', [
      { apiGroups: [''], resources: ['pods', 'nodes', 'namespaces'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods/status'], verbs: ['patch'] },
      { apiGroups: ['crd.projectcalico.org'], resources: ['blockaffinities', 'ipamblocks', 'ipamhandles', 'clusterinformations', 'ippools', 'ipreservations', 'ipamconfigs'], verbs: ['get', 'list', 'create', 'update', 'delete'] },
    ]),
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'calico-node', namespace: 'kube-system', labels: labels('calico-node') },
      spec: {
        selector: { matchLabels: labels('calico-node') },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        template: {
          metadata: { labels: labels('calico-node') },
          spec: {
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            hostNetwork: true,
            tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }, { key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }],
            serviceAccountName: 'calico-node',
            terminationGracePeriodSeconds: 0,
            priorityClassName: 'system-node-critical',
            initContainers: [
              { name: 'upgrade-ipam', image: image('cni'), imagePullPolicy: 'IfNotPresent', command: ['/opt/cni/bin/calico-ipam', '-upgrade'], envFrom: [{ configMapRef: { name: 'kubernetes-services-endpoint', optional: true } }], env: [{ name: 'KUBERNETES_NODE_NAME', ...fieldRef('spec.nodeName') }, { name: 'CALICO_NETWORKING_BACKEND', ...fromConfig('calico_backend') }], volumeMounts: [{ mountPath: '/var/lib/cni/networks', name: 'host-local-net-dir' }, { mountPath: '/host/opt/cni/bin', name: 'cni-bin-dir' }], securityContext: { privileged: true } },
              {
                name: 'install-cni',
                image: image('cni'),
                imagePullPolicy: 'IfNotPresent',
                command: ['/opt/cni/bin/install'],
                envFrom: [{ configMapRef: { name: 'kubernetes-services-endpoint', optional: true } }],
                env: [{ name: 'CNI_CONF_NAME', value: '10-calico.conflist' }, { name: 'CNI_NETWORK_CONFIG', ...fromConfig('cni_network_config') }, { name: 'KUBERNETES_NODE_NAME', ...fieldRef('spec.nodeName') }, { name: 'CNI_MTU', ...fromConfig('veth_mtu') }, { name: 'SLEEP', value: 'false' }],
                volumeMounts: [{ mountPath: '/host/opt/cni/bin', name: 'cni-bin-dir' }, { mountPath: '/host/etc/cni/net.d', name: 'cni-net-dir' }],
                securityContext: { privileged: true },
              },
              { name: 'mount-bpffs', image: image('node'), imagePullPolicy: 'IfNotPresent', command: ['calico-node', '-init', '-best-effort'], volumeMounts: [{ mountPath: '/sys/fs', name: 'sys-fs', mountPropagation: 'Bidirectional' }, { mountPath: '/var/run/calico', name: 'var-run-calico', mountPropagation: 'Bidirectional' }, { mountPath: '/nodeproc', name: 'nodeproc', readOnly: true }], securityContext: { privileged: true } },
            ],
            containers: [
              {
                name: 'calico-node',
                image: image('node'),
                imagePullPolicy: 'IfNotPresent',
                envFrom: [{ configMapRef: { name: 'kubernetes-services-endpoint', optional: true } }],
                env: [
                  { name: 'DATASTORE_TYPE', value: 'kubernetes' },
                  { name: 'WAIT_FOR_DATASTORE', value: 'true' },
                  { name: 'NODENAME', ...fieldRef('spec.nodeName') },
                  { name: 'CALICO_NETWORKING_BACKEND', ...fromConfig('calico_backend') },
                  { name: 'CLUSTER_TYPE', value: 'k8s,bgp' },
                  { name: 'IP', value: 'autodetect' },
                  { name: 'CALICO_IPV4POOL_IPIP', value: 'Always' },
                  { name: 'CALICO_IPV4POOL_VXLAN', value: 'Never' },
                  { name: 'CALICO_IPV6POOL_VXLAN', value: 'Never' },
                  { name: 'FELIX_IPINIPMTU', ...fromConfig('veth_mtu') },
                  { name: 'FELIX_VXLANMTU', ...fromConfig('veth_mtu') },
                  { name: 'FELIX_WIREGUARDMTU', ...fromConfig('veth_mtu') },
                  { name: 'CALICO_DISABLE_FILE_LOGGING', value: 'true' },
                  { name: 'FELIX_DEFAULTENDPOINTTOHOSTACTION', value: 'ACCEPT' },
                  { name: 'FELIX_IPV6SUPPORT', value: 'false' },
                  { name: 'FELIX_HEALTHENABLED', value: 'true' },
                ],
                securityContext: { privileged: true },
                resources: { requests: { cpu: '250m' } },
                lifecycle: { preStop: { exec: { command: ['/bin/calico-node', '-shutdown'] } } },
                livenessProbe: { exec: { command: ['/bin/calico-node', '-felix-live', '-bird-live'] }, periodSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
                readinessProbe: { exec: { command: ['/bin/calico-node', '-felix-ready', '-bird-ready'] }, periodSeconds: 10, timeoutSeconds: 10 },
                volumeMounts: [
                  { mountPath: '/host/etc/cni/net.d', name: 'cni-net-dir', readOnly: false },
                  { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
                  { mountPath: '/run/xtables.lock', name: 'xtables-lock', readOnly: false },
                  { mountPath: '/var/run/calico', name: 'var-run-calico', readOnly: false },
                  { mountPath: '/var/lib/calico', name: 'var-lib-calico', readOnly: false },
                  { name: 'policysync', mountPath: '/var/run/nodeagent' },
                  { name: 'bpffs', mountPath: '/sys/fs/bpf' },
                  { name: 'cni-log-dir', mountPath: '/var/log/calico/cni', readOnly: true },
                ],
              },
            ],
            volumes: [
              hostPath('lib-modules', '/lib/modules'), hostPath('var-run-calico', '/var/run/calico', 'DirectoryOrCreate'), hostPath('var-lib-calico', '/var/lib/calico', 'DirectoryOrCreate'),
              hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'), hostPath('sys-fs', '/sys/fs/', 'DirectoryOrCreate'), hostPath('bpffs', '/sys/fs/bpf', 'Directory'),
              hostPath('nodeproc', '/proc'), hostPath('cni-bin-dir', '/opt/cni/bin', 'DirectoryOrCreate'), hostPath('cni-net-dir', '/etc/cni/net.d'),
              hostPath('cni-log-dir', '/var/log/calico/cni'), hostPath('host-local-net-dir', '/var/lib/cni/networks'), hostPath('policysync', '/var/run/nodeagent', 'DirectoryOrCreate'),
            ],
          },
        },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'calico-kube-controllers', namespace: 'kube-system', labels: labels('calico-kube-controllers') },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels('calico-kube-controllers') },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { name: 'calico-kube-controllers', namespace: 'kube-system', labels: labels('calico-kube-controllers') },
          spec: {
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
            serviceAccountName: 'calico-kube-controllers',
            priorityClassName: 'system-cluster-critical',
            containers: [
              {
                name: 'calico-kube-controllers',
                image: image('kube-controllers'),
                imagePullPolicy: 'IfNotPresent',
                env: [{ name: 'ENABLED_CONTROLLERS', value: 'node,loadbalancer' }, { name: 'DATASTORE_TYPE', value: 'kubernetes' }],
                livenessProbe: { exec: { command: ['/usr/bin/check-status', '-l'] }, periodSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
                readinessProbe: { exec: { command: ['/usr/bin/check-status', '-r'] }, periodSeconds: 10 },
              },
            ],
          },
        },
      },
    },
  ];
  return `---\n# Source: calico/templates/calico-kube-controllers.yaml\n${docs.map((d) => withPoolComment(stringify(d))).join('---\n')}`;
}

/**
 * withPoolComment puts back the commented-out CALICO_IPV4POOL_CIDR of the
 * calico-node environment, which installers uncomment to set the pool.
 */
function withPoolComment(doc: string): string {
  return doc.replace(/^( *)- name: CALICO_DISABLE_FILE_LOGGING$/m, (line, indent: string) =>
    [
      '# The default IPv4 pool to create on startup if none exists. Pod IPs will be',
      '# chosen from this range. Changing this value after installation will have',
      '# no effect. This should fall within `--cluster-cidr`.',
      '# - name: CALICO_IPV4POOL_CIDR',
      '#   value: "192.168.0.0/16"',
    ]
      .map((c) => indent + c)
      .join('\n') + `\n${line}`,
  );
}

function rbac(name: string, rules: object[]): object[] {
  return [
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name }, subjects: [{ kind: 'ServiceAccount', name, namespace: 'kube-system' }] },
  ];
}

for (const v of CALICO_VERSIONS) for (const url of calicoUrls(v)) registerDownload(url, () => calicoManifest(v));
