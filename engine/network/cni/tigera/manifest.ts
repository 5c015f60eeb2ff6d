import { stringify } from 'yaml';
import { registerDownload } from '../../../host/downloads.ts';
import { calicoCrds } from '../calico/manifest.ts';
import { operatorCrds } from './crds.ts';

/** TIGERA_RELEASES pairs each mirrored Calico release with the tigera operator its tigera-operator.yaml runs. */
export const TIGERA_RELEASES: { calico: string; operator: string }[] = [
  { calico: 'v3.29.1', operator: 'v1.36.2' },
  { calico: 'v3.28.2', operator: 'v1.34.5' },
  { calico: 'v3.27.3', operator: 'v1.32.7' },
];

/** operatorUrls are where a release's operator install is published. */
export function operatorUrls(calico: string): string[] {
  return [`https://raw.githubusercontent.com/projectcalico/calico/${calico}/manifests/tigera-operator.yaml`, `https://github.com/projectcalico/calico/releases/download/${calico}/tigera-operator.yaml`];
}

/** customResourcesUrls are where a release's example Installation and APIServer are published. */
export function customResourcesUrls(calico: string): string[] {
  return [`https://raw.githubusercontent.com/projectcalico/calico/${calico}/manifests/custom-resources.yaml`, `https://github.com/projectcalico/calico/releases/download/${calico}/custom-resources.yaml`];
}

const OPERATOR_RULES = [
  { apiGroups: [''], resources: ['namespaces', 'pods', 'podtemplates', 'services', 'endpoints', 'events', 'configmaps', 'secrets', 'serviceaccounts'], verbs: ['create', 'get', 'list', 'update', 'delete', 'watch'] },
  { apiGroups: [''], resources: ['resourcequotas'], verbs: ['list', 'get', 'watch'] },
  { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'patch', 'list', 'watch'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles', 'clusterrolebindings', 'rolebindings', 'roles'], verbs: ['create', 'get', 'list', 'update', 'delete', 'watch', 'bind', 'escalate'] },
  { apiGroups: ['apps'], resources: ['deployments', 'daemonsets', 'statefulsets'], verbs: ['create', 'get', 'list', 'patch', 'update', 'delete', 'watch'] },
  { apiGroups: ['apps'], resourceNames: ['tigera-operator'], resources: ['deployments/finalizers'], verbs: ['update'] },
  { apiGroups: ['operator.tigera.io'], resources: ['apiservers', 'apiservers/status', 'apiservers/finalizers', 'imagesets', 'installations', 'installations/status', 'installations/finalizers', 'tigerastatuses', 'tigerastatuses/status', 'tigerastatuses/finalizers'], verbs: ['get', 'list', 'update', 'patch', 'watch', 'create', 'delete'] },
  { apiGroups: ['apiregistration.k8s.io'], resources: ['apiservices'], verbs: ['list', 'watch', 'create', 'update'] },
  { apiGroups: ['crd.projectcalico.org'], resources: ['felixconfigurations', 'ippools', 'kubecontrollersconfigurations', 'bgpconfigurations', 'clusterinformations'], verbs: ['create', 'patch', 'list', 'get', 'watch', 'update', 'delete'] },
  { apiGroups: ['scheduling.k8s.io'], resources: ['priorityclasses'], verbs: ['list', 'watch'] },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: ['list', 'watch', 'create', 'update', 'delete'] },
  { apiGroups: ['storage.k8s.io'], resources: ['csidrivers'], verbs: ['list', 'watch', 'update', 'get', 'create', 'delete'] },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create', 'get', 'list', 'update', 'delete', 'watch'] },
];

/**
 * tigeraOperatorManifest is tigera-operator.yaml: the crd.projectcalico.org
 * and operator.tigera.io CustomResourceDefinitions, the tigera-operator
 * namespace, its RBAC and the operator Deployment (host network, so it runs
 * before any CNI). The Installation CRD is too large for `kubectl apply`'s
 * last-applied annotation, which is why the install says `kubectl create`.
 */
export function tigeraOperatorManifest(operator: string): string {
  const docs: object[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tigera-operator', labels: { name: 'tigera-operator', 'pod-security.kubernetes.io/enforce': 'privileged' } } },
    ...calicoCrds(),
    ...operatorCrds(),
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'tigera-operator', namespace: 'tigera-operator' } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'tigera-operator' }, rules: OPERATOR_RULES },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'tigera-operator' }, subjects: [{ kind: 'ServiceAccount', name: 'tigera-operator', namespace: 'tigera-operator' }], roleRef: { kind: 'ClusterRole', name: 'tigera-operator', apiGroup: 'rbac.authorization.k8s.io' } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'tigera-operator', namespace: 'tigera-operator', labels: { 'k8s-app': 'tigera-operator' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { name: 'tigera-operator' } },
        template: {
          metadata: { labels: { name: 'tigera-operator', 'k8s-app': 'tigera-operator' } },
          spec: {
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: [{ effect: 'NoExecute', operator: 'Exists' }, { effect: 'NoSchedule', operator: 'Exists' }],
            serviceAccountName: 'tigera-operator',
            hostNetwork: true,
            dnsPolicy: 'ClusterFirstWithHostNet',
            containers: [
              {
                name: 'tigera-operator',
                image: `quay.io/tigera/operator:${operator}`,
                imagePullPolicy: 'IfNotPresent',
                command: ['operator'],
                volumeMounts: [{ name: 'var-lib-calico', readOnly: true, mountPath: '/var/lib/calico' }],
                env: [
                  { name: 'WATCH_NAMESPACE', value: '' },
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  { name: 'OPERATOR_NAME', value: 'tigera-operator' },
                  { name: 'TIGERA_OPERATOR_INIT_IMAGE_VERSION', value: operator },
                ],
                envFrom: [{ configMapRef: { name: 'kubernetes-services-endpoint', optional: true } }],
              },
            ],
            volumes: [{ name: 'var-lib-calico', hostPath: { path: '/var/lib/calico' } }],
          },
        },
      },
    },
  ];
  // Shared schema pieces are written out in full each time, as controller-gen writes them (no YAML anchors).
  return docs.map((d) => `---\n${stringify(d, { aliasDuplicateObjects: false, lineWidth: 0 })}`).join('');
}

/** customResourcesManifest is custom-resources.yaml: the example Installation (pool 192.168.0.0/16, which installers change to their pod network) and APIServer. */
export function customResourcesManifest(): string {
  return `# This section includes base Calico installation configuration.
# For more information, see: https://docs.tigera.io/calico/latest/reference/installation/api#operator.tigera.io/v1.Installation
apiVersion: operator.tigera.io/v1
kind: Installation
metadata:
  name: default
spec:
  # Configures Calico networking.
  calicoNetwork:
    ipPools:
    - name: default-ipv4-ippool
      blockSize: 26
      cidr: 192.168.0.0/16
      encapsulation: VXLANCrossSubnet
      natOutgoing: Enabled
      nodeSelector: all()

---

# This section configures the Calico API server.
# For more information, see: https://docs.tigera.io/calico/latest/reference/installation/api#operator.tigera.io/v1.APIServer
apiVersion: operator.tigera.io/v1
kind: APIServer
metadata:
  name: default
spec: {}

`;
}

for (const r of TIGERA_RELEASES) {
  for (const url of operatorUrls(r.calico)) registerDownload(url, () => tigeraOperatorManifest(r.operator));
  for (const url of customResourcesUrls(r.calico)) registerDownload(url, customResourcesManifest);
}
