import type { CycleState } from './cycle-state.ts';
import type { NodeToStatus } from './fit-error.ts';
import type * as I from './interfaces.ts';
import { MAX_NODE_SCORE } from './interfaces.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { Code, ok, Status } from './status.ts';

/** The extension points after Filter, as pkg/scheduler/framework/runtime runs them. */

/** NodePluginScores is a node's total weighted score. */
export interface NodePluginScores {
  name: string;
  total: number;
}

/** runPostFilter returns on the first success or unresolvable answer, else joins the reasons. */
export function runPostFilter(plugins: readonly I.PostFilterPlugin[], state: CycleState, pi: PodInfo, m: NodeToStatus): I.PostFilterOutcome {
  let result: I.NominatingInfo | null = null;
  const reasons: string[] = [];
  let rejector = '';
  for (const p of plugins) {
    const out = p.postFilter(state, pi, m);
    const s = out.status;
    if (ok(s)) return out;
    if (s!.code === Code.UnschedulableAndUnresolvable) return { result: out.result, status: s!.withPlugin(p.name) };
    if (!s!.isRejected()) return { result: null, status: new Status(Code.Error, s!.reasons).withPlugin(p.name) };
    if (out.result && out.result.mode !== 'Noop') result = out.result;
    reasons.push(...s!.reasons);
    if (!rejector) rejector = p.name;
  }
  return { result, status: new Status(Code.Unschedulable, reasons).withPlugin(rejector) };
}

/** runPreScore marks the plugins that Skip (their Score is not called). */
export function runPreScore(plugins: readonly I.PreScorePlugin[], state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[]): Status | null {
  for (const p of plugins) {
    const s = p.preScore(state, pi, nodes);
    if (s && s.isSkip()) state.skipScorePlugins.add(p.name);
    else if (!ok(s)) return new Status(Code.Error, [`running PreScore plugin "${p.name}": ${s!.message()}`]).withPlugin(p.name);
  }
  return null;
}

/** runScore scores every node with every (non-skipped) plugin, normalises, weighs and sums. */
export function runScore(plugins: readonly I.ScorePlugin[], weights: ReadonlyMap<string, number>, state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[]): NodePluginScores[] {
  const totals: NodePluginScores[] = nodes.map((n) => ({ name: n.name, total: 0 }));
  // One NodeScore list, refilled per plugin: scoring runs for every node of every cycle.
  const scores: I.NodeScore[] = nodes.map((n) => ({ name: n.name, score: 0 }));
  for (const p of plugins) {
    if (state.skipScorePlugins.has(p.name)) continue;
    for (let i = 0; i < nodes.length; i++) scores[i]!.score = p.score(state, pi, nodes[i]!);
    p.normalizeScore?.(state, pi, scores);
    const w = weights.get(p.name) ?? 1;
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i]!.score;
      if (s > MAX_NODE_SCORE || s < 0) throw new Error(`plugin "${p.name}" returns an invalid score ${s}, it should in the range of [0, 100] after normalizing`);
      totals[i]!.total += s * w;
    }
  }
  return totals;
}

/** runReserve stops at the first plugin that fails. */
export function runReserve(plugins: readonly I.ReservePlugin[], state: CycleState, pi: PodInfo, nodeName: string): Status | null {
  for (const p of plugins) {
    const s = p.reserve(state, pi, nodeName);
    if (!ok(s)) return new Status(s!.code, [`running Reserve plugin "${p.name}": ${s!.message()}`]).withPlugin(p.name);
  }
  return null;
}

/** runPreBind returns a failure, or the waits still pending. */
export function runPreBind(plugins: readonly I.PreBindPlugin[], state: CycleState, pi: PodInfo, nodeName: string): Status | I.PreBindWait[] {
  const waits: I.PreBindWait[] = [];
  for (const p of plugins) {
    const r = p.preBind(state, pi, nodeName);
    if (r instanceof Status) {
      if (!r.isSuccess()) return new Status(r.code, [`running PreBind plugin "${p.name}": ${r.message()}`]).withPlugin(p.name);
    } else if (r) waits.push(r);
  }
  return waits;
}

/** runBind asks each binder in turn until one does not Skip. */
export function runBind(plugins: readonly I.BindPlugin[], state: CycleState, pi: PodInfo, nodeName: string): Status | null {
  for (const p of plugins) {
    const s = p.bind(state, pi, nodeName);
    if (s && s.isSkip()) continue;
    if (!ok(s)) return new Status(Code.Error, [`running Bind plugin "${p.name}": ${s!.message()}`]).withPlugin(p.name);
    return null;
  }
  return new Status(Code.Error, ['all bind plugins were skipped']);
}
