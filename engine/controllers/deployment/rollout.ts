import type { KObject } from '../../api/types.ts';
import { parseTime } from '../../base/clock.ts';
import { MAX_REPLICAS, DESIRED_REPLICAS, maxSurge, maxUnavailable, replicasOf, rsReplicas, rstatus } from './util.ts';

/** Scaler changes one ReplicaSet's size (recording the event) and returns the updated object. */
export type Scaler = (rs: KObject, newScale: number) => KObject;

const byCreation = (a: KObject, b: KObject) => (parseTime(a.metadata.creationTimestamp) ?? 0) - (parseTime(b.metadata.creationTimestamp) ?? 0) || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1);
const total = (rss: (KObject | undefined)[]) => rss.reduce((n, rs) => n + rsReplicas(rs), 0);
const available = (rss: (KObject | undefined)[]) => rss.reduce((n, rs) => n + (rs ? (rstatus(rs).availableReplicas ?? 0) : 0), 0);

/** newRSNewReplicas is NewRSNewReplicas: how far the new ReplicaSet may grow within maxSurge. */
export function newRSNewReplicas(d: KObject, all: KObject[], newRS: KObject | undefined): number {
  if (!newRS || replicasOf(d) === 0) return replicasOf(d);
  const isRecreate = (d.spec as { strategy?: { type?: string } }).strategy?.type === 'Recreate';
  if (isRecreate) return replicasOf(d);
  const maxTotal = replicasOf(d) + maxSurge(d);
  const current = total(all);
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, replicasOf(d) - rsReplicas(newRS));
}

/** reconcileNewReplicaSet scales the new ReplicaSet up within maxSurge (or down to spec.replicas). */
export function reconcileNewReplicaSet(d: KObject, all: KObject[], newRS: KObject, scale: Scaler): boolean {
  const want = replicasOf(d);
  if (rsReplicas(newRS) === want) return false;
  if (rsReplicas(newRS) > want) {
    scale(newRS, want);
    return true;
  }
  const n = newRSNewReplicas(d, all, newRS);
  if (n === rsReplicas(newRS)) return false;
  scale(newRS, n);
  return true;
}

/**
 * reconcileOldReplicaSets is the rolling update's scale-down: first unhealthy
 * old replicas, then old ReplicaSets oldest first, never below
 * spec.replicas - maxUnavailable available pods.
 */
export function reconcileOldReplicaSets(d: KObject, all: KObject[], oldRSs: KObject[], newRS: KObject, scale: Scaler): boolean {
  if (total(oldRSs) === 0) return false;
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = rsReplicas(newRS) - (rstatus(newRS).availableReplicas ?? 0);
  const maxScaledDown = total(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // Unhealthy replicas go first: removing them costs no availability.
  const olds = [...oldRSs].sort(byCreation);
  let cleaned = 0;
  for (let i = 0; i < olds.length; i++) {
    const rs = olds[i]!;
    if (cleaned >= maxScaledDown) break;
    const r = rsReplicas(rs);
    const avail = rstatus(rs).availableReplicas ?? 0;
    if (r === 0 || r === avail) continue;
    const down = Math.min(maxScaledDown - cleaned, r - avail);
    olds[i] = scale(rs, r - down);
    cleaned += down;
  }
  const availableNow = available([...olds, newRS]);
  let scaledDown = 0;
  if (availableNow > minAvailable) {
    const budget = availableNow - minAvailable;
    for (let i = 0; i < olds.length; i++) {
      const rs = olds[i]!;
      if (scaledDown >= budget) break;
      const r = rsReplicas(rs);
      if (r === 0) continue;
      const down = Math.min(r, budget - scaledDown);
      olds[i] = scale(rs, r - down);
      scaledDown += down;
    }
  }
  return cleaned + scaledDown > 0;
}

/**
 * proportionalScale is DeploymentController.scale: with one active
 * ReplicaSet, resize it; once the new one is saturated, drop the old ones;
 * otherwise share the change in proportion to each ReplicaSet's size.
 */
export function proportionalScale(d: KObject, newRS: KObject | undefined, oldRSs: KObject[], scale: Scaler): void {
  const want = replicasOf(d);
  const active = [newRS, ...oldRSs].filter((rs): rs is KObject => !!rs && rsReplicas(rs) > 0);
  const single = active.length === 1 ? active[0] : active.length === 0 ? (newRS ?? [...oldRSs].sort(byCreation).at(-1)) : undefined;
  if (single) {
    if (rsReplicas(single) !== want) scale(single, want);
    return;
  }
  if (newRS && rsReplicas(newRS) === want && newRS.metadata.annotations?.[DESIRED_REPLICAS] === String(want) && (rstatus(newRS).availableReplicas ?? 0) === want) {
    for (const rs of oldRSs) if (rsReplicas(rs) > 0) scale(rs, 0);
    return;
  }
  if ((d.spec as { strategy?: { type?: string } }).strategy?.type === 'Recreate') return;
  const allowed = want + maxSurge(d);
  const toAdd = allowed - total(active);
  if (toAdd === 0) return;
  // Bigger (then newer) first when growing, smaller (then older) first when shrinking.
  const sorted = [...active].sort((a, b) => (toAdd > 0 ? rsReplicas(b) - rsReplicas(a) || byCreation(b, a) : rsReplicas(a) - rsReplicas(b) || byCreation(a, b)));
  let added = 0;
  const sizes = new Map<KObject, number>();
  for (const rs of sorted) {
    let prop = 0;
    if (toAdd !== added && rsReplicas(rs) > 0) {
      const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? (d.status as { replicas?: number } | undefined)?.replicas ?? 0);
      const fraction = want === 0 ? -rsReplicas(rs) : annotated > 0 ? Math.round((rsReplicas(rs) * allowed) / annotated) - rsReplicas(rs) : 0;
      prop = toAdd > 0 ? Math.min(fraction, toAdd - added) : Math.max(fraction, toAdd - added);
    }
    sizes.set(rs, rsReplicas(rs) + prop);
    added += prop;
  }
  // The leftover goes to the largest ReplicaSet (never below zero).
  const first = sorted[0];
  if (first && added !== toAdd) sizes.set(first, Math.max(0, sizes.get(first)! + (toAdd - added)));
  for (const rs of sorted) scale(rs, sizes.get(rs)!);
}
