import type { KObject } from '../../api/types.ts';
import type { PolicyRule } from '../authz/rbac-rules.ts';
import { clusterRole, EVENTS, r, u } from './rules.ts';

/**
 * The default ClusterRoles of kube-apiserver 1.34 (bootstrappolicy/policy.go;
 * testdata/cluster-roles.yaml lists them). admin, edit and view carry only
 * their aggregation rule here: their rules come from the aggregate-to-* roles.
 */

const RW = 'create,delete,deletecollection,patch,update';
const READ = 'get,list,watch';
const ALL_RW = 'create,delete,deletecollection,get,list,patch,update,watch';

/** SYSTEM_NODE_RULES are system:node's rules; the Node authorizer grants them to every kubelet. */
export const SYSTEM_NODE_RULES: PolicyRule[] = [
  r('create', 'authentication.k8s.io', 'tokenreviews'),
  r('create', 'authorization.k8s.io', 'localsubjectaccessreviews,subjectaccessreviews'),
  r(READ, '', 'services'),
  r('create,get,list,watch', '', 'nodes'),
  r('patch,update', '', 'nodes/status'),
  r('patch,update', '', 'nodes'),
  r('create,patch,update', '', 'events'),
  r(READ, '', 'pods'),
  r('create,delete', '', 'pods'),
  r('patch,update', '', 'pods/status'),
  r('create', '', 'pods/eviction'),
  r(READ, '', 'configmaps,secrets'),
  r('get', '', 'persistentvolumeclaims,persistentvolumes'),
  r('get', '', 'endpoints'),
  r('create,get,list,watch', 'certificates.k8s.io', 'certificatesigningrequests'),
  r('create,delete,get,patch,update', 'coordination.k8s.io', 'leases'),
  r('get', 'storage.k8s.io', 'volumeattachments'),
  r('create', '', 'serviceaccounts/token'),
  r('get,patch,update', '', 'persistentvolumeclaims/status'),
  r(READ, 'storage.k8s.io', 'csidrivers'),
  r('create,delete,get,patch,update', 'storage.k8s.io', 'csinodes'),
  r(READ, 'node.k8s.io', 'runtimeclasses'),
  // DynamicResourceAllocation is on by default from 1.34.
  r('get', 'resource.k8s.io', 'resourceclaims'),
];

const approver = (signer: string) => [r('approve', 'certificates.k8s.io', 'signers', signer)];

