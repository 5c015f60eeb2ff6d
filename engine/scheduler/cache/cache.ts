import type { Node, Pod } from 'kubernetes-types/core/v1';
import { deepEqual } from '../../base/deep.ts';
import { LABEL_REGION, LABEL_ZONE } from '../framework/api.ts';
import type { Snapshot } from '../framework/interfaces.ts';
import { NodeInfo, type ImageState } from '../framework/node-info.ts';
import { PodInfo } from '../framework/pod-info.ts';

/** onlyStatusChanged: same spec, labels and namespace, and neither version is terminating (what NodeInfo and its caches count). */
function onlyStatusChanged(a: Pod, b: Pod): boolean {
  if (a.metadata?.deletionTimestamp || b.metadata?.deletionTimestamp || a.metadata?.namespace !== b.metadata?.namespace) return false;
  return sameLabels(a, b) && (a.spec === b.spec || deepEqual(a.spec, b.spec));
}

function sameLabels(a: Pod, b: Pod): boolean {
  const la = a.metadata?.labels ?? {};
  const lb = b.metadata?.labels ?? {};
  const ka = Object.keys(la);
  return ka.length === Object.keys(lb).length && ka.every((k) => la[k] === lb[k]);
}

interface PodState {
  pi: PodInfo;
  nodeName: string;
  assumed: boolean;
}

function zoneOf(node: Node): string {
  const l = node.metadata?.labels ?? {};
  const region = l[LABEL_REGION] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l[LABEL_ZONE] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region || zone ? `${region}:\u0000:${zone}` : '';
}

/**
 * Cache is the scheduler cache (pkg/scheduler/backend/cache): a NodeInfo per
 * node, kept current from informer events, with "assumed" pods — bound by
 * this scheduler but not yet seen back from the apiserver — already counted,
 * so the next cycle does not place a pod into room that is taken. It is also
 * the Snapshot a cycle reads: cycles run one at a time, between events.
 */
export class Cache implements Snapshot {
  private nodes = new Map<string, NodeInfo>();
  private pods = new Map<string, PodState>();
  private images = new Map<string, ImageState>();
  private ordered: NodeInfo[] | undefined;
  private withAffinity: NodeInfo[] | undefined;
  private withAntiAffinity: NodeInfo[] | undefined;
  private zones = new Map<string, string>();

  // --- Snapshot -------------------------------------------------------------

  /** list returns the nodes in node-tree order: one node of each zone in turn. */
  list(): readonly NodeInfo[] {
    if (!this.ordered) {
      const byZone = new Map<string, NodeInfo[]>();
      for (const ni of this.nodes.values()) {
        if (!ni.node) continue;
        const z = this.zones.get(ni.name) ?? '';
        let l = byZone.get(z);
        if (!l) byZone.set(z, (l = []));
        l.push(ni);
      }
      const lists = [...byZone.values()];
      const out: NodeInfo[] = [];
      for (let i = 0; out.length < lists.reduce((s, l) => s + l.length, 0); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
      this.ordered = out;
    }
    return this.ordered;
  }

  get(name: string): NodeInfo | undefined {
    const ni = this.nodes.get(name);
    return ni?.node ? ni : undefined;
  }

  havePodsWithAffinity(): readonly NodeInfo[] {
    return (this.withAffinity ??= this.list().filter((n) => n.podsWithAffinity.length > 0));
  }

  havePodsWithRequiredAntiAffinity(): readonly NodeInfo[] {
    return (this.withAntiAffinity ??= this.list().filter((n) => n.podsWithRequiredAntiAffinity.length > 0));
  }

  get numNodes(): number {
    return this.list().length;
  }

  // --- nodes ----------------------------------------------------------------

  private nodeInfo(name: string): NodeInfo {
    let ni = this.nodes.get(name);
    if (!ni) this.nodes.set(name, (ni = new NodeInfo(name)));
    return ni;
  }

  private dirty(): void {
    this.ordered = undefined;
    this.withAffinity = undefined;
    this.withAntiAffinity = undefined;
  }

  addOrUpdateNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const ni = this.nodeInfo(name);
    this.untrackImages(ni);
    ni.setNode(node);
    this.trackImages(ni, node);
    this.zones.set(name, zoneOf(node));
    this.dirty();
  }

  removeNode(name: string): void {
    const ni = this.nodes.get(name);
    if (!ni) return;
    this.untrackImages(ni);
    ni.removeNode();
    if (ni.pods.length === 0) this.nodes.delete(name);
    this.zones.delete(name);
    this.dirty();
  }

