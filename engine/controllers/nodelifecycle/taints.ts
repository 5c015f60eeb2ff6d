/** The node taints the lifecycle controller manages (k8s.io/api/core/v1 well-known taints). */
export const TAINT = {
  notReady: 'node.kubernetes.io/not-ready',
  unreachable: 'node.kubernetes.io/unreachable',
  memoryPressure: 'node.kubernetes.io/memory-pressure',
  diskPressure: 'node.kubernetes.io/disk-pressure',
  pidPressure: 'node.kubernetes.io/pid-pressure',
  networkUnavailable: 'node.kubernetes.io/network-unavailable',
  unschedulable: 'node.kubernetes.io/unschedulable',
} as const;

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

interface Cond {
  type: string;
  status: string;
}

/** noScheduleTaints is doNoScheduleTaintingPass's map from node conditions (and unschedulable) to NoSchedule taints. */
export function noScheduleTaints(conds: Cond[], unschedulable: boolean): string[] {
  const out: string[] = [];
  const st = (t: string) => conds.find((c) => c.type === t)?.status;
  if (st('Ready') === 'False') out.push(TAINT.notReady);
  if (st('Ready') === 'Unknown') out.push(TAINT.unreachable);
  if (st('MemoryPressure') === 'True') out.push(TAINT.memoryPressure);
  if (st('DiskPressure') === 'True') out.push(TAINT.diskPressure);
  if (st('PIDPressure') === 'True') out.push(TAINT.pidPressure);
  if (st('NetworkUnavailable') === 'True') out.push(TAINT.networkUnavailable);
  if (unschedulable) out.push(TAINT.unschedulable);
  return out;
}

/** noExecuteTaint is the NoExecute taint for a Ready status (none while Ready is True). */
export function noExecuteTaint(ready: string | undefined): string | undefined {
  if (ready === 'False') return TAINT.notReady;
  if (ready === 'Unknown') return TAINT.unreachable;
  return undefined;
}

const MANAGED_NO_SCHEDULE = new Set<string>(Object.values(TAINT));

/**
 * reconcileTaints returns the node's taints with the managed NoSchedule and
 * NoExecute taints made to match its conditions (others left untouched),
 * or undefined when nothing changes.
 */
export function reconcileTaints(taints: Taint[], conds: Cond[], unschedulable: boolean, now: string): Taint[] | undefined {
  const wantNS = new Set(noScheduleTaints(conds, unschedulable));
  const wantNE = noExecuteTaint(conds.find((c) => c.type === 'Ready')?.status);
  const out: Taint[] = [];
  let changed = false;
  for (const t of taints) {
    const managedNS = t.effect === 'NoSchedule' && MANAGED_NO_SCHEDULE.has(t.key);
    const managedNE = t.effect === 'NoExecute' && (t.key === TAINT.notReady || t.key === TAINT.unreachable);
    if ((managedNS && !wantNS.has(t.key)) || (managedNE && t.key !== wantNE)) {
      changed = true;
      continue;
    }
    out.push(t);
  }
  for (const k of wantNS) {
    if (out.some((t) => t.key === k && t.effect === 'NoSchedule')) continue;
    out.push({ key: k, effect: 'NoSchedule' });
    changed = true;
  }
  if (wantNE && !out.some((t) => t.key === wantNE && t.effect === 'NoExecute')) {
    out.push({ key: wantNE, effect: 'NoExecute', timeAdded: now });
    changed = true;
  }
  return changed ? out : undefined;
}
