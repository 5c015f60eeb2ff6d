import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { CycleState } from '../../framework/cycle-state.ts';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { NodeInfo } from '../../framework/node-info.ts';
import { calculatePodResource, type Resource } from '../../framework/resources.ts';
import { Code, Status } from '../../framework/status.ts';
import { Names } from '../names.ts';
import {
  allocationScore,
  DEFAULT_RESOURCES,
  leastAllocatedScorer,
  mostAllocatedScorer,
  podRequestList,
  requestedToCapacityRatioScorer,
  type ResourceSpec,
  type Scorer,
  type UtilizationShapePoint,
} from './resource-allocation.ts';

const PRE_FILTER_KEY = 'PreFilterNodeResourcesFit';
const PRE_SCORE_KEY = 'PreScoreNodeResourcesFit';

/** ERR_REASON_TOO_MANY_PODS is the reason when the node's pods allocatable is used up. */
export const ERR_REASON_TOO_MANY_PODS = 'Too many pods';

/** insufficientReason is "Insufficient <resource>" ("Insufficient cpu", "Insufficient nvidia.com/gpu"). */
export function insufficientReason(resource: string): string {
  return `Insufficient ${resource}`;
}

/** InsufficientResource is noderesources.InsufficientResource. */
export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
  /** unresolvable: the pod asks for more than the whole node has, so preemption cannot help. */
  unresolvable: boolean;
}

/** fitsRequest is noderesources.fitsRequest: what the node lacks for the pod ("Too many pods", "Insufficient cpu"…). */
export function fitsRequest(req: Resource, nodeInfo: NodeInfo, ignored: Set<string> = new Set(), ignoredGroups: Set<string> = new Set()): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const a = nodeInfo.allocatable;
  const u = nodeInfo.requested;
  if (nodeInfo.pods.length + 1 > a.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: ERR_REASON_TOO_MANY_PODS, requested: 1, used: nodeInfo.pods.length, capacity: a.allowedPodNumber, unresolvable: false });
  }
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && req.scalar.size === 0) return out;
  if (req.milliCPU > 0 && req.milliCPU > a.milliCPU - u.milliCPU) {
    out.push({ resourceName: 'cpu', reason: insufficientReason('cpu'), requested: req.milliCPU, used: u.milliCPU, capacity: a.milliCPU, unresolvable: req.milliCPU > a.milliCPU });
  }
  if (req.memory > 0 && req.memory > a.memory - u.memory) {
    out.push({ resourceName: 'memory', reason: insufficientReason('memory'), requested: req.memory, used: u.memory, capacity: a.memory, unresolvable: req.memory > a.memory });
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > a.ephemeralStorage - u.ephemeralStorage) {
    out.push({ resourceName: 'ephemeral-storage', reason: insufficientReason('ephemeral-storage'), requested: req.ephemeralStorage, used: u.ephemeralStorage, capacity: a.ephemeralStorage, unresolvable: req.ephemeralStorage > a.ephemeralStorage });
  }
  for (const [name, q] of req.scalar) {
    if (q === 0) continue;
    if (name.includes('/') && !name.includes('kubernetes.io/') && (ignored.has(name) || ignoredGroups.has(name.split('/')[0]!))) continue;
    const cap = a.scalar.get(name) ?? 0;
    const used = u.scalar.get(name) ?? 0;
    if (q > cap - used) out.push({ resourceName: name, reason: insufficientReason(name), requested: q, used, capacity: cap, unresolvable: q > cap });
  }
  return out;
}

function scorerFor(args: Record<string, unknown>): { resources: ResourceSpec[]; scorer: Scorer } {
  const strategy = (args.scoringStrategy ?? {}) as { type?: string; resources?: ResourceSpec[]; requestedToCapacityRatio?: { shape?: UtilizationShapePoint[] } };
  const resources = strategy.resources?.length ? strategy.resources : DEFAULT_RESOURCES;
  switch (strategy.type ?? 'LeastAllocated') {
    case 'MostAllocated':
      return { resources, scorer: mostAllocatedScorer(resources) };
    case 'RequestedToCapacityRatio':
      return { resources, scorer: requestedToCapacityRatioScorer(resources, strategy.requestedToCapacityRatio?.shape ?? []) };
    default:
      return { resources, scorer: leastAllocatedScorer(resources) };
  }
}

function nodeInfoOf(node: Node): NodeInfo {
  const ni = new NodeInfo(node.metadata?.name ?? '');
  ni.setNode(node);
  return ni;
}

/**
 * NodeResourcesFit rejects nodes without room for the pod's requests
 * (allocatable minus what the pods already there request) and scores by the
 * configured strategy, LeastAllocated by default.
 */
export function nodeResourcesFit(args: Record<string, unknown>, _h: Handle): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  const ignored = new Set((args.ignoredResources as string[] | undefined) ?? []);
  const ignoredGroups = new Set((args.ignoredResourceGroups as string[] | undefined) ?? []);
  const { resources, scorer } = scorerFor(args);
  return {
    name: Names.NodeResourcesFit,
    preFilter(state: CycleState, pi) {
      state.write(PRE_FILTER_KEY, { req: pi.resource.resource } as { req: Resource });
      return { status: null };
    },
    filter(state, pi, nodeInfo) {
      const req = state.read<{ req: Resource }>(PRE_FILTER_KEY)?.req ?? pi.resource.resource;
      const insufficient = fitsRequest(req, nodeInfo, ignored, ignoredGroups);
      if (insufficient.length === 0) return null;
      const code = insufficient.some((r) => r.unresolvable) ? Code.UnschedulableAndUnresolvable : Code.Unschedulable;
      return new Status(code, insufficient.map((r) => r.reason));
    },
    preScore(state, pi) {
      state.write(PRE_SCORE_KEY, { reqs: podRequestList(pi.pod, resources, false) } as { reqs: number[] });
      return null;
    },
    score(state, pi, nodeInfo) {
      const reqs = state.read<{ reqs: number[] }>(PRE_SCORE_KEY)?.reqs ?? podRequestList(pi.pod, resources, false);
      return allocationScore(nodeInfo, resources, reqs, false, scorer);
    },
    eventsToRegister() {
      return [
        { event: { resource: 'Pod', action: Action.Delete }, hint: (_pod, oldObj) => ((oldObj as Pod).spec?.nodeName ? 'Queue' : 'QueueSkip') },
        {
          event: { resource: 'Node', action: Action.Add | Action.UpdateNodeAllocatable },
          hint: (pod, oldObj, newObj) => {
            const req = calculatePodResource(pod).resource;
            const modified = nodeInfoOf(newObj as Node);
            if (fitsRequest(req, modified).length > 0) return 'QueueSkip';
            if (!oldObj) return 'Queue';
            const original = nodeInfoOf(oldObj as Node);
            const m = modified.allocatable;
            const o = original.allocatable;
            if (m.allowedPodNumber > o.allowedPodNumber) return 'Queue';
            if ((req.milliCPU > 0 && m.milliCPU > o.milliCPU) || (req.memory > 0 && m.memory > o.memory) || (req.ephemeralStorage > 0 && m.ephemeralStorage > o.ephemeralStorage)) return 'Queue';
            for (const [k, v] of req.scalar) if (v > 0 && (m.scalar.get(k) ?? 0) > (o.scalar.get(k) ?? 0)) return 'Queue';
            return 'QueueSkip';
          },
        },
      ];
    },
  };
}
