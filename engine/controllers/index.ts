import type { ControllerDef } from './base/context.ts';
import { runControllers, type ControllerManagerOptions } from './manager.ts';
import { startDeploymentController } from './deployment/controller.ts';
import { startGarbageCollector } from './garbagecollector/controller.ts';
import { startNamespaceController } from './namespace/controller.ts';
import { startEndpointsController } from './endpoint/controller.ts';
import { startEndpointSliceController } from './endpointslice/controller.ts';
import { startNodeIpamController } from './nodeipam/controller.ts';
import { startNodeLifecycleController } from './nodelifecycle/controller.ts';
import { startTaintEvictionController } from './tainteviction/controller.ts';
import { startJobController } from './job/controller.ts';
import { startCronJobController } from './cronjob/controller.ts';
import { startTtlAfterFinishedController } from './ttlafterfinished/controller.ts';
import { startDaemonSetController } from './daemonset/controller.ts';
import { startStatefulSetController } from './statefulset/controller.ts';
import { startResourceQuotaController } from './resourcequota/controller.ts';
import { startPersistentVolumeBinder } from './persistentvolume/controller.ts';
import { startCsrApprovingController } from './certificates/approving.ts';
import { startCsrSigningController } from './certificates/signing.ts';
import { startDisruptionController } from './disruption/controller.ts';
import { startHorizontalPodAutoscaler } from './podautoscaler/controller.ts';
import { startExpandController } from './volumeexpand/controller.ts';
import { startPvcProtectionController, startPvProtectionController } from './protection/controller.ts';
import { startPodGarbageCollector } from './podgc/controller.ts';
import { startTtlController } from './ttl/controller.ts';
import { RC_KIND, startReplicaSetController } from './replicaset/controller.ts';
import { startRootCaPublisher } from './rootcacert/controller.ts';
import { startServiceAccountController } from './serviceaccount/controller.ts';
import { startTokensController } from './serviceaccount/tokens.ts';

export type { ControllerManagerOptions } from './manager.ts';

/** CONTROLLERS is the controller manager's table, in start order, named as --controllers names them. */
export const CONTROLLERS: ControllerDef[] = [
  { name: 'serviceaccount-token-controller', aliases: ['serviceaccount-token'], serviceAccount: 'tokens-controller', enabledByDefault: true, rootClient: true, start: startTokensController },
  { name: 'replicaset-controller', aliases: ['replicaset'], serviceAccount: 'replicaset-controller', enabledByDefault: true, start: (c) => startReplicaSetController(c) },
  { name: 'replicationcontroller-controller', aliases: ['replicationcontroller'], serviceAccount: 'replication-controller', enabledByDefault: true, start: (c) => startReplicaSetController(c, RC_KIND) },
  { name: 'deployment-controller', aliases: ['deployment'], serviceAccount: 'deployment-controller', enabledByDefault: true, start: startDeploymentController },
  { name: 'garbage-collector-controller', aliases: ['garbagecollector'], serviceAccount: 'generic-garbage-collector', enabledByDefault: true, start: startGarbageCollector },
  { name: 'namespace-controller', aliases: ['namespace'], serviceAccount: 'namespace-controller', enabledByDefault: true, start: startNamespaceController },
  { name: 'endpoints-controller', aliases: ['endpoint'], serviceAccount: 'endpoint-controller', enabledByDefault: true, start: startEndpointsController },
  { name: 'endpointslice-controller', aliases: ['endpointslice'], serviceAccount: 'endpointslice-controller', enabledByDefault: true, start: startEndpointSliceController },
  { name: 'node-ipam-controller', aliases: ['nodeipam'], serviceAccount: 'node-controller', enabledByDefault: true, start: startNodeIpamController },
  { name: 'node-lifecycle-controller', aliases: ['nodelifecycle'], serviceAccount: 'node-controller', enabledByDefault: true, start: startNodeLifecycleController },
  { name: 'taint-eviction-controller', aliases: [], serviceAccount: 'node-controller', enabledByDefault: true, start: startTaintEvictionController },
  { name: 'job-controller', aliases: ['job'], serviceAccount: 'job-controller', enabledByDefault: true, start: startJobController },
  { name: 'cronjob-controller', aliases: ['cronjob'], serviceAccount: 'cronjob-controller', enabledByDefault: true, start: startCronJobController },
  { name: 'ttl-after-finished-controller', aliases: ['ttl-after-finished'], serviceAccount: 'ttl-after-finished-controller', enabledByDefault: true, start: startTtlAfterFinishedController },
  { name: 'daemonset-controller', aliases: ['daemonset'], serviceAccount: 'daemon-set-controller', enabledByDefault: true, start: startDaemonSetController },
  { name: 'statefulset-controller', aliases: ['statefulset'], serviceAccount: 'statefulset-controller', enabledByDefault: true, start: startStatefulSetController },
  { name: 'resourcequota-controller', aliases: ['resourcequota'], serviceAccount: 'resourcequota-controller', enabledByDefault: true, start: startResourceQuotaController },
  { name: 'persistentvolume-binder-controller', aliases: ['persistentvolume-binder'], serviceAccount: 'persistent-volume-binder', enabledByDefault: true, start: (c) => startPersistentVolumeBinder(c, c.options.provisioners) },
  { name: 'certificatesigningrequest-signing-controller', aliases: ['csrsigning'], serviceAccount: 'certificate-controller', enabledByDefault: true, start: startCsrSigningController },
  { name: 'certificatesigningrequest-approving-controller', aliases: ['csrapproving'], serviceAccount: 'certificate-controller', enabledByDefault: true, start: startCsrApprovingController },
  { name: 'disruption-controller', aliases: ['disruption'], serviceAccount: 'disruption-controller', enabledByDefault: true, start: startDisruptionController },
  { name: 'horizontal-pod-autoscaler-controller', aliases: ['horizontalpodautoscaling'], serviceAccount: 'horizontal-pod-autoscaler', enabledByDefault: true, start: (c) => startHorizontalPodAutoscaler(c, c.options.metrics) },
  { name: 'persistentvolume-expander-controller', aliases: ['persistentvolume-expander'], serviceAccount: 'expand-controller', enabledByDefault: true, start: startExpandController },
  { name: 'persistentvolumeclaim-protection-controller', aliases: ['pvc-protection'], serviceAccount: 'pvc-protection-controller', enabledByDefault: true, start: startPvcProtectionController },
  { name: 'persistentvolume-protection-controller', aliases: ['pv-protection'], serviceAccount: 'pv-protection-controller', enabledByDefault: true, start: startPvProtectionController },
  { name: 'pod-garbage-collector-controller', aliases: ['podgc'], serviceAccount: 'pod-garbage-collector', enabledByDefault: true, start: startPodGarbageCollector },
  { name: 'ttl-controller', aliases: ['ttl'], serviceAccount: 'ttl-controller', enabledByDefault: true, start: startTtlController },
  { name: 'serviceaccount-controller', aliases: ['serviceaccount'], serviceAccount: 'service-account-controller', enabledByDefault: true, start: startServiceAccountController },
  { name: 'root-ca-certificate-publisher-controller', aliases: ['root-ca-cert-publisher'], serviceAccount: 'root-ca-cert-publisher', enabledByDefault: true, start: startRootCaPublisher },
];

/**
 * startControllerManager runs kube-controller-manager's controllers (those
 * --controllers enables) over one set of shared informers.
 */
export function startControllerManager(opts: ControllerManagerOptions): { stop(): void; running: string[] } {
  return runControllers(CONTROLLERS, opts);
}