  private trackImages(ni: NodeInfo, node: Node): void {
    for (const img of node.status?.images ?? []) {
      for (const name of img.names ?? []) {
        let st = this.images.get(name);
        if (!st) this.images.set(name, (st = { size: img.sizeBytes ?? 0, nodes: new Set() }));
        st.nodes.add(ni.name);
        ni.imageStates.set(name, st);
      }
    }
  }

  private untrackImages(ni: NodeInfo): void {
    for (const [name, st] of ni.imageStates) {
      st.nodes.delete(ni.name);
      if (st.nodes.size === 0) this.images.delete(name);
    }
    ni.imageStates = new Map();
  }

  // --- pods -----------------------------------------------------------------

  private place(pi: PodInfo, nodeName: string): void {
    const ni = this.nodeInfo(nodeName);
    const hadAffinity = ni.podsWithAffinity.length > 0;
    const hadAnti = ni.podsWithRequiredAntiAffinity.length > 0;
    ni.addPod(pi);
    if (hadAffinity !== ni.podsWithAffinity.length > 0 || hadAnti !== ni.podsWithRequiredAntiAffinity.length > 0) this.dirty();
  }

  private unplace(uid: string, nodeName: string): void {
    const ni = this.nodes.get(nodeName);
    if (!ni) return;
    const hadAffinity = ni.podsWithAffinity.length > 0;
    const hadAnti = ni.podsWithRequiredAntiAffinity.length > 0;
    ni.removePod(uid);
    if (hadAffinity !== ni.podsWithAffinity.length > 0 || hadAnti !== ni.podsWithRequiredAntiAffinity.length > 0) this.dirty();
    if (!ni.node && ni.pods.length === 0) this.nodes.delete(nodeName);
  }

  /** isAssumed tells whether the pod is bound by us but not yet confirmed. */
  isAssumed(uid: string): boolean {
    return this.pods.get(uid)?.assumed === true;
  }

  /** assumePod counts a pod on the node this cycle chose, before the binding is seen. */
  assumePod(pi: PodInfo, nodeName: string): void {
    if (this.pods.has(pi.uid)) return;
    this.place(pi, nodeName);
    this.pods.set(pi.uid, { pi, nodeName, assumed: true });
  }

  /** forgetPod undoes assumePod (the binding failed). */
  forgetPod(uid: string): void {
    const st = this.pods.get(uid);
    if (!st || !st.assumed) return;
    this.unplace(uid, st.nodeName);
    this.pods.delete(uid);
  }

  /** addPod records an assigned pod seen from the apiserver (confirming an assumed one). */
  addPod(pod: Pod): void {
    const uid = pod.metadata?.uid ?? '';
    const nodeName = pod.spec?.nodeName ?? '';
    const st = this.pods.get(uid);
    if (st?.assumed && st.nodeName === nodeName && sameLabels(st.pi.pod, pod) && !pod.metadata?.deletionTimestamp) {
      // The binding only set nodeName: swap the object, keep the accounting (and the node's generation).
      const pi = new PodInfo(pod, st.pi);
      this.nodes.get(nodeName)?.replacePod(pi);
      this.pods.set(uid, { pi, nodeName, assumed: false });
      return;
    }
    if (st && !st.assumed && st.nodeName === nodeName && onlyStatusChanged(st.pi.pod, pod)) {
      // A kubelet's status update: nothing the node's accounting or its per-selector counts read changed.
      const pi = new PodInfo(pod, st.pi);
      this.nodes.get(nodeName)?.replacePod(pi);
      this.pods.set(uid, { pi, nodeName, assumed: false });
      return;
    }
    if (st) this.unplace(uid, st.nodeName);
    const pi = new PodInfo(pod);
    this.place(pi, nodeName);
    this.pods.set(uid, { pi, nodeName, assumed: false });
  }

  /** updatePod replaces a pod's accounting with its newer version. */
  updatePod(pod: Pod): void {
    this.addPod(pod);
  }

  /** removePod drops a pod that was deleted or finished. */
  removePod(uid: string): void {
    const st = this.pods.get(uid);
    if (!st) return;
    this.unplace(uid, st.nodeName);
    this.pods.delete(uid);
  }

  /** podCount is the number of pods accounted for (assumed included). */
  get podCount(): number {
    return this.pods.size;
  }
}
