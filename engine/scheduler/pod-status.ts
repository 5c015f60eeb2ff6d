import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../base/clock.ts';
import type { ApiClient } from '../client/client.ts';
import { R } from '../client/refs.ts';
import type { NominatingInfo } from './framework/interfaces.ts';

/** NOTE_LENGTH_LIMIT is the events API's note limit; longer messages are cut with " ...". */
export const NOTE_LENGTH_LIMIT = 1024;

/** truncateMessage is the scheduler's truncateMessage for event notes. */
export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message;
  const suffix = ' ...';
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}

/**
 * updatePodStatus is the scheduler's updatePod: set the PodScheduled
 * condition (keeping lastTransitionTime when the status did not change) and
 * the nominated node, with one status patch — and no request at all when
 * nothing would change. Failures are ignored, as the scheduler only logs them.
 */
export function updatePodStatus(client: ApiClient, pod: Pod, cond: { status: 'True' | 'False'; reason: string; message: string }, nominating: NominatingInfo | null, now: number): void {
  const old = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
  const next: PodCondition = {
    type: 'PodScheduled',
    status: cond.status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: old && old.status === cond.status ? old.lastTransitionTime : rfc3339(now),
    reason: cond.reason,
    message: cond.message,
  };
  const conditionChanged = !old || old.status !== next.status || old.reason !== next.reason || old.message !== next.message || old.lastTransitionTime !== next.lastTransitionTime;
  const nnnChanged = nominating?.mode === 'Override' && (pod.status?.nominatedNodeName ?? '') !== nominating.nominatedNodeName;
  if (!conditionChanged && !nnnChanged) return;
  const status: Record<string, unknown> = {};
  if (conditionChanged) status.conditions = [next];
  if (nnnChanged) status.nominatedNodeName = nominating!.nominatedNodeName || null;
  try {
    client.patch(R.pods, pod.metadata?.namespace, pod.metadata?.name ?? '', 'strategic', { status }, { sub: 'status' });
  } catch {
    // The pod may be gone; the scheduler only logs this.
  }
}
