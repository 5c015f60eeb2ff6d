import { MAX_NODE_SCORE, type NodeScore } from '../../framework/interfaces.ts';

/**
 * defaultNormalizeScore is helper.DefaultNormalizeScore: scale scores so the
 * highest becomes maxPriority (integer division, as Go's int64), optionally
 * reversed so the lowest raw score wins.
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: NodeScore[]): void {
  let maxCount = 0;
  for (const s of scores) if (s.score > maxCount) maxCount = s.score;
  if (maxCount === 0) {
    if (reverse) for (const s of scores) s.score = maxPriority;
    return;
  }
  for (const s of scores) {
    let score = Math.trunc((maxPriority * s.score) / maxCount);
    if (reverse) score = maxPriority - score;
    s.score = score;
  }
}

/** MAX_SCORE re-exports framework.MaxNodeScore for plugins. */
export const MAX_SCORE = MAX_NODE_SCORE;
