import type { Pod } from 'kubernetes-types/core/v1';
import { matchClusterEvents, type ClusterEvent, type ClusterEventWithHint } from '../framework/events.ts';
import type { QueuedPodInfo } from '../framework/interfaces.ts';

/** WINDOW_MS is the backoffQ ordering window: expirations round up to it so pods close in time order by priority. */
export const WINDOW_MS = 1000;

/**
 * backoffDuration is calculateBackoffDuration: no back-off before the first
 * attempt, then initial × 2^(count − 1) capped at max, where count is the
 * consecutive errors when the last attempt failed on an error, else the
 * number of unschedulable attempts.
 */
export function backoffDuration(q: QueuedPodInfo, initialMs: number, maxMs: number): number {
  if (q.attempts === 0) return 0;
  const count = q.consecutiveErrorsCount > 0 ? q.consecutiveErrorsCount : q.unschedulableCount;
  if (count === 0) return 0;
  let d = initialMs;
  for (let i = 1; i < count; i++) {
    if (d > maxMs - d) return maxMs;
    d += d;
  }
  return d;
}

/** alignToWindow rounds a back-off end up to the ordering window (only with SchedulerPopFromBackoffQ). */
export function alignToWindow(t: number, enabled: boolean): number {
  return enabled ? Math.ceil(t / WINDOW_MS) * WINDOW_MS : t;
}

/**
 * hintSaysQueue asks the plugins that rejected the pod (or the gating
 * plugin) whether the event may make it schedulable: a registered event
 * that matches, with no hint or a hint answering Queue. Wildcard events,
 * and pods no plugin rejected (errors), always move.
 */
export function hintSaysQueue(q: QueuedPodInfo, event: ClusterEvent, oldObj: unknown, newObj: unknown, eventsOf: (pod: Pod, plugin: string) => readonly ClusterEventWithHint[]): boolean {
  if (event.resource === '*') return true;
  const plugins = q.gatingPlugin ? [q.gatingPlugin] : [...q.unschedulablePlugins, ...q.pendingPlugins];
  if (plugins.length === 0) return true;
  for (const name of plugins) {
    for (const reg of eventsOf(q.podInfo.pod, name)) {
      if (!matchClusterEvents(reg.event, event)) continue;
      if (!reg.hint || reg.hint(q.podInfo.pod, oldObj, newObj) === 'Queue') return true;
    }
  }
  return false;
}
