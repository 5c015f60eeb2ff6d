import type { Rand } from '../base/rand.ts';
import type { CycleState } from './framework/cycle-state.ts';
import { addPluginStatus, FitError, newDiagnosis, type Diagnosis } from './framework/fit-error.ts';
import type { Framework, NodePluginScores } from './framework/framework.ts';
import type { NodeInfo } from './framework/node-info.ts';
import type { PodInfo } from './framework/pod-info.ts';
import { Code, ok, Status, unresolvable } from './framework/status.ts';

/** ERR_NO_NODES_AVAILABLE is ErrNoNodesAvailable's text. */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** numFeasibleNodesToFind is how many fitting nodes are enough (all of them below 100 nodes). */
export function numFeasibleNodesToFind(percentage: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let p = percentage;
  if (p === 0) p = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  const n = Math.trunc((numAllNodes * p) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** SearchState carries what lasts between cycles: where the last search stopped. */
export interface SearchState {
  nextStartNodeIndex: number;
  percentageOfNodesToScore: number;
}

function passFilters(fw: Framework, s: SearchState, state: CycleState, pi: PodInfo, d: Diagnosis, nodes: readonly NodeInfo[]): NodeInfo[] {
  const n = nodes.length;
  let toFind = numFeasibleNodesToFind(fw.percentageOfNodesToScore ?? s.percentageOfNodesToScore, n);
  if (!fw.hasScorePlugins()) toFind = 1;
  const feasible: NodeInfo[] = [];
  if (!fw.hasFilterPlugins()) {
    for (let i = 0; i < toFind; i++) feasible.push(nodes[(s.nextStartNodeIndex + i) % n]!);
    return feasible;
  }
  for (let i = 0; i < n && feasible.length < toFind; i++) {
    const ni = nodes[(s.nextStartNodeIndex + i) % n]!;
    const st = fw.runFilterPluginsWithNominatedPods(state, pi, ni);
    if (ok(st)) feasible.push(ni);
    else if (st!.code === Code.Error) throw new StatusFailure(st!);
    else {
      d.nodeToStatus.set(ni.name, st!);
      addPluginStatus(d, st!);
    }
  }
  return feasible;
}

/** StatusFailure carries an Error status out of a cycle. */
export class StatusFailure extends Error {
  constructor(readonly status: Status) {
    super(status.message());
  }
}

/** FindResult is the feasible nodes and why the others were rejected. */
export interface FindResult {
  feasible: NodeInfo[];
  diagnosis: Diagnosis;
  /** preFilterStatus is the PreFilter rejection, when that is what failed. */
  preFilterStatus?: Status;
}

/**
 * findNodesThatFitPod is schedulePod's filtering: PreFilter (a rejection
 * there rejects every node), the nominated node first, then every node
 * from where the previous search stopped, until enough fit.
 */
export function findNodesThatFitPod(fw: Framework, s: SearchState, state: CycleState, pi: PodInfo, all: readonly NodeInfo[]): FindResult {
  const d = newDiagnosis();
  const pre = fw.runPreFilterPlugins(state, pi);
  for (const p of pre.pluginsWithNodes) d.unschedulablePlugins.add(p);
  if (!ok(pre.status)) {
    if (!pre.status!.isRejected()) throw new StatusFailure(pre.status!);
    d.nodeToStatus.absent = pre.status!;
    d.preFilterMsg = pre.status!.message();
    addPluginStatus(d, pre.status!);
    return { feasible: [], diagnosis: d, preFilterStatus: pre.status! };
  }
  const nnn = pi.pod.status?.nominatedNodeName;
  if (nnn) {
    const ni = fw.snapshot.get(nnn);
    if (ni) {
      const f = passFilters(fw, { ...s, nextStartNodeIndex: 0 }, state, pi, d, [ni]);
      if (f.length) return { feasible: f, diagnosis: d };
    }
  }
  let nodes = all;
  if (pre.nodeNames) {
    nodes = [...pre.nodeNames].map((n) => fw.snapshot.get(n)).filter((n): n is NodeInfo => !!n);
    d.nodeToStatus.absent = unresolvable(`node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`);
  }
  const feasible = nodes.length ? passFilters(fw, s, state, pi, d, nodes) : [];
  if (all.length) s.nextStartNodeIndex = (s.nextStartNodeIndex + feasible.length + d.nodeToStatus.size) % all.length;
  return { feasible, diagnosis: d };
}

/** prioritizeNodes runs PreScore and Score (every node scores 1 without score plugins). */
export function prioritizeNodes(fw: Framework, state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[]): NodePluginScores[] {
  if (!fw.hasScorePlugins()) return nodes.map((n) => ({ name: n.name, total: 1 }));
  const s = fw.runPreScorePlugins(state, pi, nodes);
  if (!ok(s)) throw new StatusFailure(s!);
  return fw.runScorePlugins(state, pi, nodes);
}

/** selectHost picks a node with the highest score; ties are broken uniformly with the seeded random source. */
export function selectHost(scores: readonly NodePluginScores[], rand: Rand): string {
  let best = scores[0]!;
  let count = 1;
  for (let i = 1; i < scores.length; i++) {
    const s = scores[i]!;
    if (s.total > best.total) {
      best = s;
      count = 1;
    } else if (s.total === best.total) {
      count++;
      if (rand.int(count) === 0) best = s;
    }
  }
  return best.name;
}

/** ScheduleResult is schedulePod's answer. */
export type ScheduleResult = { host: string; evaluated: number; feasible: number } | { noNodes: true } | { fitError: FitError; find: FindResult };

/** schedulePod finds the node for the pod, or says why there is none. */
export function schedulePod(fw: Framework, s: SearchState, state: CycleState, pi: PodInfo, rand: Rand): ScheduleResult {
  const all = fw.snapshot.list();
  if (all.length === 0) return { noNodes: true };
  const find = findNodesThatFitPod(fw, s, state, pi, all);
  if (find.feasible.length === 0) return { fitError: new FitError(all.length, find.diagnosis), find };
  if (find.feasible.length === 1) return { host: find.feasible[0]!.name, evaluated: 1 + find.diagnosis.nodeToStatus.size, feasible: 1 };
  const scores = prioritizeNodes(fw, state, pi, find.feasible);
  return { host: selectHost(scores, rand), evaluated: find.feasible.length + find.diagnosis.nodeToStatus.size, feasible: find.feasible.length };
}
