import { rfc3339 } from '../../base/clock.ts';
import { refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { onEachApiserver, type ComponentContext, type RunningComponent } from '../../cluster/boot/components.ts';
import { deployment, ensure } from '../ensure.ts';
import { METRICS_RESOURCES } from './resources.ts';
import { startMetricsServer } from './server.ts';

/** APISERVICES is apiregistration.k8s.io/v1 apiservices. */
const APISERVICES = refOf('apiregistration.k8s.io/v1', 'apiservices', false);
const LABELS = { 'k8s-app': 'metrics-server' };

/**
 * startMetricsServerAddon installs metrics-server as its components.yaml
 * does (ServiceAccount, Service, Deployment in kube-system, the APIService
 * v1beta1.metrics.k8s.io) and serves metrics.k8s.io through the apiserver.
 */
export function startMetricsServerAddon(ctx: ComponentContext): RunningComponent[] {
  if (ctx.cluster.spec.installed === false || !ctx.cluster.spec.addons.some((a) => a.name === 'metrics-server')) return [];
  const apiserver = ctx.cluster.apiserver;
  const admin = ctx.cluster.admin;
  ensure(admin, R.serviceaccounts, 'kube-system', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'metrics-server', namespace: 'kube-system', labels: LABELS } });
  ensure(admin, R.clusterroles, undefined, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'system:aggregated-metrics-reader', labels: { ...LABELS, 'rbac.authorization.k8s.io/aggregate-to-admin': 'true', 'rbac.authorization.k8s.io/aggregate-to-edit': 'true', 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
    rules: [{ apiGroups: ['metrics.k8s.io'], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] }],
  });
  ensure(admin, R.clusterroles, undefined, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'system:metrics-server', labels: LABELS },
    rules: [
      { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  ensure(admin, R.clusterrolebindings, undefined, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'system:metrics-server', labels: LABELS },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:metrics-server' },
    subjects: [{ kind: 'ServiceAccount', name: 'metrics-server', namespace: 'kube-system' }],
  });
  ensure(admin, R.services, 'kube-system', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'metrics-server', namespace: 'kube-system', labels: LABELS }, spec: { selector: LABELS, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }] } });
  ensure(
    admin,
    R.deployments,
    'kube-system',
    deployment('kube-system', 'metrics-server', LABELS, {
      serviceAccountName: 'metrics-server',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      containers: [
        {
          name: 'metrics-server',
          image: 'registry.k8s.io/metrics-server/metrics-server:v0.8.0',
          imagePullPolicy: 'IfNotPresent',
          args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s', '--kubelet-insecure-tls'],
          ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
          resources: { requests: { cpu: '100m', memory: '200Mi' } },
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1000, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
        },
      ],
    }),
  );
  ensure(admin, APISERVICES, undefined, {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name: 'v1beta1.metrics.k8s.io', labels: LABELS },
    spec: { group: 'metrics.k8s.io', version: 'v1beta1', groupPriorityMinimum: 100, versionPriority: 100, insecureSkipTLSVerify: true, service: { name: 'metrics-server', namespace: 'kube-system', port: 443 } },
  });
  try {
    const svc = admin.get(APISERVICES, undefined, 'v1beta1.metrics.k8s.io');
    if (!(svc.status as { conditions?: unknown[] } | undefined)?.conditions?.length) {
      admin.updateStatus(APISERVICES, { ...svc, status: { conditions: [{ type: 'Available', status: 'True', reason: 'Passed', message: 'all checks passed', lastTransitionTime: rfc3339(ctx.runtime.now) }] } });
    }
  } catch {
    // APIService not served or without status: the API is still available
  }
  const server = startMetricsServer({ runtime: ctx.runtime, client: ctx.clientFor('system:serviceaccount:kube-system:metrics-server', ['system:serviceaccounts', 'system:serviceaccounts:kube-system']) });
  // The aggregation layer of each apiserver instance serves metrics.k8s.io.
  const served = onEachApiserver(ctx, (api) => {
    for (const def of METRICS_RESOURCES) if (!api.registry.lookup(def.group, def.version, def.plural)) api.registry.add(def);
    api.connectors['metrics.k8s.io/nodes'] = server.serve;
    api.connectors['metrics.k8s.io/pods'] = server.serve;
  });
  return [
    {
      name: 'metrics-server',
      stop: () => {
        served.stop();
        server.stop();
        const api = served.current();
        if (api) {
          delete api.connectors['metrics.k8s.io/nodes'];
          delete api.connectors['metrics.k8s.io/pods'];
          for (const def of METRICS_RESOURCES) api.registry.remove(def.group, def.version, def.plural);
        }
      },
    },
  ];
}
