import type { CycleState } from '../../framework/cycle-state.ts';
import { LABEL_HOSTNAME } from '../../framework/api.ts';
import type { NodeScore, Snapshot } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { requiredNodeAffinityOf } from '../../framework/node-selector.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { SKIP, type Status } from '../../framework/status.ts';
import { countPodsMatchSelector, matchNodeInclusionPolicies, nodeLabelsMatchConstraints, type Constraint } from './common.ts';

const PRE_SCORE_KEY = 'PreScorePodTopologySpread';

interface PreScoreState {
  constraints: Constraint[];
  ignoredNodes: Set<string>;
  /** counts per constraint: domain → matching pods (hostname constraints count per node at Score). */
  counts: Map<string, number>[];
  weights: number[];
  hostname: boolean[];
  ns: string;
}

/**
 * preScore prepares soft-constraint scoring over the feasible nodes. Nodes
 * missing a topology key are ignored, unless the constraints are the system
 * defaults (so nodes without a zone label still spread by hostname).
 */
export function preScore(snapshot: Snapshot, state: CycleState, pi: PodInfo, filtered: readonly NodeInfo[], constraints: Constraint[], requireAllTopologies: boolean): Status | null {
  if (filtered.length === 0 || constraints.length === 0) return SKIP;
  const ignoredNodes = new Set<string>();
  const nc = constraints.length;
  const counts = constraints.map(() => new Map<string, number>());
  const hostname = constraints.map((c) => c.topologyKey === LABEL_HOSTNAME);
  const domains = hostname.some((h) => !h);
  if (domains || requireAllTopologies) {
    for (const ni of filtered) {
      const labels = ni.labels;
      if (requireAllTopologies && !nodeLabelsMatchConstraints(labels, constraints)) {
        ignoredNodes.add(ni.name);
        continue;
      }
      for (let i = 0; i < nc; i++) {
        if (hostname[i]) continue;
        const v = labels[constraints[i]!.topologyKey];
        if (v !== undefined && !counts[i]!.has(v)) counts[i]!.set(v, 0);
      }
    }
  }
  const weights = constraints.map((_, i) => Math.log((hostname[i] ? filtered.length - ignoredNodes.size : counts[i]!.size) + 2));
  if (domains) {
    const req = requiredNodeAffinityOf(pi.pod);
    const noAffinity = !req.labelSelector && !req.nodeSelector;
    const ns = pi.pod.metadata?.namespace ?? '';
    for (const ni of snapshot.list()) {
      const labels = ni.labels;
      if (requireAllTopologies && !nodeLabelsMatchConstraints(labels, constraints)) continue;
      for (let i = 0; i < nc; i++) {
        if (hostname[i]) continue;
        const c = constraints[i]!;
        const v = labels[c.topologyKey];
        if (v === undefined) continue;
        const m = counts[i]!;
        const cur = m.get(v);
        if (cur === undefined) continue;
        // Inclusion policies can only exclude nodes when the pod has node affinity or taints are honoured.
        if ((!noAffinity || c.nodeTaintsPolicy === 'Honor') && !matchNodeInclusionPolicies(c, pi.pod, ni.node!, req)) continue;
        m.set(v, cur + countPodsMatchSelector(ni, c, ns));
      }
    }
  }
  state.write(PRE_SCORE_KEY, { constraints, ignoredNodes, counts, weights, hostname, ns: pi.pod.metadata?.namespace ?? '' } satisfies PreScoreState);
  return null;
}

/** score sums count × log(domains + 2) + (maxSkew − 1) over the constraints (lower is better before normalising). */
export function score(state: CycleState, ni: NodeInfo): number {
  const s = state.read<PreScoreState>(PRE_SCORE_KEY);
  if (!s || s.ignoredNodes.has(ni.name)) return 0;
  const labels = ni.labels;
  let total = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!;
    const v = labels[c.topologyKey];
    if (v === undefined) continue;
    const cnt = s.hostname[i] ? countPodsMatchSelector(ni, c, s.ns) : (s.counts[i]!.get(v) ?? 0);
    total += cnt * s.weights[i]! + (c.maxSkew - 1);
  }
  return Math.round(total);
}

/** normalizeScore reverses the scores onto 0..100 (fewest matching pods wins); ignored nodes get 0. */
export function normalizeScore(state: CycleState, scores: NodeScore[]): void {
  const s = state.read<PreScoreState>(PRE_SCORE_KEY);
  if (!s) return;
  let min = Infinity;
  let max = 0;
  for (const x of scores) {
    if (s.ignoredNodes.has(x.name)) continue;
    if (x.score < min) min = x.score;
    if (x.score > max) max = x.score;
  }
  for (const x of scores) {
    if (s.ignoredNodes.has(x.name)) x.score = 0;
    else if (max === 0) x.score = MAX_NODE_SCORE;
    else x.score = Math.trunc((MAX_NODE_SCORE * (max + min - x.score)) / max);
  }
}
