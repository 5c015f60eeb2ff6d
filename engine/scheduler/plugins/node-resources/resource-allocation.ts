import type { Pod } from 'kubernetes-types/core/v1';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST, isScalarResourceName, podRequests, type ResourceList } from '../../framework/resources.ts';

/** ResourceSpec is config.ResourceSpec: a resource and its weight in a score. */
export interface ResourceSpec {
  name: string;
  weight: number;
}

/** DEFAULT_RESOURCES are cpu and memory with weight 1 (both NodeResourcesFit and BalancedAllocation). */
export const DEFAULT_RESOURCES: ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

const NON_MISSING: ResourceList = new Map([
  ['cpu', DEFAULT_MILLI_CPU_REQUEST],
  ['memory', DEFAULT_MEMORY_REQUEST],
]);

/** podRequestList is calculatePodResourceRequestList: the pod's requests per resource, with 100m/200Mi for containers asking none unless useRequested. */
export function podRequestList(pod: Pod, resources: readonly ResourceSpec[], useRequested: boolean): number[] {
  const reqs = podRequests(pod, useRequested ? undefined : NON_MISSING);
  return resources.map((r) => reqs.get(r.name) ?? 0);
}

let outAlloc = 0;
let outReq = 0;

/** allocatableAndRequested is calculateResourceAllocatableRequest for one resource, into outAlloc/outReq (no allocation: it runs per node and resource). */
function allocatableAndRequested(nodeInfo: NodeInfo, name: string, podRequest: number, useRequested: boolean): void {
  const a = nodeInfo.allocatable;
  outAlloc = 0;
  outReq = 0;
  if (name === 'cpu') {
    outAlloc = a.milliCPU;
    outReq = (useRequested ? nodeInfo.requested.milliCPU : nodeInfo.nonZeroRequested.milliCPU) + podRequest;
  } else if (name === 'memory') {
    outAlloc = a.memory;
    outReq = (useRequested ? nodeInfo.requested.memory : nodeInfo.nonZeroRequested.memory) + podRequest;
  } else if (name === 'ephemeral-storage') {
    outAlloc = a.ephemeralStorage;
    outReq = nodeInfo.requested.ephemeralStorage + podRequest;
  } else if (isScalarResourceName(name) && podRequest !== 0) {
    outAlloc = a.scalar.get(name) ?? 0;
    outReq = (nodeInfo.requested.scalar.get(name) ?? 0) + podRequest;
  }
}

/** Scorer turns per-resource requested/allocatable into a 0..100 score. */
export type Scorer = (requested: number[], allocatable: number[]) => number;

const scratch = new Map<number, { requested: number[]; allocatable: number[] }>();

/** allocationScore is resourceAllocationScorer.score (scratch arrays: it runs for every node of every cycle). */
export function allocationScore(nodeInfo: NodeInfo, resources: readonly ResourceSpec[], podReqs: readonly number[], useRequested: boolean, scorer: Scorer): number {
  const n = resources.length;
  let buf = scratch.get(n);
  if (!buf) scratch.set(n, (buf = { requested: new Array<number>(n).fill(0), allocatable: new Array<number>(n).fill(0) }));
  for (let i = 0; i < n; i++) {
    allocatableAndRequested(nodeInfo, resources[i]!.name, podReqs[i]!, useRequested);
    buf.allocatable[i] = outAlloc;
    buf.requested[i] = outAlloc === 0 ? 0 : outReq;
  }
  return scorer(buf.requested, buf.allocatable);
}

function weightedAverage(resources: readonly ResourceSpec[], per: (requested: number, capacity: number) => number): Scorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const w = resources[i]!.weight;
      nodeScore += per(requested[i]!, allocatable[i]!) * w;
      weightSum += w;
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
  };
}

/** leastAllocatedScorer is leastResourceScorer: free capacity after placing the pod, per resource, weighted. */
export function leastAllocatedScorer(resources: readonly ResourceSpec[]): Scorer {
  return weightedAverage(resources, (requested, capacity) => (capacity === 0 || requested > capacity ? 0 : Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity)));
}

/** mostAllocatedScorer is mostResourceScorer: used capacity after placing the pod (bin packing). */
export function mostAllocatedScorer(resources: readonly ResourceSpec[]): Scorer {
  return weightedAverage(resources, (requested, capacity) => {
    if (capacity === 0) return 0;
    if (requested > capacity) requested = capacity;
    return Math.trunc((requested * MAX_NODE_SCORE) / capacity);
  });
}

/** UtilizationShapePoint is config.UtilizationShapePoint (utilization 0..100, score 0..10). */
export interface UtilizationShapePoint {
  utilization: number;
  score: number;
}

/** requestedToCapacityRatioScorer scores utilization along a piecewise-linear shape. */
export function requestedToCapacityRatioScorer(resources: readonly ResourceSpec[], shape: readonly UtilizationShapePoint[]): Scorer {
  const pts = shape.map((p) => ({ u: p.utilization, s: p.score * (MAX_NODE_SCORE / 10) }));
  const f = (u: number): number => {
    for (let i = 0; i < pts.length; i++) {
      if (u <= pts[i]!.u) {
        if (i === 0) return pts[0]!.s;
        const a = pts[i - 1]!;
        const b = pts[i]!;
        return a.s + Math.trunc(((b.s - a.s) * (u - a.u)) / (b.u - a.u));
      }
    }
    return pts[pts.length - 1]!.s;
  };
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      const cap = allocatable[i]!;
      if (cap === 0) continue;
      const s = requested[i]! > cap ? f(100) : f(Math.trunc((requested[i]! * 100) / cap));
      if (s > 0) {
        nodeScore += s * resources[i]!.weight;
        weightSum += resources[i]!.weight;
      }
    }
    return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum);
  };
}

let balancedFractions = new Float64Array(8);

/** balancedScorer is balancedResourceScorer: 100 × (1 − standard deviation of the used fractions). */
export const balancedScorer: Scorer = (requested, allocatable) => {
  // One scratch buffer for every call: it runs for every node of every cycle.
  let fractions = balancedFractions;
  if (fractions.length < requested.length) fractions = balancedFractions = new Float64Array(requested.length);
  let n = 0;
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(1, requested[i]! / allocatable[i]!);
    total += f;
    fractions[n++] = f;
  }
  let std = 0;
  if (n === 2) std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  else if (n > 2) {
    const mean = total / n;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (fractions[i]! - mean) * (fractions[i]! - mean);
    std = Math.sqrt(sum / n);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
};
