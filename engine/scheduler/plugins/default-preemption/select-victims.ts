import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { fromLabelSelector, matches } from '../../../base/labels.ts';
import { parseTime } from '../../../base/clock.ts';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { Handle } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { ok, Status, unresolvable } from '../../framework/status.ts';

/** NO_VICTIMS is the status of a node without lower-priority pods. */
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** podStartTime is util.GetPodStartTime: status.startTime, or now for pods that have not started. */
export function podStartTime(p: Pod, now: number): number {
  return parseTime(p.status?.startTime) ?? now;
}

/** moreImportantPod is util.MoreImportantPod: higher priority, then earlier start. */
export function moreImportantPod(a: PodInfo, b: PodInfo, now: number): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return podStartTime(a.pod, now) < podStartTime(b.pod, now);
}

/** filterPodsWithPDBViolation splits (ordered) pods into those whose eviction would violate a PodDisruptionBudget and the rest. */
export function filterPodsWithPDBViolation(pods: readonly PodInfo[], pdbs: readonly PodDisruptionBudget[]): [PodInfo[], PodInfo[]] {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const pi of pods) {
    const labels = pi.pod.metadata?.labels;
    let violated = false;
    if (labels && Object.keys(labels).length) {
      pdbs.forEach((pdb, i) => {
        if (pdb.metadata?.namespace !== pi.pod.metadata?.namespace) return;
        const sel = fromLabelSelector(pdb.spec?.selector);
        if (sel.nothing || sel.requirements.length === 0 || !matches(sel, labels)) return;
        if (pdb.status?.disruptedPods && (pi.pod.metadata?.name ?? '') in pdb.status.disruptedPods) return;
        allowed[i]!--;
        if (allowed[i]! < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pi);
  }
  return [violating, nonViolating];
}

/** VictimsResult is SelectVictimsOnNode's answer. */
export interface VictimsResult {
  victims: PodInfo[];
  numPDBViolations: number;
  status: Status | null;
}

/**
 * selectVictimsOnNode is DefaultPreemption.SelectVictimsOnNode: remove every
 * lower-priority pod, check that the preemptor then fits, and put back as
 * many as possible — PDB-protected ones first, most important first — so the
 * victims are the fewest, least important pods. state and nodeInfo are copies.
 */
export function selectVictimsOnNode(h: Handle, state: CycleState, pi: PodInfo, nodeInfo: NodeInfo, pdbs: readonly PodDisruptionBudget[]): VictimsResult {
  const now = h.now();
  const remove = (v: PodInfo) => {
    nodeInfo.removePod(v.uid);
    return h.runPreFilterExtensionRemovePod(state, pi, v, nodeInfo);
  };
  const add = (v: PodInfo) => {
    nodeInfo.addPod(v);
    return h.runPreFilterExtensionAddPod(state, pi, v, nodeInfo);
  };
  const potential = nodeInfo.pods.filter((p) => p.priority < pi.priority);
  for (const v of potential) {
    const s = remove(v);
    if (!ok(s)) return { victims: [], numPDBViolations: 0, status: s };
  }
  if (potential.length === 0) return { victims: [], numPDBViolations: 0, status: unresolvable(NO_VICTIMS) };
  const fits = h.runFilterPluginsWithNominatedPods(state, pi, nodeInfo);
  if (!ok(fits)) return { victims: [], numPDBViolations: 0, status: fits };
  potential.sort((a, b) => (moreImportantPod(a, b, now) ? -1 : moreImportantPod(b, a, now) ? 1 : 0));
  const [violating, nonViolating] = filterPodsWithPDBViolation(potential, pdbs);
  const victims: PodInfo[] = [];
  let numPDBViolations = 0;
  const reprieve = (v: PodInfo): boolean | Status => {
    const s = add(v);
    if (!ok(s)) return s!;
    const fit = ok(h.runFilterPluginsWithNominatedPods(state, pi, nodeInfo));
    if (!fit) {
      const r = remove(v);
      if (!ok(r)) return r!;
      victims.push(v);
    }
    return fit;
  };
  for (const v of violating) {
    const r = reprieve(v);
    if (r instanceof Status) return { victims: [], numPDBViolations: 0, status: r };
    if (!r) numPDBViolations++;
  }
  for (const v of nonViolating) {
    const r = reprieve(v);
    if (r instanceof Status) return { victims: [], numPDBViolations: 0, status: r };
  }
  if (violating.length && nonViolating.length) victims.sort((a, b) => (moreImportantPod(a, b, now) ? -1 : moreImportantPod(b, a, now) ? 1 : 0));
  return { victims, numPDBViolations, status: null };
}
