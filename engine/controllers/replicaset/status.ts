import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import { rfc3339 } from '../../base/clock.ts';
import { isPodAvailable, isPodReady } from '../base/pods.ts';

/** ReplicaSetStatus is apps/v1 ReplicaSetStatus (also ReplicationControllerStatus). */
export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[];
}

/**
 * calculateStatus is the controller's calculateStatus: counts over the pods it
 * controls, and the ReplicaFailure condition set by a failed create or delete
 * (and removed once a sync succeeds).
 */
export function calculateStatus(rs: KObject, pods: Pod[], manageErr: { reason: string; message: string } | undefined, now: number): ReplicaSetStatus {
  const spec = rs.spec as { minReadySeconds?: number; template?: { metadata?: { labels?: Record<string, string> } } };
  const tl = spec.template?.metadata?.labels ?? {};
  const keys = Object.keys(tl);
  let fully = 0;
  let ready = 0;
  let available = 0;
  for (const p of pods) {
    const pl = p.metadata?.labels ?? {};
    let labelled = true;
    for (const k of keys) if (pl[k] !== tl[k]) labelled = false;
    if (labelled) fully++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, spec.minReadySeconds ?? 0, now)) available++;
    }
  }
  const old = (rs.status ?? {}) as ReplicaSetStatus;
  // The ReplicaFailure condition is set by a failed create/delete (kept, not refreshed, while it lasts) and removed by a clean sync.
  let conditions = (old.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
  const prevFailure = old.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (manageErr) conditions = [...conditions, prevFailure ?? { type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(now), reason: manageErr.reason, message: manageErr.message }];
  // Zero counts are omitted, as the Go types' omitempty drops them (replicas always shows).
  const st: ReplicaSetStatus = { replicas: pods.length };
  if (fully) st.fullyLabeledReplicas = fully;
  if (ready) st.readyReplicas = ready;
  if (available) st.availableReplicas = available;
  if (rs.metadata.generation) st.observedGeneration = rs.metadata.generation;
  if (conditions.length) st.conditions = conditions;
  return st;
}

/** sameStatus compares two statuses field by field (zero counts are omitted in JSON). */
export function sameStatus(a: ReplicaSetStatus | undefined, b: ReplicaSetStatus): boolean {
  const n = (x: number | undefined) => x ?? 0;
  return (
    !!a &&
    n(a.replicas) === n(b.replicas) &&
    n(a.fullyLabeledReplicas) === n(b.fullyLabeledReplicas) &&
    n(a.readyReplicas) === n(b.readyReplicas) &&
    n(a.availableReplicas) === n(b.availableReplicas) &&
    a.observedGeneration === b.observedGeneration &&
    JSON.stringify(a.conditions ?? []) === JSON.stringify(b.conditions ?? [])
  );
}
