import type { Node } from 'kubernetes-types/core/v1';
import type { HostPort, PodInfo } from './pod-info.ts';
import { pvcKeysOf } from './pod-info.ts';
import { cloneResource, emptyResource, resourceFromList, toResourceList, type Resource } from './resources.ts';

let generation = 0;

/** nextGeneration is a process-wide counter: a NodeInfo's generation changes on every change, so caches keyed by it stay right. */
export function nextGeneration(): number {
  return ++generation;
}

/** HostPortInfo is framework.HostPortInfo: ip → set of "protocol/port" in use on a node. */
export class HostPortInfo {
  private byIp = new Map<string, Set<string>>();

  add(p: HostPort): void {
    if (p.port <= 0) return;
    let s = this.byIp.get(p.ip);
    if (!s) this.byIp.set(p.ip, (s = new Set()));
    s.add(`${p.protocol}/${p.port}`);
  }

  remove(p: HostPort): void {
    const s = this.byIp.get(p.ip);
    if (!s) return;
    s.delete(`${p.protocol}/${p.port}`);
    if (s.size === 0) this.byIp.delete(p.ip);
  }

  /** conflicts is CheckConflict: 0.0.0.0 collides with every address, any address with itself and 0.0.0.0. */
  conflicts(p: HostPort): boolean {
    if (p.port <= 0) return false;
    const pp = `${p.protocol}/${p.port}`;
    if (p.ip === '0.0.0.0') {
      for (const s of this.byIp.values()) if (s.has(pp)) return true;
      return false;
    }
    return !!(this.byIp.get('0.0.0.0')?.has(pp) || this.byIp.get(p.ip)?.has(pp));
  }

  get size(): number {
    return this.byIp.size;
  }

  clone(): HostPortInfo {
    const c = new HostPortInfo();
    for (const [ip, s] of this.byIp) c.byIp.set(ip, new Set(s));
    return c;
  }
}

/** ImageState is shared per image name across nodes: its size and the nodes holding it. */
export interface ImageState {
  size: number;
  nodes: Set<string>;
}

/**
 * NodeInfo is framework.NodeInfo: a node with everything the filters and
 * scorers need, kept up to date incrementally as pods are added and removed
 * (requested resources, host ports, pods with affinity, PVC references).
 */
export class NodeInfo {
  node: Node | null = null;
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  usedPorts = new HostPortInfo();
  requested: Resource = emptyResource();
  /** nonZeroRequested counts 100m/200Mi for pods that ask for no cpu/memory, so scoring does not pile them up. */
  nonZeroRequested = { milliCPU: 0, memory: 0 };
  allocatable: Resource = emptyResource();
  imageStates = new Map<string, ImageState>();
  pvcRefCounts = new Map<string, number>();
  generation = nextGeneration();
  /** matchCounts is a cache for plugins counting the node's pods per selector (valid while generation is unchanged). */
  readonly matchCounts = new Map<string, { ns: string; generation: number; count: number }>();

  constructor(readonly name: string) {}

  /** labels of the node ({} when unknown). */
  get labels(): Record<string, string> {
    return this.node?.metadata?.labels ?? {};
  }

  /** setNode takes a new version of the node object. */
  setNode(node: Node): void {
    this.node = node;
    this.allocatable = resourceFromList(toResourceList(node.status?.allocatable as Record<string, unknown> | undefined));
    this.generation = nextGeneration();
  }

  /** removeNode forgets the node object and keeps its pods (they may still be there). */
  removeNode(): void {
    this.node = null;
    this.generation = nextGeneration();
  }

  /** addPod accounts for a pod placed on the node. */
  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (pi.hasAffinity) this.podsWithAffinity.push(pi);
    if (pi.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.push(pi);
    this.update(pi, 1);
  }

  /** replacePod swaps in a newer object of a pod already counted, when nothing the scheduler counts changed. */
  replacePod(pi: PodInfo): void {
    const swap = (l: PodInfo[]) => {
      const i = l.findIndex((p) => p.uid === pi.uid);
      if (i >= 0) l[i] = pi;
    };
    swap(this.pods);
    if (pi.hasAffinity) swap(this.podsWithAffinity);
    if (pi.hasRequiredAntiAffinity) swap(this.podsWithRequiredAntiAffinity);
  }

  /** removePod takes a pod (by uid) off the node; false when it was not there. */
  removePod(uid: string): boolean {
    const i = this.pods.findIndex((p) => p.uid === uid);
    if (i < 0) return false;
    const pi = this.pods[i]!;
    this.pods.splice(i, 1);
    if (pi.hasAffinity) this.podsWithAffinity = this.podsWithAffinity.filter((p) => p.uid !== uid);
    if (pi.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.filter((p) => p.uid !== uid);
    this.update(pi, -1);
    return true;
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    const r = pi.resource;
    const q = this.requested;
    q.milliCPU += sign * r.resource.milliCPU;
    q.memory += sign * r.resource.memory;
    q.ephemeralStorage += sign * r.resource.ephemeralStorage;
    for (const [k, v] of r.resource.scalar) q.scalar.set(k, (q.scalar.get(k) ?? 0) + sign * v);
    this.nonZeroRequested.milliCPU += sign * r.nonZeroCPU;
    this.nonZeroRequested.memory += sign * r.nonZeroMem;
    for (const p of pi.hostPorts) if (sign > 0) this.usedPorts.add(p);
    else this.usedPorts.remove(p);
    for (const k of pvcKeysOf(pi.pod)) {
      const n = (this.pvcRefCounts.get(k) ?? 0) + sign;
      if (n <= 0) this.pvcRefCounts.delete(k);
      else this.pvcRefCounts.set(k, n);
    }
    this.generation = nextGeneration();
  }

  /** clone is a copy whose pod lists and counters can change without touching this one (preemption's dry runs). */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.pods = [...this.pods];
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.usedPorts = this.usedPorts.clone();
    c.requested = cloneResource(this.requested);
    c.nonZeroRequested = { ...this.nonZeroRequested };
    c.allocatable = this.allocatable;
    c.imageStates = this.imageStates;
    c.pvcRefCounts = new Map(this.pvcRefCounts);
    c.generation = this.generation;
    return c;
  }
}
