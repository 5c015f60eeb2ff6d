import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { doNotScheduleTaint, findUntoleratedTaint, tolerationsTolerateTaint } from '../../framework/api.ts';
import type { CycleState } from '../../framework/cycle-state.ts';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import { unresolvable } from '../../framework/status.ts';
import { defaultNormalizeScore } from '../helper/normalize.ts';
import { Names } from '../names.ts';

/** untoleratedTaintReason is the Filter reason: the taint printed as {key: value}, an empty value leaving "{key: }". */
export function untoleratedTaintReason(t: Taint): string {
  return `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
}

const PRE_SCORE_KEY = 'PreScoreTaintToleration';

interface PreScoreState {
  tolerationsPreferNoSchedule: Toleration[];
}

function countIntolerablePreferNoSchedule(taints: readonly Taint[] | undefined, tolerations: Toleration[]): number {
  let n = 0;
  for (const t of taints ?? []) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, t)) n++;
  return n;
}

/**
 * TaintToleration rejects nodes with a NoSchedule/NoExecute taint the pod
 * does not tolerate, and scores nodes by the PreferNoSchedule taints it does
 * not tolerate (fewer is better).
 */
export function taintToleration(_args: Record<string, unknown>, _h: Handle): FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  return {
    name: Names.TaintToleration,
    filter(_state, pi, nodeInfo) {
      const taint = findUntoleratedTaint(nodeInfo.node?.spec?.taints, pi.pod.spec?.tolerations, doNotScheduleTaint);
      return taint ? unresolvable(untoleratedTaintReason(taint)) : null;
    },
    preScore(state: CycleState, pi) {
      const tolerations = (pi.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
      state.write(PRE_SCORE_KEY, { tolerationsPreferNoSchedule: tolerations } satisfies PreScoreState);
      return null;
    },
    score(state, pi, nodeInfo) {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      const tolerations = s ? s.tolerationsPreferNoSchedule : (pi.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
      return countIntolerablePreferNoSchedule(nodeInfo.node?.spec?.taints, tolerations);
    },
    normalizeScore(_state, _pi, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
    },
    eventsToRegister() {
      return [
        {
          event: { resource: 'Node', action: Action.Add | Action.UpdateNodeTaint },
          hint: (pod, oldObj, newObj) => {
            const wasUntolerated = oldObj ? !!findUntoleratedTaint((oldObj as Node).spec?.taints, pod.spec?.tolerations, doNotScheduleTaint) : true;
            const isUntolerated = !!findUntoleratedTaint((newObj as Node).spec?.taints, pod.spec?.tolerations, doNotScheduleTaint);
            return wasUntolerated && !isUntolerated ? 'Queue' : 'QueueSkip';
          },
        },
        { event: { resource: 'Pod', action: Action.UpdatePodToleration }, hint: (pod, _o, n) => ((n as Pod).metadata?.uid === pod.metadata?.uid ? 'Queue' : 'QueueSkip') },
      ];
    },
  };
}
