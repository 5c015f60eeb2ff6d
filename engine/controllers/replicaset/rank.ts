import type { Pod } from 'kubernetes-types/core/v1';
import { parseTime } from '../../base/clock.ts';
import { isPodReady, podCondition } from '../base/pods.ts';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * podsToDelete is getPodsToDelete: the n pods to remove first, ordered as
 * controller.ActivePodsWithRanks: unscheduled before scheduled, Pending before
 * Unknown before Running, not ready before ready, pods doubled up on a node
 * (counting related pods) first, ready for less time first, more restarts
 * first, newer first.
 */
export function podsToDelete(pods: Pod[], related: Pod[], n: number): Pod[] {
  if (n >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) {
    const node = p.spec?.nodeName;
    if (node && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const rank = (p: Pod) => (p.spec?.nodeName ? (onNode.get(p.spec.nodeName) ?? 0) : 0);
  return [...pods].sort((a, b) => compare(a, b, rank)).slice(0, n);
}

function compare(a: Pod, b: Pod, rank: (p: Pod) => number): number {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (an === '' || bn === '')) return an === '' ? -1 : 1;
  const ap = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0;
  const bp = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0;
  if (ap !== bp) return ap - bp;
  const ar = isPodReady(a);
  const br = isPodReady(b);
  if (ar !== br) return ar ? 1 : -1;
  if (rank(a) !== rank(b)) return rank(b) - rank(a);
  if (ar && br) {
    const at = parseTime(podCondition(a, 'Ready')?.lastTransitionTime) ?? 0;
    const bt = parseTime(podCondition(b, 'Ready')?.lastTransitionTime) ?? 0;
    if (at !== bt) return bt - at;
  }
  const rc = restarts(b) - restarts(a);
  if (rc !== 0) return rc;
  const ac = parseTime(a.metadata?.creationTimestamp) ?? 0;
  const bc = parseTime(b.metadata?.creationTimestamp) ?? 0;
  if (ac !== bc) return bc - ac;
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
}

function restarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}
