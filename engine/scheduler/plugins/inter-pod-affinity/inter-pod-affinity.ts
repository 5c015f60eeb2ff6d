import type { Node, Pod } from 'kubernetes-types/core/v1';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { PodInfo, podMatchesAllTerms, termMatches } from '../../framework/pod-info.ts';
import { Names } from '../names.ts';
import { extensions, filter, preFilter } from './filtering.ts';
import { normalizeScore, preScore, score } from './scoring.ts';

function labelsEqual(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a![k] === b?.[k]);
}

/**
 * InterPodAffinity enforces required pod affinity and anti-affinity (the new
 * pod's and that of pods already placed) per topology domain, and scores the
 * preferred terms. args: hardPodAffinityWeight (1), ignorePreferredTermsOfExistingPods.
 */
export function interPodAffinity(args: Record<string, unknown>, h: Handle): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  const a = {
    hardPodAffinityWeight: typeof args.hardPodAffinityWeight === 'number' ? args.hardPodAffinityWeight : 1,
    ignorePreferredTermsOfExistingPods: args.ignorePreferredTermsOfExistingPods === true,
  };
  return {
    name: Names.InterPodAffinity,
    preFilter: (state, pi) => preFilter(h, state, pi),
    preFilterExtensions: () => extensions,
    filter: (state, _pi, nodeInfo) => filter(state, nodeInfo),
    preScore: (state, pi, nodes) => preScore(h, a, state, pi, nodes),
    score: (state, _pi, nodeInfo) => score(state, nodeInfo.labels),
    normalizeScore: (state, _pi, scores) => normalizeScore(state, scores),
    eventsToRegister() {
      return [
        {
          event: { resource: 'Pod', action: Action.Add | Action.UpdatePodLabel | Action.Delete },
          hint: (pod, oldObj, newObj) => {
            const o = oldObj as Pod | undefined;
            const n = newObj as Pod | undefined;
            if ((n && !n.spec?.nodeName) || (o && !o.spec?.nodeName)) return 'QueueSkip';
            const target = new PodInfo(pod);
            const aff = target.requiredAffinityTerms;
            const anti = target.requiredAntiAffinityTerms;
            if (n && o) {
              if (labelsEqual(n.metadata?.labels, o.metadata?.labels)) return 'QueueSkip';
              const nowAffine = podMatchesAllTerms(aff, n) && !podMatchesAllTerms(aff, o);
              const antiFreed = anti.some((t) => termMatches(t, o, undefined)) && !anti.some((t) => termMatches(t, n, undefined));
              return nowAffine || antiFreed ? 'Queue' : 'QueueSkip';
            }
            if (n) return podMatchesAllTerms(aff, n) ? 'Queue' : 'QueueSkip';
            // A deleted pod frees the target if the target's anti-affinity matched it, or if its own anti-affinity repelled the target.
            const gone = new PodInfo(o!);
            if (anti.some((t) => termMatches(t, o!, undefined))) return 'Queue';
            return gone.requiredAntiAffinityTerms.some((t) => termMatches(t, pod, undefined)) ? 'Queue' : 'QueueSkip';
          },
        },
        { event: { resource: 'Node', action: Action.Add | Action.UpdateNodeLabel }, hint: (_pod, _o, n) => (Object.keys((n as Node).metadata?.labels ?? {}).length ? 'Queue' : 'QueueSkip') },
      ];
    },
  };
}
