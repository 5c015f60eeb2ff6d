import type { CycleState } from '../framework/cycle-state.ts';
import type { FilterPlugin } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { Code, type Status } from '../framework/status.ts';

/** VerdictCode names a Filter outcome. */
export type VerdictCode = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error' | 'Skip';

/** FilterVerdict is one filter's answer for one node. */
export interface FilterVerdict {
  plugin: string;
  code: VerdictCode;
  reasons: string[];
}

/** NodeVerdicts are every filter's answers for one node. */
export interface NodeVerdicts {
  node: string;
  verdicts: FilterVerdict[];
}

/** PodVerdicts explain a pending pod's last failed attempt. */
export interface PodVerdicts {
  uid: string;
  namespace: string;
  name: string;
  /** at is the simulated time of the attempt (ms). */
  at: number;
  /** message is the FailedScheduling text of that attempt. */
  message: string;
  /** preFilter is set when a PreFilter plugin rejected the pod before any node was looked at. */
  preFilter?: { plugin: string; reasons: string[] };
  nodes: NodeVerdicts[];
}

const CODE_NAMES: Record<number, VerdictCode> = {
  [Code.Success]: 'Success',
  [Code.Error]: 'Error',
  [Code.Unschedulable]: 'Unschedulable',
  [Code.UnschedulableAndUnresolvable]: 'UnschedulableAndUnresolvable',
  [Code.Skip]: 'Skip',
};

/**
 * VerdictRecorder wraps the Filter plugins (as kube-scheduler-simulator's
 * wrapped plugins do) to keep, for the last failed attempt of each pending
 * pod, every node's answer from every filter. It records only while a
 * diagnosis runs — after an attempt failed — so successful cycles cost one
 * flag check per filter call and nothing is kept for scheduled pods.
 */
export class VerdictRecorder {
  private byPod = new Map<string, PodVerdicts>();
  private current: Map<string, FilterVerdict[]> | undefined;
  /** passes holds one shared, frozen Success verdict per plugin, so passes cost a reference. */
  private passes = new Map<string, FilterVerdict>();

  /** wrap returns a FilterPlugin that records into the diagnosis in progress. */
  wrap(p: FilterPlugin): FilterPlugin {
    const self = this;
    return {
      name: p.name,
      filter(state: CycleState, pi: PodInfo, ni: NodeInfo): Status | null {
        const s = p.filter(state, pi, ni);
        const cur = self.current;
        if (cur) {
          let l = cur.get(ni.name);
          if (!l) cur.set(ni.name, (l = []));
          if (!s || s.code === Code.Success) {
            let v = self.passes.get(p.name);
            if (!v) self.passes.set(p.name, (v = Object.freeze({ plugin: p.name, code: 'Success', reasons: Object.freeze([]) as unknown as string[] }) as FilterVerdict));
            l.push(v);
          } else l.push({ plugin: p.name, code: CODE_NAMES[s.code] ?? 'Error', reasons: [...s.reasons] });
        }
        return s;
      },
    };
  }

  /**
   * diagnose runs every filter on every node (not stopping at the first
   * rejection, unlike a scheduling cycle) and stores the answers for the pod.
   */
  diagnose(pi: PodInfo, state: CycleState, nodes: readonly NodeInfo[], filters: readonly FilterPlugin[], at: number, message: string, preFilter?: Status): void {
    const m = pi.pod.metadata ?? {};
    const entry: PodVerdicts = { uid: pi.uid, namespace: m.namespace ?? '', name: m.name ?? '', at, message, nodes: [] };
    if (preFilter) {
      entry.preFilter = { plugin: preFilter.plugin, reasons: [...preFilter.reasons] };
      for (const ni of nodes) entry.nodes.push({ node: ni.name, verdicts: [{ plugin: preFilter.plugin, code: CODE_NAMES[preFilter.code] ?? 'Error', reasons: [...preFilter.reasons] }] });
    } else {
      this.current = new Map();
      try {
        for (const ni of nodes) {
          for (const f of filters) {
            if (state.skipFilterPlugins.has(f.name)) continue;
            try {
              f.filter(state, pi, ni);
            } catch (e) {
              this.current.get(ni.name)?.push({ plugin: f.name, code: 'Error', reasons: [(e as Error).message] });
            }
          }
          entry.nodes.push({ node: ni.name, verdicts: this.current.get(ni.name) ?? [] });
        }
      } finally {
        this.current = undefined;
      }
    }
    this.byPod.set(pi.uid, entry);
  }

  /** get returns the verdicts of the pod's last failed attempt. */
  get(uid: string): PodVerdicts | undefined {
    return this.byPod.get(uid);
  }

  /** forget drops a pod's verdicts (it was scheduled or deleted). */
  forget(uid: string): void {
    this.byPod.delete(uid);
  }

  /** size is the number of pods with verdicts. */
  get size(): number {
    return this.byPod.size;
  }
}

/** verdictLines renders the rejections as "node01: TaintToleration: node(s) had untolerated taint {…}", one per node and filter. */
export function verdictLines(v: PodVerdicts): string[] {
  const out: string[] = [];
  for (const n of v.nodes) {
    const rejected = n.verdicts.filter((x) => x.code !== 'Success' && x.code !== 'Skip');
    if (rejected.length === 0) out.push(`${n.node}: fits`);
    for (const x of rejected) out.push(`${n.node}: ${x.plugin}: ${x.reasons.join(', ')}`);
  }
  return out;
}
