/**
 * Cluster events as pkg/scheduler/framework names them: which resource
 * changed and how. Plugins register the events that may make a pod they
 * rejected schedulable; the queue moves a pod only for those.
 */

/** EventResource is fwk.EventResource. */
export type EventResource =
  | 'Pod'
  | 'AssignedPod'
  | 'UnscheduledPod'
  | 'Node'
  | 'PersistentVolume'
  | 'PersistentVolumeClaim'
  | 'StorageClass'
  | 'CSINode'
  | 'CSIDriver'
  | 'CSIStorageCapacity'
  | 'VolumeAttachment'
  | '*';

/** Action is fwk.ActionType: a bit set, in upstream's bit order. */
export const Action = {
  Add: 1 << 0,
  Delete: 1 << 1,
  UpdateNodeAllocatable: 1 << 2,
  UpdateNodeLabel: 1 << 3,
  UpdateNodeTaint: 1 << 4,
  UpdateNodeCondition: 1 << 5,
  UpdateNodeAnnotation: 1 << 6,
  UpdatePodLabel: 1 << 7,
  UpdatePodScaleDown: 1 << 8,
  UpdatePodToleration: 1 << 9,
  UpdatePodSchedulingGatesEliminated: 1 << 10,
  UpdatePodGeneratedResourceClaim: 1 << 11,
  UpdatePodOther: 1 << 12,
  UpdateNodeOther: 1 << 13,
  All: (1 << 14) - 1,
  Update: ((1 << 14) - 1) & ~3,
} as const;

/** ClusterEvent is fwk.ClusterEvent. */
export interface ClusterEvent {
  resource: EventResource;
  action: number;
  /** label names the event in logs (e.g. "NodeAdd", "AssignedPodDelete", "UnschedulableTimeout"). */
  label?: string;
}

/** QueueingHint is fwk.QueueingHint. */
export type QueueingHint = 'Queue' | 'QueueSkip';

/** QueueingHintFn decides whether an event may make the rejected pod schedulable. */
export type QueueingHintFn = (pod: import('kubernetes-types/core/v1').Pod, oldObj: unknown, newObj: unknown) => QueueingHint;

/** ClusterEventWithHint is fwk.ClusterEventWithHint; without a hint the answer is Queue. */
export interface ClusterEventWithHint {
  event: ClusterEvent;
  hint?: QueueingHintFn;
}

/** UNSCHEDULABLE_TIMEOUT is the wildcard event of the periodic flush after podMaxInUnschedulablePodsDuration. */
export const UNSCHEDULABLE_TIMEOUT: ClusterEvent = { resource: '*', action: Action.All, label: 'UnschedulableTimeout' };
/** FORCE_ACTIVATE is the wildcard event of Activate(). */
export const FORCE_ACTIVATE: ClusterEvent = { resource: '*', action: Action.All, label: 'ForceActivate' };

function isWildCard(e: ClusterEvent): boolean {
  return e.resource === '*' && e.action === Action.All;
}

function resourceMatches(registered: EventResource, incoming: EventResource): boolean {
  return registered === '*' || registered === incoming || (registered === 'Pod' && (incoming === 'AssignedPod' || incoming === 'UnscheduledPod'));
}

/** matchClusterEvents is framework.MatchClusterEvents: incoming is the same as or more specific than registered. */
export function matchClusterEvents(registered: ClusterEvent, incoming: ClusterEvent): boolean {
  return isWildCard(registered) || (resourceMatches(registered.resource, incoming.resource) && (registered.action & incoming.action) !== 0 && incoming.action <= registered.action);
}