/** clusterRoles lists the default ClusterRoles, by name. */
export function clusterRoles(): KObject[] {
  return [
    clusterRole('admin', [], { aggregateFrom: 'rbac.authorization.k8s.io/aggregate-to-admin' }),
    clusterRole('cluster-admin', [r('*', '*', '*'), u('*', '*')]),
    clusterRole('edit', [], { aggregateFrom: 'rbac.authorization.k8s.io/aggregate-to-edit', labels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }),
    clusterRole('system:aggregate-to-admin', [r('create', 'authorization.k8s.io', 'localsubjectaccessreviews'), r(ALL_RW, 'rbac.authorization.k8s.io', 'rolebindings,roles')], {
      labels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' },
    }),
    clusterRole(
      'system:aggregate-to-edit',
      [
        r(READ, '', 'pods/attach,pods/exec,pods/portforward,pods/proxy,secrets,services/proxy'),
        r('impersonate', '', 'serviceaccounts'),
        r(RW, '', 'pods,pods/attach,pods/exec,pods/portforward,pods/proxy'),
        r('create', '', 'pods/eviction'),
        r(RW, '', 'configmaps,events,persistentvolumeclaims,replicationcontrollers,replicationcontrollers/scale,secrets,serviceaccounts,services,services/proxy'),
        r('create', '', 'serviceaccounts/token'),
        r(RW, 'apps', 'daemonsets,deployments,deployments/rollback,deployments/scale,replicasets,replicasets/scale,statefulsets,statefulsets/scale'),
        r(RW, 'autoscaling', 'horizontalpodautoscalers'),
        r(RW, 'batch', 'cronjobs,jobs'),
        r(RW, 'extensions', 'daemonsets,deployments,deployments/rollback,deployments/scale,ingresses,networkpolicies,replicasets,replicasets/scale,replicationcontrollers/scale'),
        r(RW, 'policy', 'poddisruptionbudgets'),
        r(RW, 'networking.k8s.io', 'ingresses,networkpolicies'),
        r(ALL_RW, 'coordination.k8s.io', 'leases'),
      ],
      { labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } },
    ),
    clusterRole(
      'system:aggregate-to-view',
      [
        r(READ, '', 'configmaps,endpoints,persistentvolumeclaims,persistentvolumeclaims/status,pods,replicationcontrollers,replicationcontrollers/scale,serviceaccounts,services,services/status'),
        r(READ, '', 'bindings,events,limitranges,namespaces/status,pods/log,pods/status,replicationcontrollers/status,resourcequotas,resourcequotas/status'),
        r(READ, '', 'namespaces'),
        r(READ, 'discovery.k8s.io', 'endpointslices'),
        r(READ, 'apps', 'controllerrevisions,daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,replicasets,replicasets/scale,replicasets/status,statefulsets,statefulsets/scale,statefulsets/status'),
        r(READ, 'autoscaling', 'horizontalpodautoscalers,horizontalpodautoscalers/status'),
        r(READ, 'batch', 'cronjobs,cronjobs/status,jobs,jobs/status'),
        r(READ, 'extensions', 'daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,ingresses,ingresses/status,networkpolicies,replicasets,replicasets/scale,replicasets/status,replicationcontrollers/scale'),
        r(READ, 'policy', 'poddisruptionbudgets,poddisruptionbudgets/status'),
        r(READ, 'networking.k8s.io', 'ingresses,ingresses/status,networkpolicies'),
      ],
      { labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
    ),
    clusterRole('system:auth-delegator', [r('create', 'authentication.k8s.io', 'tokenreviews'), r('create', 'authorization.k8s.io', 'subjectaccessreviews')]),
    clusterRole('system:basic-user', [r('create', 'authorization.k8s.io', 'selfsubjectaccessreviews,selfsubjectrulesreviews'), r('create', 'authentication.k8s.io', 'selfsubjectreviews')]),
    clusterRole('system:certificates.k8s.io:certificatesigningrequests:nodeclient', [r('create', 'certificates.k8s.io', 'certificatesigningrequests/nodeclient')]),
    clusterRole('system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [r('create', 'certificates.k8s.io', 'certificatesigningrequests/selfnodeclient')]),
    clusterRole('system:certificates.k8s.io:kube-apiserver-client-approver', approver('kubernetes.io/kube-apiserver-client')),
    clusterRole('system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', approver('kubernetes.io/kube-apiserver-client-kubelet')),
    clusterRole('system:certificates.k8s.io:kubelet-serving-approver', approver('kubernetes.io/kubelet-serving')),
    clusterRole('system:certificates.k8s.io:legacy-unknown-approver', approver('kubernetes.io/legacy-unknown')),
    clusterRole('system:discovery', [u('get', '/api,/api/*,/apis,/apis/*,/healthz,/livez,/openapi,/openapi/*,/readyz,/version,/version/')]),
    clusterRole('system:heapster', [r(READ, '', 'events,namespaces,nodes,pods'), r(READ, 'extensions', 'deployments')]),
    clusterRole('system:kube-aggregator', [r(READ, '', 'endpoints,services')]),
    clusterRole('system:kube-controller-manager', [
      EVENTS,
      r('create', 'coordination.k8s.io', 'leases'),
      r('get,update', 'coordination.k8s.io', 'leases', 'kube-controller-manager'),
      r('create', '', 'secrets,serviceaccounts'),
      r('delete', '', 'secrets'),
      r('get', '', 'configmaps,namespaces,secrets,serviceaccounts'),
      r('update', '', 'secrets,serviceaccounts'),
      r('create', 'authentication.k8s.io', 'tokenreviews'),
      r('create', 'authorization.k8s.io', 'subjectaccessreviews'),
      r('list,watch', '*', '*'),
      r('create', '', 'serviceaccounts/token'),
    ]),
    clusterRole('system:kube-dns', [r('list,watch', '', 'endpoints,services')]),
    clusterRole('system:kube-scheduler', [
      EVENTS,
      r('create', 'coordination.k8s.io', 'leases'),
      r('get,update', 'coordination.k8s.io', 'leases', 'kube-scheduler'),
      r(READ, '', 'nodes'),
      r('delete,get,list,watch', '', 'pods'),
      r('create', '', 'bindings,pods/binding'),
      r('patch,update', '', 'pods/status'),
      r(READ, '', 'replicationcontrollers,services'),
      r(READ, 'apps,extensions', 'replicasets'),
      r(READ, 'apps', 'statefulsets'),
      r(READ, 'policy', 'poddisruptionbudgets'),
      r(READ, '', 'persistentvolumeclaims,persistentvolumes'),
      r('create', 'authentication.k8s.io', 'tokenreviews'),
      r('create', 'authorization.k8s.io', 'subjectaccessreviews'),
      r(READ, 'storage.k8s.io', 'csinodes'),
      r(READ, '', 'namespaces'),
      r(READ, 'storage.k8s.io', 'csidrivers'),
      r(READ, 'storage.k8s.io', 'csistoragecapacities'),
      // DynamicResourceAllocation (on by default from 1.34).
      r(READ, 'resource.k8s.io', 'deviceclasses,resourceclaims'),
      r('get,list,patch,update,watch', 'resource.k8s.io', 'resourceclaims/status'),
      r(READ, 'resource.k8s.io', 'resourceslices'),
    ]),
    clusterRole('system:kubelet-api-admin', [r(READ, '', 'nodes'), r('proxy', '', 'nodes'), r('*', '', 'nodes/log,nodes/metrics,nodes/proxy,nodes/stats')]),
    clusterRole('system:monitoring', [u('get', '/healthz,/healthz/*,/livez,/livez/*,/metrics,/metrics/slis,/readyz,/readyz/*')]),
    clusterRole('system:node', SYSTEM_NODE_RULES),
    clusterRole('system:node-bootstrapper', [r('create,get,list,watch', 'certificates.k8s.io', 'certificatesigningrequests')]),
    clusterRole('system:node-problem-detector', [r('get', '', 'nodes'), r('patch', '', 'nodes/status'), EVENTS]),
    clusterRole('system:node-proxier', [r('list,watch', '', 'endpoints,services'), r(READ, '', 'nodes'), EVENTS, r('list,watch', 'discovery.k8s.io', 'endpointslices')]),
    clusterRole('system:persistent-volume-provisioner', [
      r('create,delete,get,list,watch', '', 'persistentvolumes'),
      r('get,list,update,watch', '', 'persistentvolumeclaims'),
      r(READ, 'storage.k8s.io', 'storageclasses'),
      r('watch', '', 'events'),
      EVENTS,
    ]),
    clusterRole('system:public-info-viewer', [u('get', '/healthz,/livez,/readyz,/version,/version/')]),
    clusterRole('system:service-account-issuer-discovery', [u('get', '/.well-known/openid-configuration,/.well-known/openid-configuration/,/openid/v1/jwks,/openid/v1/jwks/')]),
    clusterRole('system:volume-scheduler', [r('get,list,patch,update,watch', '', 'persistentvolumes'), r(READ, 'storage.k8s.io', 'storageclasses'), r('get,list,patch,update,watch', '', 'persistentvolumeclaims')]),
    clusterRole('view', [], { aggregateFrom: 'rbac.authorization.k8s.io/aggregate-to-view', labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }),
  ];
}
