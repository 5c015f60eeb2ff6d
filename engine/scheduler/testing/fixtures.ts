import type { Node, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { Rand } from '../../base/rand.ts';
import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import { Cache } from '../cache/cache.ts';
import { CycleState } from '../framework/cycle-state.ts';
import type { FilterPlugin, Handle, Lister, Listers, PreFilterPlugin } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import { PodInfo } from '../framework/pod-info.ts';
import type { Status } from '../framework/status.ts';
import { nodeObject, type NodeSpec } from './cluster.ts';

let uid = 0;

/** testNode builds a Node object (not stored anywhere). */
export function testNode(name: string, s: NodeSpec = {}): Node {
  return nodeObject(name, s) as unknown as Node;
}

/** testPod builds a Pod; requests go to a single container. */
export function testPod(name: string, spec: Partial<PodSpec> & { requests?: Record<string, string> } = {}, meta: { namespace?: string; labels?: Record<string, string>; nodeName?: string } = {}): Pod {
  const { requests, ...rest } = spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: meta.namespace ?? 'default', uid: `uid-${name}-${++uid}`, labels: meta.labels },
    spec: { containers: [{ name: 'app', image: 'nginx', resources: requests ? { requests } : undefined }], ...rest, nodeName: meta.nodeName ?? rest.nodeName },
  };
}

/** MapLister is a Lister over fixed objects. */
export class MapLister implements Lister {
  constructor(private readonly items: KObject[] = []) {}
  get(namespace: string | undefined, name: string): KObject | undefined {
    return this.items.find((o) => o.metadata.name === name && (!namespace || o.metadata.namespace === namespace));
  }
  list(namespace?: string): KObject[] {
    return this.items.filter((o) => !namespace || o.metadata.namespace === namespace);
  }
}

/**
 * pluginWorld is a cache filled with nodes and their pods, and a Handle
 * over it, for calling plugins directly.
 */
export function pluginWorld(nodes: { node: Node; pods?: Pod[] }[], listers: Partial<Listers> = {}) {
  const cache = new Cache();
  for (const n of nodes) {
    cache.addOrUpdateNode(n.node);
    for (const p of n.pods ?? []) cache.addPod({ ...p, spec: { ...p.spec!, nodeName: n.node.metadata!.name } });
  }
  const empty = new MapLister();
  const all: Listers = {
    pods: empty,
    namespaces: new MapLister([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } } }]),
    services: empty,
    replicationControllers: empty,
    replicaSets: empty,
    statefulSets: empty,
    persistentVolumes: empty,
    persistentVolumeClaims: empty,
    storageClasses: empty,
    csiNodes: empty,
    podDisruptionBudgets: empty,
    ...listers,
  };
  const handle: Handle = {
    snapshot: cache,
    listers: all,
    client: undefined as unknown as ApiClient,
    rand: new Rand(1),
    nominator: { nominatedPodsForNode: () => [] },
    now: () => 0,
    event: () => {},
    runFilterPluginsWithNominatedPods: () => null,
    runPreFilterExtensionAddPod: () => null,
    runPreFilterExtensionRemovePod: () => null,
  };
  return {
    cache,
    handle,
    ni(name: string): NodeInfo {
      return cache.get(name)!;
    },
    /** filter runs PreFilter (when the plugin has it) and Filter on one node. */
    filter(p: FilterPlugin & Partial<PreFilterPlugin>, pod: Pod, node: string): Status | null {
      const state = new CycleState();
      const pi = new PodInfo(pod);
      if (p.preFilter) {
        const out = p.preFilter(state, pi, cache.list());
        if (out.status && out.status.isSkip()) return null;
        if (out.status) return out.status;
      }
      return p.filter(state, pi, cache.get(node)!);
    },
  };
}
