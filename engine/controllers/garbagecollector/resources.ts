import type { ResourceRef } from '../../client/client.ts';
import { R } from '../../client/refs.ts';

/** GcResource is one resource the garbage collector watches, with the kind owner references name it by. */
export interface GcResource {
  ref: ResourceRef;
  kind: string;
}

/**
 * GC_RESOURCES are the resources whose objects may own or depend on others
 * (the real collector discovers every deletable resource; these are the
 * built-in ones a lab creates).
 */
export const GC_RESOURCES: GcResource[] = [
  { ref: R.pods, kind: 'Pod' },
  { ref: R.replicasets, kind: 'ReplicaSet' },
  { ref: R.deployments, kind: 'Deployment' },
  { ref: R.statefulsets, kind: 'StatefulSet' },
  { ref: R.daemonsets, kind: 'DaemonSet' },
  { ref: R.controllerrevisions, kind: 'ControllerRevision' },
  { ref: R.jobs, kind: 'Job' },
  { ref: R.cronjobs, kind: 'CronJob' },
  { ref: R.replicationcontrollers, kind: 'ReplicationController' },
  { ref: R.services, kind: 'Service' },
  { ref: R.endpoints, kind: 'Endpoints' },
  { ref: R.endpointslices, kind: 'EndpointSlice' },
  { ref: R.configmaps, kind: 'ConfigMap' },
  { ref: R.secrets, kind: 'Secret' },
  { ref: R.serviceaccounts, kind: 'ServiceAccount' },
  { ref: R.persistentvolumeclaims, kind: 'PersistentVolumeClaim' },
  { ref: R.persistentvolumes, kind: 'PersistentVolume' },
  { ref: R.horizontalpodautoscalers, kind: 'HorizontalPodAutoscaler' },
  { ref: R.poddisruptionbudgets, kind: 'PodDisruptionBudget' },
  { ref: R.ingresses, kind: 'Ingress' },
  { ref: R.networkpolicies, kind: 'NetworkPolicy' },
  { ref: R.roles, kind: 'Role' },
  { ref: R.rolebindings, kind: 'RoleBinding' },
  { ref: R.clusterroles, kind: 'ClusterRole' },
  { ref: R.clusterrolebindings, kind: 'ClusterRoleBinding' },
  { ref: R.leases, kind: 'Lease' },
  { ref: R.nodes, kind: 'Node' },
  { ref: R.namespaces, kind: 'Namespace' },
  { ref: R.certificatesigningrequests, kind: 'CertificateSigningRequest' },
];

/** resourceForOwner finds the watched resource an owner reference points at (apiVersion's group + kind). */
export function resourceForOwner(apiVersion: string, kind: string): GcResource | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return GC_RESOURCES.find((r) => r.kind === kind && r.ref.group === group);
}
