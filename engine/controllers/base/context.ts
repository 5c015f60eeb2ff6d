import type { KObject } from '../../api/types.ts';
import type { Certificate } from '../../pki/certificate.ts';
import type { RsaPrivateKey } from '../../pki/rsa.ts';
import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient } from '../../client/client.ts';
import { EventRecorder } from '../../client/events.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';

/** ControllerOptions are the kube-controller-manager flags the controllers read. */
export interface ControllerOptions {
  /** --cluster-cidr */
  clusterCidr?: string;
  /** --service-cluster-ip-range */
  serviceCidr?: string;
  /** the cluster CA (PEM) published as kube-root-ca.crt and used to sign CSRs */
  caCertPem?: string;
  /** the cluster CA (--cluster-signing-cert-file/--cluster-signing-key-file) the CSR signer issues with */
  ca?: { cert: Certificate; key: RsaPrivateKey };
  /** --node-monitor-grace-period in ms (default 40s) */
  nodeMonitorGracePeriodMs?: number;
  /** provisioners are in-process dynamic provisioners by StorageClass provisioner name (e.g. a local-path provisioner) */
  provisioners?: Record<string, (claim: KObject, storageClass: KObject, name: string) => KObject>;
  /** metrics is the resource metrics source the autoscaler reads (none: as without metrics-server) */
  metrics?: { usage(namespace: string, pod: string): { cpu?: number; memory?: number } | undefined };
  /** --terminated-pod-gc-threshold (default 12500) */
  terminatedPodGcThreshold?: number;
  /** --service-account-private-key-file: the key the tokens controller signs legacy ServiceAccount tokens with */
  serviceAccountKey?: RsaPrivateKey;
}

/**
 * ControllerContext is what each controller gets from the controller
 * manager: the shared informers, a client with the controller's own identity
 * (its kube-system service account), an event recorder, and the options.
 */
export interface ControllerContext {
  runtime: Runtime;
  informers: SharedInformerFactory;
  /** client is the controller's client (the service account of the controller). */
  client: ApiClient;
  /** recorder makes an EventRecorder reporting as component (e.g. "replicaset-controller"). */
  recorder(component: string): EventRecorder;
  options: ControllerOptions;
}

/** Controller is a started controller. */
export interface Controller {
  stop(): void;
}

/** ControllerDef is one entry of the controller manager's table. */
export interface ControllerDef {
  /** name as --controllers spells it (e.g. "replicaset-controller") */
  name: string;
  /** aliases are the older names --controllers also accepts ("replicaset") */
  aliases: string[];
  /** serviceAccount is the kube-system service account used with --use-service-account-credentials */
  serviceAccount: string;
  /** enabledByDefault is false for the controllers '*' leaves off */
  enabledByDefault: boolean;
  /** rootClient: runs with the manager's own credentials even under --use-service-account-credentials (the tokens controller makes those credentials) */
  rootClient?: boolean;
  start(ctx: ControllerContext): Controller;
}

/** newRecorder builds the legacy-style recorder controllers use. */
export function newRecorder(client: ApiClient, runtime: Runtime, component: string): EventRecorder {
  return new EventRecorder(client, runtime, { component });
}
