import type { Node, NodeAffinity as V1NodeAffinity, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';
import type { CycleState } from '../../framework/cycle-state.ts';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import { nodeSelectorMatches, preferredScore, requiredMatches, requiredNodeAffinityOf, type RequiredNodeAffinity } from '../../framework/node-selector.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { SKIP, unresolvable } from '../../framework/status.ts';
import { defaultNormalizeScore } from '../helper/normalize.ts';
import { Names } from '../names.ts';

/** ERR_REASON_POD is nodeaffinity.ErrReasonPod: the pod's nodeSelector or required node affinity does not match. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** ERR_REASON_ENFORCED is errReasonEnforced: the profile's addedAffinity does not match. */
export const ERR_REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity";
/** ERR_REASON_CONFLICT is errReasonConflict: metadata.name terms that no node can satisfy. */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

const PRE_FILTER_KEY = 'PreFilterNodeAffinity';
const PRE_SCORE_KEY = 'PreScoreNodeAffinity';

/** nodeNamesOfTerms is PreFilter's shortcut: the node names required terms allow through metadata.name In, or undefined for all. */
function nodeNamesOfTerms(na: V1NodeAffinity | undefined): Set<string> | undefined {
  const terms = na?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

/**
 * NodeAffinity filters on spec.nodeSelector and required node affinity, and
 * scores preferred node affinity (the sum of the matching terms' weights).
 * args.addedAffinity is the profile's enforced affinity.
 */
export function nodeAffinity(args: Record<string, unknown>, _h: Handle): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  const added = args.addedAffinity as V1NodeAffinity | undefined;
  const addedRequired = added?.requiredDuringSchedulingIgnoredDuringExecution;
  const addedPreferred = added?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const preferredOf = (pi: PodInfo): PreferredSchedulingTerm[] => [...(pi.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []), ...addedPreferred];
  const matchesAdded = (node: Node) => !addedRequired || nodeSelectorMatches(addedRequired, node);
  return {
    name: Names.NodeAffinity,
    preFilter(state: CycleState, pi) {
      const na = pi.pod.spec?.affinity?.nodeAffinity;
      const noAffinity = !na?.requiredDuringSchedulingIgnoredDuringExecution;
      if (noAffinity && !addedRequired && !pi.pod.spec?.nodeSelector) return { status: SKIP };
      state.write(PRE_FILTER_KEY, requiredNodeAffinityOf(pi.pod));
      const names = nodeNamesOfTerms(na);
      if (names && names.size === 0) return { status: unresolvable(ERR_REASON_CONFLICT) };
      return { nodeNames: names ?? null, status: null };
    },
    filter(state, pi, nodeInfo) {
      const node = nodeInfo.node!;
      if (!matchesAdded(node)) return unresolvable(ERR_REASON_ENFORCED);
      const req = state.read<RequiredNodeAffinity>(PRE_FILTER_KEY) ?? requiredNodeAffinityOf(pi.pod);
      return requiredMatches(req, node) ? null : unresolvable(ERR_REASON_POD);
    },
    preScore(state, pi) {
      const terms = preferredOf(pi);
      if (terms.length === 0) return SKIP;
      state.write(PRE_SCORE_KEY, { terms } as { terms: PreferredSchedulingTerm[] });
      return null;
    },
    score(state, pi, nodeInfo) {
      const s = state.read<{ terms: PreferredSchedulingTerm[] }>(PRE_SCORE_KEY);
      return preferredScore(s ? s.terms : preferredOf(pi), nodeInfo.node!);
    },
    normalizeScore(_state, _pi, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
    },
    eventsToRegister() {
      return [
        {
          event: { resource: 'Node', action: Action.Add | Action.UpdateNodeLabel },
          hint: (pod, oldObj, newObj) => {
            const req = requiredNodeAffinityOf(pod);
            const n = newObj as Node;
            if (!matchesAdded(n) || !requiredMatches(req, n)) return 'QueueSkip';
            if (!oldObj) return 'Queue';
            const o = oldObj as Node;
            return matchesAdded(o) && requiredMatches(req, o) ? 'QueueSkip' : 'Queue';
          },
        },
      ];
    },
  };
}
