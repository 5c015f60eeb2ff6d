import type { KObject } from '../../api/types.ts';
import { deepEqual } from '../../base/deep.ts';
import { parseTime } from '../../base/clock.ts';
import { condition, dspec, dstatus, maxUnavailable, newCondition, removeCondition, replicasOf, rstatus, setCondition, type DeploymentStatus } from './util.ts';

/** Condition reasons of pkg/controller/deployment/util. */
export const REASON = {
  newRSAvailable: 'NewReplicaSetAvailable',
  rsUpdated: 'ReplicaSetUpdated',
  timedOut: 'ProgressDeadlineExceeded',
  newRSCreated: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minAvailable: 'MinimumReplicasAvailable',
  minUnavailable: 'MinimumReplicasUnavailable',
  failedCreate: 'FailedCreate',
} as const;

const sum = (rss: (KObject | undefined)[], f: (s: ReturnType<typeof rstatus>) => number | undefined) => rss.reduce((n, rs) => n + (rs ? (f(rstatus(rs)) ?? 0) : 0), 0);

/** hasProgressDeadline is true unless progressDeadlineSeconds is unset or MaxInt32. */
export function hasProgressDeadline(d: KObject): boolean {
  const p = dspec(d).progressDeadlineSeconds;
  return p !== undefined && p !== 2147483647;
}

/** calculateStatus is the controller's calculateStatus: counts from the ReplicaSets and the Available condition. */
export function calculateStatus(d: KObject, all: KObject[], newRS: KObject | undefined, now: number): DeploymentStatus {
  const available = sum(all, (s) => s.availableReplicas);
  const total = sum(all, (s) => s.replicas);
  const st: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: total,
    updatedReplicas: sum([newRS], (s) => s.replicas),
    readyReplicas: sum(all, (s) => s.readyReplicas),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    conditions: [...(dstatus(d).conditions ?? [])].map((c) => ({ ...c })),
  };
  if (dstatus(d).collisionCount !== undefined) st.collisionCount = dstatus(d).collisionCount;
  // Zero counts are omitted, as omitempty drops them.
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) if (!st[k]) delete st[k];
  if (available >= replicasOf(d) - maxUnavailable(d)) setCondition(st, newCondition('Available', 'True', REASON.minAvailable, 'Deployment has minimum availability.', now));
  else setCondition(st, newCondition('Available', 'False', REASON.minUnavailable, 'Deployment does not have minimum availability.', now));
  return st;
}

/** deploymentComplete is DeploymentComplete: every replica updated and available, and the spec observed. */
export function deploymentComplete(d: KObject, st: DeploymentStatus): boolean {
  const r = replicasOf(d);
  return st.updatedReplicas === r && st.replicas === r && st.availableReplicas === r && (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** deploymentProgressing is DeploymentProgressing: more updated, ready or available pods, or fewer old ones. */
function deploymentProgressing(d: KObject, st: DeploymentStatus): boolean {
  const old = dstatus(d);
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (st.replicas ?? 0) - (st.updatedReplicas ?? 0);
  return (st.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (st.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (st.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** deploymentTimedOut is DeploymentTimedOut: no progress for progressDeadlineSeconds since the last update of Progressing. */
function deploymentTimedOut(d: KObject, st: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = condition(st, 'Progressing');
  if (!c || c.reason === REASON.newRSAvailable) return false;
  if (c.reason === REASON.timedOut) return true;
  const from = parseTime(c.lastUpdateTime) ?? now;
  return from + (dspec(d).progressDeadlineSeconds ?? 600) * 1000 < now;
}

/**
 * rolloutStatus is syncRolloutStatus's computation: the new status with the
 * Progressing condition (NewReplicaSetAvailable, ReplicaSetUpdated or
 * ProgressDeadlineExceeded) and ReplicaFailure copied from the new ReplicaSet.
 */
export function rolloutStatus(d: KObject, all: KObject[], newRS: KObject | undefined, now: number): DeploymentStatus {
  const st = calculateStatus(d, all, newRS, now);
  if (!hasProgressDeadline(d)) removeCondition(st, 'Progressing');
  const cur = condition(st, 'Progressing');
  const complete = st.replicas === st.updatedReplicas && cur?.reason === REASON.newRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, st)) {
      setCondition(st, newCondition('Progressing', 'True', REASON.newRSAvailable, `ReplicaSet "${newRS?.metadata.name}" has successfully progressed.`, now));
    } else if (deploymentProgressing(d, st)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const c = newCondition('Progressing', 'True', REASON.rsUpdated, msg, now);
      if (cur) {
        if (cur.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
        removeCondition(st, 'Progressing');
      }
      setCondition(st, c);
    } else if (deploymentTimedOut(d, st, now)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(st, newCondition('Progressing', 'False', REASON.timedOut, msg, now));
    }
  }
  const failure = newRS && ((newRS.status as { conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] } | undefined)?.conditions ?? []).find((c) => c.type === 'ReplicaFailure');
  if (failure) setCondition(st, { type: 'ReplicaFailure', status: failure.status, lastUpdateTime: failure.lastTransitionTime, lastTransitionTime: failure.lastTransitionTime, reason: failure.reason, message: failure.message });
  else removeCondition(st, 'ReplicaFailure');
  return st;
}

/** requeueAfter is requeueStuckDeployment: when to look again for a progress deadline (undefined: no need). */
export function requeueAfter(d: KObject, st: DeploymentStatus, now: number): number | undefined {
  const c = condition(st, 'Progressing');
  if (!hasProgressDeadline(d) || !c || deploymentComplete(d, st) || c.reason === REASON.timedOut) return undefined;
  const at = (parseTime(c.lastUpdateTime) ?? now) + (dspec(d).progressDeadlineSeconds ?? 600) * 1000;
  return at - now < 1000 ? 0 : at - now + 1000;
}

/** sameStatus compares statuses as the controller's reflect.DeepEqual does. */
export function sameStatus(a: DeploymentStatus, b: DeploymentStatus): boolean {
  return deepEqual(norm(a), norm(b));
}

function norm(s: DeploymentStatus): DeploymentStatus {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined && v !== 0 && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out as DeploymentStatus;
}
