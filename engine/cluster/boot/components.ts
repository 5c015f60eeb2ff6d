import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient } from '../../client/client.ts';
import type { World } from '../world.ts';
import { startScheduler, type PodVerdicts } from '../../scheduler/index.ts';
import type { ClusterHandle } from './direct.ts';
import { etcdEndpoint } from '../../controlplane/etcd/direct-endpoint.ts';
import { startKubeControllerManager } from '../../controllers/boot.ts';
import { startNodes } from '../../node/service/start-nodes.ts';
import { NETWORK_COMPONENTS } from '../../network/boot.ts';
import { ADDON_COMPONENTS } from '../../addons/boot.ts';

/**
 * ComponentContext is what a cluster component needs to start: the world it
 * runs in, the cluster (apiserver, PKI, store) and a way to make API clients
 * with the component's own identity (client certificate CN and O).
 */
export interface ComponentContext {
  world: World;
  runtime: Runtime;
  cluster: ClusterHandle;
  /** clientFor makes an API client authenticated as user `cn` in groups `orgs`, signed by the cluster CA. */
  clientFor(cn: string, orgs?: string[]): ApiClient;
}

/** RunningComponent is a started component; stop ends it the way killing its process would. */
export interface RunningComponent {
  name: string;
  stop(): void;
  /** verdicts (schedulers only) explains the last failed scheduling attempt of a pending pod, for "Why Pending". */
  verdicts?(podUid: string): PodVerdicts | undefined;
}

/** ComponentStarter starts one kind of component (one per cluster, or one per node) and returns what runs. */
export type ComponentStarter = (ctx: ComponentContext) => RunningComponent[];

/**
 * COMPONENTS are started, in order, once a cluster's apiserver answers. Each
 * area adds its own starter here.
 */
export const COMPONENTS: ComponentStarter[] = [startDefaultScheduler, etcdEndpoint, startKubeControllerManager, startNodes, ...NETWORK_COMPONENTS, ...ADDON_COMPONENTS];

/**
 * STATIC_POD_COMPONENTS are started once a static-pod control plane answers:
 * the kubelets run etcd, kube-scheduler and kube-controller-manager
 * themselves, so only the cluster's add-ons and networking remain.
 */
export const STATIC_POD_COMPONENTS: ComponentStarter[] = [...NETWORK_COMPONENTS, ...ADDON_COMPONENTS];

/** startDefaultScheduler runs kube-scheduler with the default profile as system:kube-scheduler. */
function startDefaultScheduler(ctx: ComponentContext): RunningComponent[] {
  const cp = ctx.cluster.spec.machines.find((m) => m.role === 'control-plane');
  const h = startScheduler({ runtime: ctx.runtime, client: ctx.clientFor('system:kube-scheduler'), hostname: cp?.name });
  return [{ name: 'kube-scheduler', stop: () => h.stop(), verdicts: (uid) => h.verdicts(uid) }];
}

/**
 * onEachApiserver runs install against the cluster's apiserver now and again
 * whenever another instance answers (a kube-apiserver static pod restarted by
 * its kubelet starts with a fresh registry and connectors): what an add-on
 * serves through the apiserver — an aggregated API, built-in kinds of its
 * own — is served by every instance, as the real aggregation layer and CRDs do.
 */
export function onEachApiserver(ctx: ComponentContext, install: (api: ClusterHandle['apiserver']['ctx']) => void): { stop(): void; current(): ClusterHandle['apiserver']['ctx'] | undefined } {
  let servedBy: ClusterHandle['apiserver']['ctx'] | undefined;
  const check = () => {
    const cur = ctx.cluster.apiserver.ctx;
    if (cur === servedBy || !cur.registry) return;
    install(cur);
    servedBy = cur;
  };
  check();
  const timer = ctx.runtime.every(2000, check, 'apiserver add-on check');
  return { stop: () => timer.cancel(), current: () => servedBy };
}
