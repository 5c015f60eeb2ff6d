import { matches } from '../../../base/labels.ts';
import type { CycleState, StateData } from '../../framework/cycle-state.ts';
import type { PreFilterExtensions, PreFilterOutcome, Snapshot } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { requiredNodeAffinityOf } from '../../framework/node-selector.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { SKIP, unresolvable, unschedulable, type Status } from '../../framework/status.ts';
import { countPodsMatchSelector, matchNodeInclusionPolicies, nodeLabelsMatchConstraints, type Constraint } from './common.ts';

/** ERR_REASON_CONSTRAINTS_NOT_MATCH is podtopologyspread.ErrReasonConstraintsNotMatch. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
/** ERR_REASON_NODE_LABEL_NOT_MATCH is ErrReasonNodeLabelNotMatch: the node lacks a topology key. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const PRE_FILTER_KEY = 'PreFilterPodTopologySpread';

/** PreFilterState holds, per hard constraint, the matching pods per domain. */
export class PreFilterState implements StateData {
  private mins: (number | undefined)[];

  constructor(
    readonly constraints: Constraint[],
    readonly tpValueToMatchNum: Map<string, number>[],
  ) {
    this.mins = constraints.map(() => undefined);
  }

  clone(): PreFilterState {
    return new PreFilterState(
      this.constraints,
      this.tpValueToMatchNum.map((m) => new Map(m)),
    );
  }

  /** minMatchNum is the global minimum (0 when fewer domains than minDomains); undefined when there is no domain. */
  minMatchNum(i: number): number | undefined {
    const m = this.tpValueToMatchNum[i]!;
    if (m.size === 0) return undefined;
    if (m.size < this.constraints[i]!.minDomains) return 0;
    if (this.mins[i] === undefined) {
      let min = Infinity;
      for (const v of m.values()) if (v < min) min = v;
      this.mins[i] = min;
    }
    return this.mins[i];
  }

  updateWithPod(p: PodInfo, preemptor: PodInfo, nodeInfo: NodeInfo, delta: number): void {
    const node = nodeInfo.node;
    if (!node || p.pod.metadata?.namespace !== preemptor.pod.metadata?.namespace) return;
    if (!nodeLabelsMatchConstraints(nodeInfo.labels, this.constraints)) return;
    const req = requiredNodeAffinityOf(preemptor.pod);
    this.constraints.forEach((c, i) => {
      if (!matches(c.selector, p.pod.metadata?.labels)) return;
      if (!matchNodeInclusionPolicies(c, preemptor.pod, node, req)) return;
      const v = nodeInfo.labels[c.topologyKey]!;
      const m = this.tpValueToMatchNum[i]!;
      m.set(v, (m.get(v) ?? 0) + delta);
      this.mins[i] = undefined;
    });
  }
}

/** preFilter counts matching pods per domain over the eligible nodes; Skip without hard constraints. */
export function preFilter(snapshot: Snapshot, state: CycleState, pi: PodInfo, constraints: Constraint[]): PreFilterOutcome {
  if (constraints.length === 0) return { status: SKIP };
  const counts = constraints.map(() => new Map<string, number>());
  const req = requiredNodeAffinityOf(pi.pod);
  const ns = pi.pod.metadata?.namespace ?? '';
  for (const ni of snapshot.list()) {
    const node = ni.node!;
    const labels = ni.labels;
    if (!nodeLabelsMatchConstraints(labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!matchNodeInclusionPolicies(c, pi.pod, node, req)) return;
      const v = labels[c.topologyKey]!;
      const m = counts[i]!;
      m.set(v, (m.get(v) ?? 0) + countPodsMatchSelector(ni, c, ns));
    });
  }
  state.write(PRE_FILTER_KEY, new PreFilterState(constraints, counts));
  return { status: null };
}

/** extensions keep the counts right while preemption tries removing pods. */
export const extensions: PreFilterExtensions = {
  addPod(state, pod, toAdd, nodeInfo) {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.updateWithPod(toAdd, pod, nodeInfo, 1);
    return null;
  },
  removePod(state, pod, toRemove, nodeInfo) {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.updateWithPod(toRemove, pod, nodeInfo, -1);
    return null;
  },
};

/** filter: for each hard constraint, matching pods in the node's domain + the pod itself − the minimum must not exceed maxSkew. */
export function filter(state: CycleState, pi: PodInfo, nodeInfo: NodeInfo): Status | null {
  const s = state.read<PreFilterState>(PRE_FILTER_KEY);
  if (!s) return null;
  const labels = nodeInfo.labels;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!;
    const v = labels[c.topologyKey];
    if (v === undefined) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
    const min = s.minMatchNum(i);
    if (min === undefined) continue;
    const self = matches(c.selector, pi.pod.metadata?.labels) ? 1 : 0;
    const skew = (s.tpValueToMatchNum[i]!.get(v) ?? 0) + self - min;
    if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return null;
}
