import type { Pod } from 'kubernetes-types/core/v1';
import type { NominatingInfo, Nominator as NominatorView } from '../framework/interfaces.ts';
import type { PodInfo } from '../framework/pod-info.ts';

const NONE: readonly PodInfo[] = Object.freeze([]);

/**
 * Nominator remembers which node each preemptor was nominated to, so the
 * filters count those pods on that node until they are bound (and lower
 * priority pods do not take the room preemption made).
 */
export class Nominator implements NominatorView {
  private byNode = new Map<string, PodInfo[]>();
  private nodeOf = new Map<string, string>();

  /** isAssigned answers whether the live pod is already bound (then it is not nominated). */
  constructor(private readonly liveNodeName: (pod: Pod) => string | undefined) {}

  nominatedPodsForNode(nodeName: string): readonly PodInfo[] {
    if (this.byNode.size === 0) return NONE;
    return this.byNode.get(nodeName) ?? NONE;
  }

  /** nominatedNodeOf returns where the pod is nominated, if anywhere. */
  nominatedNodeOf(uid: string): string | undefined {
    return this.nodeOf.get(uid);
  }

  /** add is addNominatedPodUnlocked: Override names the node; Noop (or null) keeps status.nominatedNodeName. */
  add(pi: PodInfo, info: NominatingInfo | null): void {
    this.delete(pi.uid);
    const nodeName = info?.mode === 'Override' ? info.nominatedNodeName : (pi.pod.status?.nominatedNodeName ?? '');
    if (!nodeName) return;
    const live = this.liveNodeName(pi.pod);
    if (live === undefined || live !== '') return;
    this.nodeOf.set(pi.uid, nodeName);
    let l = this.byNode.get(nodeName);
    if (!l) this.byNode.set(nodeName, (l = []));
    l.push(pi);
  }

  /** update keeps an in-memory nomination when neither version of the pod shows one yet. */
  update(oldPod: Pod, pi: PodInfo): void {
    let info: NominatingInfo | null = null;
    if (!oldPod.status?.nominatedNodeName && !pi.pod.status?.nominatedNodeName) {
      const nnn = this.nodeOf.get(pi.uid);
      if (nnn) info = { nominatedNodeName: nnn, mode: 'Override' };
    }
    this.add(pi, info);
  }

  delete(uid: string): void {
    const node = this.nodeOf.get(uid);
    if (node === undefined) return;
    this.nodeOf.delete(uid);
    const l = (this.byNode.get(node) ?? []).filter((p) => p.uid !== uid);
    if (l.length) this.byNode.set(node, l);
    else this.byNode.delete(node);
  }
}
