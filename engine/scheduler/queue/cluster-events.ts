import type { Node, Pod } from 'kubernetes-types/core/v1';
import { deepEqual } from '../../base/deep.ts';
import { Action, type ClusterEvent } from '../framework/events.ts';
import { calculatePodResource } from '../framework/resources.ts';

/**
 * What changed between two versions of a node or a pod, in the scheduler's
 * terms (pkg/scheduler/util's NodeSchedulingPropertiesChange and
 * PodSchedulingPropertiesChange). A node heartbeat that changes nothing a
 * plugin looks at yields no event at all.
 */

function conditionsOf(n: Node): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of n.status?.conditions ?? []) out[c.type] = c.status;
  return out;
}

/** nodeChangeEvents lists the node update events between old and new. */
export function nodeChangeEvents(newNode: Node, oldNode: Node): ClusterEvent[] {
  const out: ClusterEvent[] = [];
  const ev = (action: number, label: string) => out.push({ resource: 'Node', action, label });
  if (!!newNode.spec?.unschedulable !== !!oldNode.spec?.unschedulable) ev(Action.UpdateNodeTaint, 'NodeSpecUnschedulableChange');
  if (!deepEqual(newNode.status?.allocatable ?? {}, oldNode.status?.allocatable ?? {})) ev(Action.UpdateNodeAllocatable, 'NodeAllocatableChange');
  if (!deepEqual(newNode.metadata?.labels ?? {}, oldNode.metadata?.labels ?? {})) ev(Action.UpdateNodeLabel, 'NodeLabelChange');
  if (!deepEqual(newNode.spec?.taints ?? [], oldNode.spec?.taints ?? [])) ev(Action.UpdateNodeTaint, 'NodeTaintChange');
  if (!deepEqual(conditionsOf(newNode), conditionsOf(oldNode))) ev(Action.UpdateNodeCondition, 'NodeConditionChange');
  if (!deepEqual(newNode.metadata?.annotations ?? {}, oldNode.metadata?.annotations ?? {})) ev(Action.UpdateNodeAnnotation, 'NodeAnnotationChange');
  return out;
}

function scaledDown(newPod: Pod, oldPod: Pod): boolean {
  const n = calculatePodResource(newPod).resource;
  const o = calculatePodResource(oldPod).resource;
  if (n.milliCPU < o.milliCPU || n.memory < o.memory || n.ephemeralStorage < o.ephemeralStorage) return true;
  for (const [k, v] of o.scalar) if ((n.scalar.get(k) ?? 0) < v) return true;
  return false;
}

/** podChangeEvents lists the pod update events between old and new (UpdatePodOther when none applies). */
export function podChangeEvents(newPod: Pod, oldPod: Pod): ClusterEvent[] {
  const resource = newPod.spec?.nodeName ? 'AssignedPod' : 'UnscheduledPod';
  const out: ClusterEvent[] = [];
  if (!deepEqual(newPod.metadata?.labels ?? {}, oldPod.metadata?.labels ?? {})) out.push({ resource, action: Action.UpdatePodLabel, label: `${resource}UpdatePodLabel` });
  if (!deepEqual(newPod.spec?.containers, oldPod.spec?.containers) && scaledDown(newPod, oldPod)) out.push({ resource, action: Action.UpdatePodScaleDown, label: `${resource}UpdatePodScaleDown` });
  if ((newPod.spec?.schedulingGates ?? []).length === 0 && (oldPod.spec?.schedulingGates ?? []).length > 0) out.push({ resource, action: Action.UpdatePodSchedulingGatesEliminated, label: `${resource}UpdatePodSchedulingGatesEliminated` });
  if ((newPod.spec?.tolerations ?? []).length !== (oldPod.spec?.tolerations ?? []).length) out.push({ resource, action: Action.UpdatePodToleration, label: `${resource}UpdatePodToleration` });
  if (out.length === 0) out.push({ resource, action: Action.UpdatePodOther, label: `${resource}UpdatePodOther` });
  return out;
}

/** isPodUpdated ignores what the scheduler itself writes (status, resourceVersion, generation, managedFields). */
export function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  const strip = (p: Pod) => ({ ...p, status: undefined, metadata: { ...p.metadata, resourceVersion: undefined, generation: undefined, managedFields: undefined } });
  return !deepEqual(strip(oldPod), strip(newPod));
}
