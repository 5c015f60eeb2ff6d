import type { Node } from 'kubernetes-types/core/v1';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { Handle, NodeScore } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import { termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../../framework/pod-info.ts';
import { SKIP, type Status } from '../../framework/status.ts';
import { mergeNamespaces, namespaceLabels } from './topology.ts';

const PRE_SCORE_KEY = 'PreScoreInterPodAffinity';

/** ScoreMap is topologyKey → value → score. */
type ScoreMap = Map<string, Map<string, number>>;

interface PreScoreState {
  topologyScore: ScoreMap;
}

function processTerm(m: ScoreMap, t: AffinityTerm, weight: number, pod: PodInfo['pod'], nsLabels: Record<string, string> | undefined, node: Node, multiplier: number): void {
  if (!termMatches(t, pod, nsLabels)) return;
  const v = node.metadata?.labels?.[t.topologyKey];
  if (v === undefined) return;
  let byValue = m.get(t.topologyKey);
  if (!byValue) m.set(t.topologyKey, (byValue = new Map()));
  byValue.set(v, (byValue.get(v) ?? 0) + weight * multiplier);
}

function processTerms(m: ScoreMap, terms: readonly WeightedAffinityTerm[], pod: PodInfo['pod'], nsLabels: Record<string, string> | undefined, node: Node, multiplier: number): void {
  for (const t of terms) processTerm(m, t, t.weight, pod, nsLabels, node, multiplier);
}

/**
 * preScore sums, per topology pair, the preferred (anti-)affinity of the new
 * pod towards placed pods and of placed pods towards the new one (their
 * required affinity counting hardPodAffinityWeight). Skip when nothing counts.
 */
export function preScore(h: Handle, args: { hardPodAffinityWeight: number; ignorePreferredTermsOfExistingPods: boolean }, state: CycleState, pi: PodInfo, nodes: readonly unknown[]): Status | null {
  if (nodes.length === 0) return SKIP;
  const hasConstraints = pi.preferredAffinityTerms.length > 0 || pi.preferredAntiAffinityTerms.length > 0;
  if (args.ignorePreferredTermsOfExistingPods && !hasConstraints) return SKIP;
  const ns = h.listers.namespaces;
  const prefAff = pi.preferredAffinityTerms.map((t) => ({ ...mergeNamespaces(t, ns), weight: t.weight }));
  const prefAnti = pi.preferredAntiAffinityTerms.map((t) => ({ ...mergeNamespaces(t, ns), weight: t.weight }));
  const nsLabels = namespaceLabels(pi.pod.metadata?.namespace ?? '', ns);
  const m: ScoreMap = new Map();
  const all = hasConstraints ? h.snapshot.list() : h.snapshot.havePodsWithAffinity();
  for (const ni of all) {
    const node = ni.node;
    if (!node || Object.keys(node.metadata?.labels ?? {}).length === 0) continue;
    for (const existing of hasConstraints ? ni.pods : ni.podsWithAffinity) {
      processTerms(m, prefAff, existing.pod, undefined, node, 1);
      processTerms(m, prefAnti, existing.pod, undefined, node, -1);
      if (args.hardPodAffinityWeight > 0) for (const t of existing.requiredAffinityTerms) processTerm(m, t, args.hardPodAffinityWeight, pi.pod, nsLabels, node, 1);
      processTerms(m, existing.preferredAffinityTerms, pi.pod, nsLabels, node, 1);
      processTerms(m, existing.preferredAntiAffinityTerms, pi.pod, nsLabels, node, -1);
    }
  }
  if (m.size === 0) return SKIP;
  state.write(PRE_SCORE_KEY, { topologyScore: m } satisfies PreScoreState);
  return null;
}

/** score adds up the node's topology pairs. */
export function score(state: CycleState, labels: Record<string, string>): number {
  const s = state.read<PreScoreState>(PRE_SCORE_KEY);
  if (!s) return 0;
  let total = 0;
  for (const [key, byValue] of s.topologyScore) {
    const v = labels[key];
    if (v !== undefined) total += byValue.get(v) ?? 0;
  }
  return total;
}

/** normalizeScore maps the range [min, max] onto [0, 100]. */
export function normalizeScore(state: CycleState, scores: NodeScore[]): void {
  const s = state.read<PreScoreState>(PRE_SCORE_KEY);
  if (!s || s.topologyScore.size === 0) return;
  let min = Infinity;
  let max = -Infinity;
  for (const x of scores) {
    if (x.score > max) max = x.score;
    if (x.score < min) min = x.score;
  }
  const diff = max - min;
  for (const x of scores) x.score = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((x.score - min) / diff)) : 0;
}
