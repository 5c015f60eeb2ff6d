import type { KObject } from '../../api/types.ts';
import type { PolicyRule } from '../authz/rbac-rules.ts';
import { clusterRole, EVENTS, r } from './rules.ts';

/**
 * The system:controller:<name> ClusterRoles, one per kube-controller-manager
 * controller that runs with --use-service-account-credentials
 * (bootstrappolicy/controller_policy.go; testdata/controller-roles.yaml).
 */

const READ = 'get,list,watch';
const ALL = 'create,delete,get,list,patch,update,watch';

/** CONTROLLER_RULES maps each controller's service account name to its rules. */
export const CONTROLLER_RULES: Record<string, PolicyRule[]> = {
  'attachdetach-controller': [
    r('list,watch', '', 'persistentvolumeclaims,persistentvolumes'),
    r(READ, '', 'nodes'),
    r('patch,update', '', 'nodes/status'),
    r('list,watch', '', 'pods'),
    EVENTS,
    r('create,delete,get,list,watch', 'storage.k8s.io', 'volumeattachments'),
    r(READ, 'storage.k8s.io', 'csidrivers'),
    r(READ, 'storage.k8s.io', 'csinodes'),
  ],
  'certificate-controller': [
    r('delete,get,list,watch', 'certificates.k8s.io', 'certificatesigningrequests'),
    r('update', 'certificates.k8s.io', 'certificatesigningrequests/approval,certificatesigningrequests/status'),
    r('approve', 'certificates.k8s.io', 'signers', 'kubernetes.io/kube-apiserver-client-kubelet'),
    r('sign', 'certificates.k8s.io', 'signers', 'kubernetes.io/kube-apiserver-client,kubernetes.io/kube-apiserver-client-kubelet,kubernetes.io/kubelet-serving,kubernetes.io/legacy-unknown'),
    r('create', 'authorization.k8s.io', 'subjectaccessreviews'),
    EVENTS,
  ],
  'clusterrole-aggregation-controller': [r('escalate,get,list,patch,update,watch', 'rbac.authorization.k8s.io', 'clusterroles')],
  'cronjob-controller': [
    r('get,list,update,watch', 'batch', 'cronjobs'),
    r(ALL, 'batch', 'jobs'),
    r('update', 'batch', 'cronjobs/status'),
    r('update', 'batch', 'cronjobs/finalizers'),
    r('delete,list,watch', '', 'pods'),
    EVENTS,
  ],
  'daemon-set-controller': [
    r(READ, 'apps,extensions', 'daemonsets'),
    r('update', 'apps,extensions', 'daemonsets/status'),
    r('update', 'apps,extensions', 'daemonsets/finalizers'),
    r('list,watch', '', 'nodes'),
    r('create,delete,list,patch,watch', '', 'pods'),
    r('create', '', 'pods/binding'),
    r(ALL, 'apps', 'controllerrevisions'),
    EVENTS,
  ],
  'deployment-controller': [
    r('get,list,update,watch', 'apps,extensions', 'deployments'),
    r('update', 'apps,extensions', 'deployments/status'),
    r('update', 'apps,extensions', 'deployments/finalizers'),
    r(ALL, 'apps,extensions', 'replicasets'),
    r('get,list,update,watch', '', 'pods'),
    EVENTS,
  ],
  'device-taint-eviction-controller': [
    r('delete,get,list,watch', '', 'pods'),
    r('patch,update', '', 'pods/status'),
    r(READ, 'resource.k8s.io', 'resourceclaims'),
    r(READ, 'resource.k8s.io', 'resourceslices'),
    r(READ, 'resource.k8s.io', 'deviceclasses'),
    EVENTS,
  ],
  'disruption-controller': [
    r(READ, 'apps,extensions', 'deployments'),
    r(READ, 'apps,extensions', 'replicasets'),
    r(READ, '', 'replicationcontrollers'),
    r(READ, 'policy', 'poddisruptionbudgets'),
    r(READ, 'apps', 'statefulsets'),
    r('update', 'policy', 'poddisruptionbudgets/status'),
    r('patch,update', '', 'pods/status'),
    r('get', '*', '*/scale'),
    EVENTS,
  ],
  'endpoint-controller': [r(READ, '', 'pods,services'), r('create,delete,get,list,update,watch', '', 'endpoints'), r('create', '', 'endpoints/restricted'), EVENTS],
  'endpointslice-controller': [
    r(READ, '', 'nodes,pods,services'),
    r('update', '', 'services/finalizers'),
    r('create,delete,get,list,update,watch', 'discovery.k8s.io', 'endpointslices'),
    EVENTS,
  ],
  'endpointslicemirroring-controller': [
    r(READ, '', 'endpoints,services'),
    r('update', '', 'services/finalizers'),
    r('update', '', 'endpoints/finalizers'),
    r('create,delete,get,list,update,watch', 'discovery.k8s.io', 'endpointslices'),
    EVENTS,
  ],
  'ephemeral-volume-controller': [r(READ, '', 'pods'), r('update', '', 'pods/finalizers'), r('create,get,list,watch', '', 'persistentvolumeclaims'), EVENTS],
  'expand-controller': [r('get,list,patch,update,watch', '', 'persistentvolumes'), r('patch,update', '', 'persistentvolumeclaims/status'), r(READ, '', 'persistentvolumeclaims'), EVENTS],
  'generic-garbage-collector': [r('delete,get,list,patch,update,watch', '*', '*'), EVENTS],
  'horizontal-pod-autoscaler': [
    r(READ, 'autoscaling', 'horizontalpodautoscalers'),
    r('update', 'autoscaling', 'horizontalpodautoscalers/status'),
    r('get,update', '*', '*/scale'),
    r('list,watch', '', 'pods'),
    r('list,watch', 'metrics.k8s.io', 'pods'),
    r(READ, 'custom.metrics.k8s.io', '*'),
    r(READ, 'external.metrics.k8s.io', '*'),
    EVENTS,
  ],
  'job-controller': [
    r('get,list,patch,update,watch', 'batch', 'jobs'),
    r('update', 'batch', 'jobs/status'),
    r('update', 'batch', 'jobs/finalizers'),
    r('create,delete,list,patch,watch', '', 'pods'),
    EVENTS,
  ],
  'legacy-service-account-token-cleaner': [r('get', '', 'configmaps', 'kube-apiserver-legacy-service-account-token-tracking'), r('delete,patch', '', 'secrets')],
  'namespace-controller': [r('delete,get,list,watch', '', 'namespaces'), r('update', '', 'namespaces/finalize,namespaces/status'), r('delete,deletecollection,get,list,watch', '*', '*')],
  'node-controller': [r('delete,get,list,patch,update,watch', '', 'nodes'), r('patch,update', '', 'nodes/status'), r('patch,update', '', 'pods/status'), r('delete,get,list,watch', '', 'pods'), EVENTS],
  'persistent-volume-binder': [
    r('create,delete,get,list,update,watch', '', 'persistentvolumes'),
    r('update', '', 'persistentvolumes/status'),
    r('get,list,update,watch', '', 'persistentvolumeclaims'),
    r('update', '', 'persistentvolumeclaims/status'),
    r('create,delete,get,list,watch', '', 'pods'),
    r(READ, 'storage.k8s.io', 'storageclasses'),
    r('list,watch', '', 'nodes'),
    EVENTS,
    r('watch', '', 'events'),
  ],
  'pod-garbage-collector': [r('delete,list,watch', '', 'pods'), r(READ, '', 'nodes'), r('patch', '', 'pods/status')],
  'pv-protection-controller': [r('get,list,update,watch', '', 'persistentvolumes'), EVENTS],
  'pvc-protection-controller': [r('get,list,update,watch', '', 'persistentvolumeclaims'), r('update', '', 'persistentvolumeclaims/status'), r(READ, '', 'pods'), EVENTS],
  'replicaset-controller': [
    r('get,list,update,watch', 'apps,extensions', 'replicasets'),
    r('update', 'apps,extensions', 'replicasets/status'),
    r('update', 'apps,extensions', 'replicasets/finalizers'),
    r('create,delete,list,patch,watch', '', 'pods'),
    EVENTS,
  ],
  'replication-controller': [
    r('get,list,update,watch', '', 'replicationcontrollers'),
    r('update', '', 'replicationcontrollers/status'),
    r('update', '', 'replicationcontrollers/finalizers'),
    r('create,delete,list,patch,watch', '', 'pods'),
    EVENTS,
  ],
  'resource-claim-controller': [
    r(READ, '', 'pods'),
    r('update', '', 'pods/finalizers'),
    r('create,delete,get,list,watch', 'resource.k8s.io', 'resourceclaims'),
    r('patch,update', 'resource.k8s.io', 'resourceclaims,resourceclaims/status'),
    r('patch,update', '', 'pods/status'),
    EVENTS,
    r('patch,update', 'resource.k8s.io', 'resourceclaims/binding'),
  ],
  'resourcequota-controller': [r('list,watch', '*', '*'), r('update', '', 'resourcequotas/status'), EVENTS],
  'root-ca-cert-publisher': [r('create,update', '', 'configmaps'), EVENTS],
  'route-controller': [r('list,watch', '', 'nodes'), r('patch', '', 'nodes/status'), EVENTS],
  'selinux-warning-controller': [EVENTS, r(READ, '', 'persistentvolumes'), r(READ, '', 'persistentvolumeclaims'), r(READ, '', 'pods'), r(READ, 'storage.k8s.io', 'csidrivers')],
  'service-account-controller': [r('create', '', 'serviceaccounts'), EVENTS],
  'service-cidrs-controller': [
    r('get,list,patch,update,watch', 'networking.k8s.io', 'servicecidrs'),
    r('patch,update', 'networking.k8s.io', 'servicecidrs/finalizers'),
    r('patch,update', 'networking.k8s.io', 'servicecidrs/status'),
    r(READ, 'networking.k8s.io', 'ipaddresses'),
    EVENTS,
  ],
  'service-controller': [r(READ, '', 'services'), r('patch,update', '', 'services/status'), r('list,watch', '', 'nodes'), EVENTS],
  'statefulset-controller': [
    r('list,watch', '', 'pods'),
    r(READ, 'apps', 'statefulsets'),
    r('update', 'apps', 'statefulsets/status'),
    r('update', 'apps', 'statefulsets/finalizers'),
    r('create,delete,get,patch,update', '', 'pods'),
    r(ALL, 'apps', 'controllerrevisions'),
    r('create,get,list,watch', '', 'persistentvolumeclaims'),
    r('delete,update', '', 'persistentvolumeclaims'),
    r('update', '', 'pods/finalizers'),
    EVENTS,
  ],
  'ttl-after-finished-controller': [r('delete,get,list,watch', 'batch', 'jobs'), EVENTS],
  'ttl-controller': [r('list,patch,update,watch', '', 'nodes'), EVENTS],
  'validatingadmissionpolicy-status-controller': [
    r(READ, 'admissionregistration.k8s.io', 'validatingadmissionpolicies'),
    r('get,patch,update', 'admissionregistration.k8s.io', 'validatingadmissionpolicies/status'),
    EVENTS,
  ],
  'volumeattributesclass-protection-controller': [
    r(READ, '', 'persistentvolumeclaims'),
    r(READ, '', 'persistentvolumes'),
    r('get,list,update,watch', 'storage.k8s.io', 'volumeattributesclasses'),
    EVENTS,
  ],
};

/** controllerRoles builds system:controller:<name> for every controller. */
export function controllerRoles(): KObject[] {
  return Object.entries(CONTROLLER_RULES).map(([name, rules]) => clusterRole(`system:controller:${name}`, rules));
}
