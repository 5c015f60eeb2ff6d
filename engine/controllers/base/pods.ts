import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { parseTime } from '../../base/clock.ts';
import type { KObject } from '../../api/types.ts';

/** asPod views a cached object as a typed Pod. */
export function asPod(o: KObject): Pod {
  return o as unknown as Pod;
}

/** podCondition returns the pod's condition of type t. */
export function podCondition(pod: Pod, t: string): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === t);
}

/** isPodReady is podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/**
 * isPodAvailable is podutil.IsPodAvailable: ready, and ready for at least
 * minReadySeconds (measured from the Ready condition's lastTransitionTime).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const t = parseTime(c.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 <= now;
}

/** availableAfter is how long until a ready pod becomes available (0 when it already is or never will be). */
export function availableAfter(pod: Pod, minReadySeconds: number, now: number): number {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True' || !minReadySeconds) return 0;
  const t = parseTime(c.lastTransitionTime);
  if (t === undefined) return 0;
  return Math.max(0, t + minReadySeconds * 1000 - now);
}

/** isPodActive is controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/** isPodTerminating reports a pod being deleted that has not finished. */
export function isPodTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}
