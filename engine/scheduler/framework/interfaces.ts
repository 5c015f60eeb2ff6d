import type { Pod } from 'kubernetes-types/core/v1';
import type { Rand } from '../../base/rand.ts';
import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import type { CycleState } from './cycle-state.ts';
import type { ClusterEventWithHint } from './events.ts';
import type { NodeToStatus } from './fit-error.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { Status } from './status.ts';

/**
 * The extension points of pkg/scheduler/framework/interface.go. A plugin is
 * an object with a name and the methods of the points it implements; the
 * framework finds them by shape, as Go finds them by interface.
 */

/** MAX_NODE_SCORE is framework.MaxNodeScore. */
export const MAX_NODE_SCORE = 100;

/** Plugin is the common part of every plugin. */
export interface Plugin {
  readonly name: string;
}

/** QueuedPodInfo is a pod in the scheduling queue with its queueing history. */
export interface QueuedPodInfo {
  podInfo: PodInfo;
  /** timestamp is when the pod was (last) added to the queue. */
  timestamp: number;
  /** seq orders pods added at the same simulated millisecond (real timestamps have nanoseconds). */
  seq: number;
  /** initialAttemptTimestamp is when the pod was first popped. */
  initialAttemptTimestamp?: number;
  attempts: number;
  unschedulableCount: number;
  consecutiveErrorsCount: number;
  unschedulablePlugins: Set<string>;
  pendingPlugins: Set<string>;
  /** gatingPlugin is the PreEnqueue plugin keeping the pod out of activeQ. */
  gatingPlugin: string;
  /** backoffExpiration is when the pod's back-off ends (0 when none). */
  backoffExpiration: number;
}

/** PreEnqueuePlugin decides whether a pod may enter activeQ (SchedulingGates). */
export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: Pod): Status | null;
}

/** QueueSortPlugin orders activeQ. */
export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
}

/** EnqueueExtensions lists the cluster events that may make a rejected pod schedulable. */
export interface EnqueueExtensions {
  eventsToRegister(): ClusterEventWithHint[];
}

/** PreFilterExtensions update PreFilter state when preemption adds or removes pods. */
export interface PreFilterExtensions {
  addPod(state: CycleState, podToSchedule: PodInfo, podToAdd: PodInfo, nodeInfo: NodeInfo): Status | null;
  removePod(state: CycleState, podToSchedule: PodInfo, podToRemove: PodInfo, nodeInfo: NodeInfo): Status | null;
}

/** PreFilterOutcome: nodeNames limits the nodes to evaluate (null means all); status null is Success. */
export interface PreFilterOutcome {
  nodeNames?: Set<string> | null;
  status: Status | null;
}

/** PreFilterPlugin runs once per cycle before any Filter. */
export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterOutcome;
  preFilterExtensions?(): PreFilterExtensions | null;
}

/** FilterPlugin says whether the pod may run on one node. */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null;
}

/** NominatingInfo says what to do with the pod's nominatedNodeName after PostFilter. */
export interface NominatingInfo {
  nominatedNodeName: string;
  mode: 'Override' | 'Noop';
}

/** PostFilterOutcome is PostFilter's (PostFilterResult, Status). */
export interface PostFilterOutcome {
  result: NominatingInfo | null;
  status: Status | null;
}

/** PostFilterPlugin runs when no node fits (preemption). */
export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, m: NodeToStatus): PostFilterOutcome;
}

/** PreScorePlugin prepares scoring for the feasible nodes; Skip disables its Score for this cycle. */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null;
}

/** NodeScore is one node's score from one plugin. */
export interface NodeScore {
  name: string;
  score: number;
}

/** ScorePlugin ranks feasible nodes; normalizeScore brings scores to 0..100. */
export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number;
  normalizeScore?(state: CycleState, pod: PodInfo, scores: NodeScore[]): void;
}

/** ReservePlugin claims (and releases) what the pod takes on the chosen node. */
export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
  unreserve(state: CycleState, pod: PodInfo, nodeName: string): void;
}

/** PreBindWait is a PreBind that must wait: poll() answers null while it still waits. */
export interface PreBindWait {
  poll(): Status | 'done' | null;
  /** timeoutMs after which waiting fails. */
  timeoutMs: number;
}

/** PreBindPlugin runs before the pod is bound (volume binding). */
export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: PodInfo, nodeName: string): Status | PreBindWait | null;
}

/** BindPlugin binds the pod; Skip hands over to the next binder. */
export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
}

/** Lister reads an informer's cache. */
export interface Lister {
  get(namespace: string | undefined, name: string): KObject | undefined;
  list(namespace?: string): KObject[];
}

/** Listers are the informer caches plugins read. */
export interface Listers {
  pods: Lister;
  namespaces: Lister;
  services: Lister;
  replicationControllers: Lister;
  replicaSets: Lister;
  statefulSets: Lister;
  persistentVolumes: Lister;
  persistentVolumeClaims: Lister;
  storageClasses: Lister;
  csiNodes: Lister;
  podDisruptionBudgets: Lister;
}

/** Snapshot is the node list a cycle works on (the cache's NodeInfos, in node-tree order). */
export interface Snapshot {
  list(): readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  /** havePodsWithRequiredAntiAffinity lists nodes hosting pods with required anti-affinity. */
  havePodsWithRequiredAntiAffinity(): readonly NodeInfo[];
  /** havePodsWithAffinity lists nodes hosting pods with (anti-)affinity. */
  havePodsWithAffinity(): readonly NodeInfo[];
}

/** Nominator tracks pods nominated to nodes by preemption. */
export interface Nominator {
  nominatedPodsForNode(nodeName: string): readonly PodInfo[];
}

/** Handle is framework.Handle: what plugins may use besides their arguments. */
export interface Handle {
  readonly snapshot: Snapshot;
  readonly listers: Listers;
  readonly client: ApiClient;
  readonly rand: Rand;
  readonly nominator: Nominator;
  now(): number;
  /** event records an events.k8s.io-style event (reason, action, note) about an object. */
  event(regarding: KObject, type: 'Normal' | 'Warning', reason: string, action: string, note: string): void;
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null;
  runPreFilterExtensionAddPod(state: CycleState, pod: PodInfo, toAdd: PodInfo, nodeInfo: NodeInfo): Status | null;
  runPreFilterExtensionRemovePod(state: CycleState, pod: PodInfo, toRemove: PodInfo, nodeInfo: NodeInfo): Status | null;
}

/** PluginFactory builds a plugin from its (defaulted) args. */
export type PluginFactory = (args: Record<string, unknown>, handle: Handle) => Plugin;
