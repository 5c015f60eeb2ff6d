import type { CycleState, StateData } from '../../framework/cycle-state.ts';
import type { Handle, PreFilterExtensions, PreFilterOutcome } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { podMatchesAllTerms, type AffinityTerm, type PodInfo } from '../../framework/pod-info.ts';
import { SKIP, unresolvable, unschedulable, type Status } from '../../framework/status.ts';
import { mergeNamespaces, namespaceLabels, pairKey, updateWithAffinityTerms, updateWithAntiAffinityTerms, type TopologyCounts } from './topology.ts';

/** ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH is interpodaffinity's reason when a pod already there repels the new one. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
/** ERR_REASON_AFFINITY_RULES_NOT_MATCH is ErrReasonAffinityRulesNotMatch. */
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
/** ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH is ErrReasonAntiAffinityRulesNotMatch. */
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

const PRE_FILTER_KEY = 'PreFilterInterPodAffinity';

/** PreFilterState counts, per topology pair, the matches that decide each node. */
export class PreFilterState implements StateData {
  constructor(
    readonly requiredAffinityTerms: AffinityTerm[],
    readonly requiredAntiAffinityTerms: AffinityTerm[],
    readonly podInfo: PodInfo,
    readonly nsLabels: Record<string, string>,
    /** existingAntiAffinityCounts: pods already placed whose required anti-affinity matches the new pod */
    public existingAntiAffinityCounts: TopologyCounts,
    /** affinityCounts: placed pods matching all the new pod's affinity terms */
    public affinityCounts: TopologyCounts,
    /** antiAffinityCounts: placed pods matching the new pod's anti-affinity terms */
    public antiAffinityCounts: TopologyCounts,
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(this.requiredAffinityTerms, this.requiredAntiAffinityTerms, this.podInfo, this.nsLabels, new Map(this.existingAntiAffinityCounts), new Map(this.affinityCounts), new Map(this.antiAffinityCounts));
  }

  updateWithPod(p: PodInfo, nodeInfo: NodeInfo, by: number): void {
    const node = nodeInfo.node;
    if (!node) return;
    updateWithAntiAffinityTerms(this.existingAntiAffinityCounts, p.requiredAntiAffinityTerms, this.podInfo.pod, this.nsLabels, node, by);
    updateWithAffinityTerms(this.affinityCounts, this.requiredAffinityTerms, p.pod, node, by);
    updateWithAntiAffinityTerms(this.antiAffinityCounts, this.requiredAntiAffinityTerms, p.pod, undefined, node, by);
  }
}

/** preFilter computes the three counts over the snapshot; Skip when no affinity is involved. */
export function preFilter(h: Handle, state: CycleState, pi: PodInfo): PreFilterOutcome {
  const ns = h.listers.namespaces;
  const aff = pi.requiredAffinityTerms.map((t) => mergeNamespaces(t, ns));
  const anti = pi.requiredAntiAffinityTerms.map((t) => mergeNamespaces(t, ns));
  const nsLabels = namespaceLabels(pi.pod.metadata?.namespace ?? '', ns);
  const existing: TopologyCounts = new Map();
  for (const ni of h.snapshot.havePodsWithRequiredAntiAffinity()) {
    for (const p of ni.podsWithRequiredAntiAffinity) updateWithAntiAffinityTerms(existing, p.requiredAntiAffinityTerms, pi.pod, nsLabels, ni.node!, 1);
  }
  const affinityCounts: TopologyCounts = new Map();
  const antiCounts: TopologyCounts = new Map();
  if (aff.length || anti.length) {
    for (const ni of h.snapshot.list()) {
      for (const p of ni.pods) {
        updateWithAffinityTerms(affinityCounts, aff, p.pod, ni.node!, 1);
        updateWithAntiAffinityTerms(antiCounts, anti, p.pod, undefined, ni.node!, 1);
      }
    }
  }
  if (existing.size === 0 && aff.length === 0 && anti.length === 0) return { status: SKIP };
  state.write(PRE_FILTER_KEY, new PreFilterState(aff, anti, pi, nsLabels, existing, affinityCounts, antiCounts));
  return { status: null };
}

/** extensions keep the counts right when preemption removes victims or adds nominated pods. */
export const extensions: PreFilterExtensions = {
  addPod(state, _pod, toAdd, nodeInfo) {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.updateWithPod(toAdd, nodeInfo, 1);
    return null;
  },
  removePod(state, _pod, toRemove, nodeInfo) {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.updateWithPod(toRemove, nodeInfo, -1);
    return null;
  },
};

function satisfyPodAffinity(s: PreFilterState, labels: Record<string, string>): boolean {
  let podsExist = true;
  for (const t of s.requiredAffinityTerms) {
    const v = labels[t.topologyKey];
    if (v === undefined) return false;
    if ((s.affinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere that has the topology labels.
  return s.affinityCounts.size === 0 && podMatchesAllTerms(s.requiredAffinityTerms, s.podInfo.pod);
}

function satisfyPodAntiAffinity(s: PreFilterState, labels: Record<string, string>): boolean {
  if (s.antiAffinityCounts.size === 0) return true;
  for (const t of s.requiredAntiAffinityTerms) {
    const v = labels[t.topologyKey];
    if (v !== undefined && (s.antiAffinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, labels: Record<string, string>): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  for (const [k, v] of Object.entries(labels)) if ((s.existingAntiAffinityCounts.get(pairKey(k, v)) ?? 0) > 0) return false;
  return true;
}

/** filter checks the node against the counts: affinity first, then the pod's anti-affinity, then existing pods' anti-affinity. */
export function filter(state: CycleState, nodeInfo: NodeInfo): Status | null {
  const s = state.read<PreFilterState>(PRE_FILTER_KEY);
  if (!s) return null;
  const labels = nodeInfo.labels;
  if (!satisfyPodAffinity(s, labels)) return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
  if (!satisfyPodAntiAffinity(s, labels)) return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
  if (!satisfyExistingPodsAntiAffinity(s, labels)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
  return null;
}
