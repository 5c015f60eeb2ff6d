import { describeCertificateSigningRequest } from './certificates.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeRole, describeRoleBinding } from './rbac.ts';
import { describeService } from './service.ts';
import { describeConfigMap, describeEndpoints, describeNamespace, describePriorityClass, describeSecret, describeServiceAccount } from './simple.ts';
import type { Describer } from './types.ts';
import { describeCronJob, describeDaemonSet, describeJob, describeReplicaSet, describeStatefulSet } from './apps.ts';
import { describeEndpointSlice, describeIngress, describeIngressClass, describeNetworkPolicy } from './network.ts';
import { describeHpa, describeLimitRange, describePdb, describeResourceQuota } from './policy.ts';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.ts';
import { describeDeployment } from './workloads.ts';

/** DESCRIBERS maps "group/Kind" to its describer; other kinds use the generic one. */
export const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Service': describeService,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/ServiceAccount': describeServiceAccount,
  '/Endpoints': describeEndpoints,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/DaemonSet': describeDaemonSet,
  'apps/StatefulSet': describeStatefulSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'networking.k8s.io/Ingress': describeIngress,
  'networking.k8s.io/NetworkPolicy': describeNetworkPolicy,
  'networking.k8s.io/IngressClass': describeIngressClass,
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  'storage.k8s.io/StorageClass': describeStorageClass,
  'autoscaling/HorizontalPodAutoscaler': describeHpa,
  'policy/PodDisruptionBudget': describePdb,
  '/ResourceQuota': describeResourceQuota,
  '/LimitRange': describeLimitRange,
  'rbac.authorization.k8s.io/Role': describeRole,
  'rbac.authorization.k8s.io/ClusterRole': describeRole,
  'rbac.authorization.k8s.io/RoleBinding': describeRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': describeRoleBinding,
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
  'certificates.k8s.io/CertificateSigningRequest': describeCertificateSigningRequest,
};
