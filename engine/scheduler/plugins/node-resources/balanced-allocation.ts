import type { CycleState } from '../../framework/cycle-state.ts';
import type { Handle, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { SKIP } from '../../framework/status.ts';
import { Names } from '../names.ts';
import { allocationScore, balancedScorer, DEFAULT_RESOURCES, podRequestList, type ResourceSpec } from './resource-allocation.ts';

const PRE_SCORE_KEY = 'PreScoreNodeResourcesBalancedAllocation';

/**
 * NodeResourcesBalancedAllocation favours nodes whose cpu and memory would
 * be used in similar proportions after placing the pod (actual requests,
 * no defaults); a pod requesting nothing skips it.
 */
export function balancedAllocation(args: Record<string, unknown>, _h: Handle): PreScorePlugin & ScorePlugin {
  const resources = (args.resources as ResourceSpec[] | undefined)?.length ? (args.resources as ResourceSpec[]) : DEFAULT_RESOURCES;
  return {
    name: Names.NodeResourcesBalancedAllocation,
    preScore(state: CycleState, pi) {
      const reqs = podRequestList(pi.pod, resources, true);
      if (reqs.every((r) => r === 0)) return SKIP;
      state.write(PRE_SCORE_KEY, { reqs } as { reqs: number[] });
      return null;
    },
    score(state, pi, nodeInfo) {
      const reqs = state.read<{ reqs: number[] }>(PRE_SCORE_KEY)?.reqs ?? podRequestList(pi.pod, resources, true);
      return allocationScore(nodeInfo, resources, reqs, true, balancedScorer);
    },
  };
}
