import type { Container, Pod } from 'kubernetes-types/core/v1';
import { quantityOf } from '../../base/quantity.ts';

/**
 * Pod resource requests as component-helpers' PodRequests computes them:
 * regular containers and sidecars add up, a classic init container needs
 * its own requests plus the sidecars started before it, the pod needs the
 * larger of the two, and the RuntimeClass overhead comes on top. Amounts are
 * numbers: cpu in millicores, everything else in units (bytes, counts).
 */

/** DEFAULT_MILLI_CPU_REQUEST is schedutil.DefaultMilliCPURequest (0.1 core). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** DEFAULT_MEMORY_REQUEST is schedutil.DefaultMemoryRequest (200 MiB). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** ResourceList maps a resource name to its amount (cpu in millicores). */
export type ResourceList = Map<string, number>;

/** Resource is framework.Resource: the fixed resources plus scalar (extended, hugepages) ones. */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  scalar: Map<string, number>;
}

/** emptyResource returns a zero Resource. */
export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: new Map() };
}

/** cloneResource copies a Resource. */
export function cloneResource(r: Resource): Resource {
  return { milliCPU: r.milliCPU, memory: r.memory, ephemeralStorage: r.ephemeralStorage, allowedPodNumber: r.allowedPodNumber, scalar: new Map(r.scalar) };
}

/** isScalarResourceName is schedutil.IsScalarResourceName: extended, prefixed-native, hugepages and attachable-volumes resources. */
export function isScalarResourceName(name: string): boolean {
  return name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}

/** amount reads a quantity as the scheduler counts it: millicores for cpu, units otherwise (0 when malformed). */
export function amount(name: string, v: unknown): number {
  try {
    const q = quantityOf(v);
    return name === 'cpu' ? q.milliValue() : q.value();
  } catch {
    return 0;
  }
}

/** toResourceList converts a v1.ResourceList. */
export function toResourceList(rl: Record<string, unknown> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(rl ?? {})) out.set(k, amount(k, v));
  return out;
}

/** resourceFromList is framework.NewResource: a ResourceList as a Resource. */
export function resourceFromList(rl: ResourceList): Resource {
  const r = emptyResource();
  for (const [name, v] of rl) {
    if (name === 'cpu') r.milliCPU += v;
    else if (name === 'memory') r.memory += v;
    else if (name === 'pods') r.allowedPodNumber += v;
    else if (name === 'ephemeral-storage') r.ephemeralStorage += v;
    else if (isScalarResourceName(name)) r.scalar.set(name, (r.scalar.get(name) ?? 0) + v);
  }
  return r;
}

function add(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

function max(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of from) if (!into.has(k) || v > into.get(k)!) into.set(k, v);
}

function containerRequests(c: Container, nonMissing: ResourceList | undefined): ResourceList {
  const reqs = toResourceList(c.resources?.requests as Record<string, unknown> | undefined);
  if (nonMissing) for (const [k, v] of nonMissing) if (!reqs.has(k)) reqs.set(k, v);
  return reqs;
}

/** podRequests is resourcehelper.PodRequests; nonMissing fills requests a container does not state. */
export function podRequests(pod: Pod, nonMissing?: ResourceList): ResourceList {
  const spec = pod.spec;
  const reqs: ResourceList = new Map();
  for (const c of spec?.containers ?? []) add(reqs, containerRequests(c, nonMissing));
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of spec?.initContainers ?? []) {
    let cr = containerRequests(c, nonMissing);
    if (c.restartPolicy === 'Always') {
      add(reqs, cr);
      add(sidecars, cr);
      cr = sidecars;
    } else {
      const tmp: ResourceList = new Map();
      add(tmp, cr);
      add(tmp, sidecars);
      cr = tmp;
    }
    max(initMax, cr);
  }
  max(reqs, initMax);
  if (spec?.overhead) add(reqs, toResourceList(spec.overhead as Record<string, unknown>));
  return reqs;
}

/** PodResource is what a pod takes from a node: its requests and the non-zero cpu/memory used for scoring. */
export interface PodResource {
  resource: Resource;
  nonZeroCPU: number;
  nonZeroMem: number;
}

/** calculatePodResource is PodInfo.calculateResource: defaults of 100m/200Mi when no container asks for cpu or memory. */
export function calculatePodResource(pod: Pod): PodResource {
  const reqs = podRequests(pod);
  const nonMissing: ResourceList = new Map();
  if (!reqs.has('cpu')) nonMissing.set('cpu', DEFAULT_MILLI_CPU_REQUEST);
  if (!reqs.has('memory')) nonMissing.set('memory', DEFAULT_MEMORY_REQUEST);
  const non0 = nonMissing.size > 0 ? podRequests(pod, nonMissing) : reqs;
  return { resource: resourceFromList(reqs), nonZeroCPU: non0.get('cpu') ?? 0, nonZeroMem: non0.get('memory') ?? 0 };
}
