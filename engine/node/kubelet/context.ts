import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import type { Host } from '../../host/host.ts';
import type { ContainerRuntime } from '../runtime/runtime.ts';
import type { Backoff } from './backoff.ts';
import type { KubeletConfig } from './config.ts';
import type { ObjectGetter } from './env.ts';
import type { Klog } from './klog.ts';

/** KubeletContext is what every part of a running kubelet shares. */
export interface KubeletContext {
  runtime: Runtime;
  client: ApiClient;
  cri: ContainerRuntime;
  recorder: EventRecorder;
  nodeName: string;
  nodeIp: string;
  host: Host;
  config: KubeletConfig;
  /** apiServer is the server URL of the kubelet's kubeconfig (for the texts of failed requests) */
  apiServer: string;
  klog: Klog;
  get: ObjectGetter;
  imageBackoff: Backoff;
  crashBackoff: Backoff;
  /** allocateIp gives a pod an address from the node's podCIDR (host-local IPAM) */
  allocateIp(uid: string): string | undefined;
  releaseIp(uid: string): void;
  /** reserveIp records an address a pod already has (a restarted kubelet adopting it) */
  reserveIp(uid: string, ip: string): void;
  /** requestSync asks for the pod to be synced again after delayMs */
  requestSync(key: string, delayMs: number): void;
  /** runtimeErrors are why the container runtime is not usable now (down, PLEG not healthy); empty when it is */
  runtimeErrors(): string[];
  /** serviceEnv is the service-link environment of a namespace */
  serviceEnv(namespace: string): Record<string, string>;
}
