import type { NodeInfo } from './node-info.ts';
import { Code, Status } from './status.ts';

/**
 * NodeToStatus is framework.NodeToStatus: the status of each node a cycle
 * rejected, and one status for the nodes it never looked at (those a
 * PreFilter result or a PreFilter failure ruled out).
 */
export class NodeToStatus {
  private m = new Map<string, Status>();
  /** absent is the status of nodes not in the map (UnschedulableAndUnresolvable by default). */
  absent: Status = new Status(Code.UnschedulableAndUnresolvable);

  set(name: string, s: Status): void {
    this.m.set(name, s);
  }

  get(name: string): Status {
    return this.m.get(name) ?? this.absent;
  }

  get size(): number {
    return this.m.size;
  }

  explicit(): IterableIterator<[string, Status]> {
    return this.m.entries();
  }

  /** nodesForStatusCode lists the nodes (in the snapshot's order) whose status has the code. */
  nodesForStatusCode(all: readonly NodeInfo[], code: Code): NodeInfo[] {
    return all.filter((n) => this.get(n.name).code === code);
  }
}

/** Diagnosis is framework.Diagnosis: why a pod fits no node. */
export interface Diagnosis {
  nodeToStatus: NodeToStatus;
  unschedulablePlugins: Set<string>;
  pendingPlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

/** newDiagnosis returns an empty Diagnosis. */
export function newDiagnosis(): Diagnosis {
  return { nodeToStatus: new NodeToStatus(), unschedulablePlugins: new Set(), pendingPlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
}

/** addPluginStatus is Diagnosis.AddPluginStatus: remembers which plugins rejected the pod (they decide which events requeue it). */
export function addPluginStatus(d: Diagnosis, s: Status): void {
  if (!s.plugin) return;
  if (s.isRejected()) d.unschedulablePlugins.add(s.plugin);
  if (s.code === Code.Pending) d.pendingPlugins.add(s.plugin);
}

/** NO_NODE_AVAILABLE_MSG is framework.NoNodeAvailableMsg. */
export const NO_NODE_AVAILABLE_MSG = '0/%v nodes are available';

/**
 * fitErrorMessage is FitError.Error(): "0/N nodes are available:", then the
 * PreFilter message, or the count of nodes per filter reason sorted as
 * strings ("1 node(s) had untolerated taint {…}, 2 Insufficient memory."),
 * then the PostFilter (preemption) message as it is.
 */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg !== '') {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const reasons = new Map<string, number>();
    for (const [, s] of d.nodeToStatus.explicit()) for (const r of s.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    if (d.nodeToStatus.size < numAllNodes) {
      for (const r of d.nodeToStatus.absent.reasons) reasons.set(r, (reasons.get(r) ?? 0) + numAllNodes - d.nodeToStatus.size);
    }
    const parts = [...reasons].map(([r, n]) => `${n} ${r}`).sort();
    if (parts.length) msg += ` ${parts.join(', ')}.`;
  }
  if (d.postFilterMsg !== '') msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** FitError is framework.FitError: the pod fits no node; text() is the FailedScheduling message. */
export class FitError {
  constructor(
    readonly numAllNodes: number,
    readonly diagnosis: Diagnosis,
  ) {}

  text(): string {
    return fitErrorMessage(this.numAllNodes, this.diagnosis);
  }
}
