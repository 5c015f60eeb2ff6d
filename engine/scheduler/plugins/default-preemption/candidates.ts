import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { Handle } from '../../framework/interfaces.ts';
import { NodeToStatus } from '../../framework/fit-error.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { asStatus, Code } from '../../framework/status.ts';
import { podStartTime, selectVictimsOnNode } from './select-victims.ts';

/** Candidate is a node where preemption would make room, with its victims (most important first). */
export interface Candidate {
  name: string;
  victims: PodInfo[];
  numPDBViolations: number;
}

/**
 * dryRunPreemption tries each potential node (from a random offset, as
 * upstream) on copies of the node and the cycle state, and stops once
 * enough candidates are found. Nodes that cannot host the pod keep their
 * status for the preemption message.
 */
export function dryRunPreemption(h: Handle, state: CycleState, pi: PodInfo, potential: readonly NodeInfo[], pdbs: readonly PodDisruptionBudget[], offset: number, wanted: number): { candidates: Candidate[]; statuses: NodeToStatus } {
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  const statuses = new NodeToStatus();
  for (let i = 0; i < potential.length; i++) {
    const ni = potential[(offset + i) % potential.length]!.clone();
    const r = selectVictimsOnNode(h, state.clone(), pi, ni, pdbs);
    if (!r.status && r.victims.length > 0) {
      (r.numPDBViolations === 0 ? nonViolating : violating).push({ name: ni.name, victims: r.victims, numPDBViolations: r.numPDBViolations });
      if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
      continue;
    }
    statuses.set(ni.name, r.status && r.status.code !== Code.Success ? r.status : asStatus(new Error(`expected at least one victim pod on node "${ni.name}"`)));
  }
  return { candidates: [...nonViolating, ...violating], statuses };
}

function earliestStartOfTopVictims(c: Candidate, now: number): number {
  let maxPriority = c.victims[0]!.priority;
  let earliest = podStartTime(c.victims[0]!.pod, now);
  for (const v of c.victims) {
    const t = podStartTime(v.pod, now);
    if (v.priority === maxPriority && t < earliest) earliest = t;
    else if (v.priority > maxPriority) {
      maxPriority = v.priority;
      earliest = t;
    }
  }
  return earliest;
}

/**
 * pickOneNodeForPreemption applies upstream's criteria in order until one
 * node is left: fewest PDB violations, lowest highest-victim priority,
 * lowest sum of priorities, fewest victims, latest start of the highest
 * priority victims; then the first.
 */
export function pickOneNodeForPreemption(candidates: readonly Candidate[], now: number): Candidate | undefined {
  if (candidates.length <= 1) return candidates[0];
  const fns: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -c.victims[0]!.priority,
    (c) => -c.victims.reduce((s, v) => s + v.priority + 2147483648, 0),
    (c) => -c.victims.length,
    (c) => earliestStartOfTopVictims(c, now),
  ];
  let all = [...candidates];
  for (const f of fns) {
    let max = -Infinity;
    let selected: Candidate[] = [];
    for (const c of all) {
      const s = f(c);
      if (s > max) {
        max = s;
        selected = [c];
      } else if (s === max) selected.push(c);
    }
    if (selected.length === 1) return selected[0];
    all = selected;
  }
  return all[0];
}
