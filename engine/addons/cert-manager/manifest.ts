import { stringify } from 'yaml';
import { registerDownload } from '../../host/downloads.ts';
import { CERT_MANAGER_CRDS } from './crds.ts';

/** CERT_MANAGER_VERSION is the release the lab mirrors. */
export const CERT_MANAGER_VERSION = 'v1.16.2';
/** CERT_MANAGER_URL is where the release's install manifest is published. */
export const CERT_MANAGER_URL = `https://github.com/cert-manager/cert-manager/releases/download/${CERT_MANAGER_VERSION}/cert-manager.yaml`;

const NS = 'cert-manager';

function labels(component: string, name = `cert-manager-${component}`): Record<string, string> {
  return { app: component === 'controller' ? 'cert-manager' : component, 'app.kubernetes.io/component': component, 'app.kubernetes.io/instance': 'cert-manager', 'app.kubernetes.io/name': name === 'cert-manager-controller' ? 'cert-manager' : component, 'app.kubernetes.io/version': CERT_MANAGER_VERSION };
}

function deployment(name: string, component: string, image: string, args: string[], port: number): Record<string, unknown> {
  const l = labels(component);
  const match = { 'app.kubernetes.io/component': component, 'app.kubernetes.io/instance': 'cert-manager', 'app.kubernetes.io/name': l['app.kubernetes.io/name'] };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS, labels: l },
    spec: {
      replicas: 1,
      selector: { matchLabels: match },
      template: {
        metadata: { labels: l },
        spec: {
          serviceAccountName: name,
          enableServiceLinks: false,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: component === 'controller' ? 'cert-manager-controller' : `cert-manager-${component}`,
              image: `quay.io/jetstack/${image}:${CERT_MANAGER_VERSION}`,
              imagePullPolicy: 'IfNotPresent',
              args,
              ports: [{ containerPort: port, name: component === 'webhook' ? 'https' : 'http-metrics', protocol: 'TCP' }],
              env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
            },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  };
}

function rbac(name: string, rules: object[]): Record<string, unknown>[] {
  return [
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name, labels: labels('controller') }, rules },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels: labels('controller') },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ kind: 'ServiceAccount', name: 'cert-manager', namespace: NS }],
    },
  ];
}

/**
 * certManagerObjects is the release's install manifest: the namespace, the
 * CRDs, the ServiceAccounts and RBAC of the controller, and the controller,
 * cainjector and webhook Deployments with their Services.
 */
export function certManagerObjects(): Record<string, unknown>[] {
  const sa = (name: string, component: string) => ({ apiVersion: 'v1', kind: 'ServiceAccount', automountServiceAccountToken: true, metadata: { name, namespace: NS, labels: labels(component) } });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    ...CERT_MANAGER_CRDS,
    sa('cert-manager-cainjector', 'cainjector'),
    sa('cert-manager', 'controller'),
    sa('cert-manager-webhook', 'webhook'),
    ...rbac('cert-manager-controller-issuers', [
      { apiGroups: ['cert-manager.io'], resources: ['issuers', 'issuers/status'], verbs: ['update', 'patch'] },
      { apiGroups: ['cert-manager.io'], resources: ['issuers'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch', 'create', 'update', 'delete'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
    ]),
    ...rbac('cert-manager-controller-clusterissuers', [
      { apiGroups: ['cert-manager.io'], resources: ['clusterissuers', 'clusterissuers/status'], verbs: ['update', 'patch'] },
      { apiGroups: ['cert-manager.io'], resources: ['clusterissuers'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch', 'create', 'update', 'delete'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
    ]),
    ...rbac('cert-manager-controller-certificates', [
      { apiGroups: ['cert-manager.io'], resources: ['certificates', 'certificates/status', 'certificaterequests', 'certificaterequests/status'], verbs: ['update', 'patch'] },
      { apiGroups: ['cert-manager.io'], resources: ['certificates', 'certificaterequests', 'clusterissuers', 'issuers'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch', 'create', 'update', 'delete', 'patch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
    ]),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'cert-manager', namespace: NS, labels: labels('controller') },
      spec: { type: 'ClusterIP', ports: [{ name: 'tcp-prometheus-servicemonitor', port: 9402, protocol: 'TCP', targetPort: 'http-metrics' }], selector: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'cert-manager', 'app.kubernetes.io/name': 'cert-manager' } },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'cert-manager-webhook', namespace: NS, labels: labels('webhook') },
      spec: { type: 'ClusterIP', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }], selector: { 'app.kubernetes.io/component': 'webhook', 'app.kubernetes.io/instance': 'cert-manager', 'app.kubernetes.io/name': 'webhook' } },
    },
    deployment('cert-manager-cainjector', 'cainjector', 'cert-manager-cainjector', ['--v=2', '--leader-election-namespace=kube-system'], 9402),
    deployment('cert-manager', 'controller', 'cert-manager-controller', ['--v=2', '--cluster-resource-namespace=$(POD_NAMESPACE)', '--leader-election-namespace=kube-system', '--acme-http01-solver-image=quay.io/jetstack/cert-manager-acmesolver:v1.16.2', '--max-concurrent-challenges=60'], 9402),
    deployment('cert-manager-webhook', 'webhook', 'cert-manager-webhook', ['--v=2', '--secure-port=10250', '--dynamic-serving-ca-secret-namespace=$(POD_NAMESPACE)', '--dynamic-serving-ca-secret-name=cert-manager-webhook-ca', '--dynamic-serving-dns-names=cert-manager-webhook,cert-manager-webhook.$(POD_NAMESPACE),cert-manager-webhook.$(POD_NAMESPACE).svc'], 10250),
  ];
}

/** certManagerManifest is the install manifest as the release publishes it: one YAML stream. */
export function certManagerManifest(): string {
  return certManagerObjects()
    .map((o) => `---\n# Source: cert-manager/templates/${String(o.kind).toLowerCase()}.yaml\n${stringify(o, { lineWidth: 0 })}`)
    .join('');
}

registerDownload(CERT_MANAGER_URL, certManagerManifest);
