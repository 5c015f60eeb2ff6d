import type { ClusterDiff, ClusterObject } from '../../../engine/protocol/api.ts';
import { relationEdges } from './edges.ts';
import { arr, get } from './fields.ts';
import { nodeState, podClass, podReason, workloadState } from './status.ts';

type Obj = Record<string, unknown>;

/** ObjectRef names an API object for the inspector. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** GraphNode is one box or dot of the topology. */
export interface GraphNode {
  id: string;
  kind: string;
  label: string;
  /** status is the text shown under the name (STATUS, ready/desired) */
  status: string;
  cls: string;
  parent?: string;
  ref?: ObjectRef;
}

/** GraphEdge is a line between two graph nodes. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  cls: 'owns' | 'endpoint' | 'endpoint-notready' | 'routes' | 'selects';
}

/** Graph is the whole picture for the current filters. */
export interface Graph {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
}

/** Filters choose what the graph shows. */
export interface Filters {
  /** namespaces shown; null means all */
  namespaces: string[] | null;
  /** kinds hidden */
  hiddenKinds: string[];
}

/** GRAPH_KINDS are the kinds drawn, in the order the filter lists them. */
export const GRAPH_KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Ingress', 'NetworkPolicy'] as const;

/** UNSCHEDULED is the box of pods no node has taken yet. */
export const UNSCHEDULED = 'node:(unscheduled)';

/**
 * ClusterState is the UI's copy of the cluster's objects, kept up to date
 * from the engine's 'cluster' diffs (the first one carries everything).
 */
export class ClusterState {
  readonly objects = new Map<string, ClusterObject>();
  revision = 0;

  apply(diff: ClusterDiff): void {
    for (const o of diff.added) this.objects.set(o.uid, o);
    for (const o of diff.updated) this.objects.set(o.uid, o);
    for (const r of diff.removed) this.objects.delete(r.uid);
    this.revision = diff.revision;
  }

  clear(): void {
    this.objects.clear();
    this.revision = 0;
  }

  /** namespaces lists the namespaces present, sorted. */
  namespaces(): string[] {
    const set = new Set<string>();
    for (const o of this.objects.values()) {
      if (o.kind === 'Namespace') set.add(o.name);
      else if (o.namespace) set.add(o.namespace);
    }
    return [...set].sort();
  }

  /** find looks an object up by kind, namespace and name. */
  find(kind: string, namespace: string | undefined, name: string): ClusterObject | undefined {
    for (const o of this.objects.values()) if (o.kind === kind && o.name === name && (o.namespace ?? '') === (namespace ?? '')) return o;
    return undefined;
  }
}


function visible(o: ClusterObject, f: Filters): boolean {
  if (f.hiddenKinds.includes(o.kind)) return false;
  if (o.namespace && f.namespaces && !f.namespaces.includes(o.namespace)) return false;
  return true;
}

function isIdleReplicaSet(o: ClusterObject): boolean {
  return o.kind === 'ReplicaSet' && get(o.object, 'spec', 'replicas') === 0 && !get(o.object, 'status', 'replicas');
}

/** buildGraph turns the cluster's objects into the topology for the given filters. */
export function buildGraph(state: ClusterState, f: Filters): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const shown = new Map<string, ClusterObject>();
  const nodeNames = new Set<string>();

  for (const o of state.objects.values()) {
    if (o.kind !== 'Node') continue;
    const st = nodeState(o.object);
    nodeNames.add(o.name);
    nodes.set(`node:${o.name}`, { id: `node:${o.name}`, kind: 'Node', label: o.name, status: st.text, cls: `k8s-node ${st.cls}`, ref: { kind: 'Node', name: o.name } });
  }

  let unscheduled = false;
  for (const o of state.objects.values()) {
    if (!(GRAPH_KINDS as readonly string[]).includes(o.kind) || !visible(o, f) || isIdleReplicaSet(o)) continue;
    shown.set(o.uid, o);
    const ref: ObjectRef = { kind: o.kind, namespace: o.namespace, name: o.name };
    if (o.kind === 'Pod') {
      const nodeName = get(o.object, 'spec', 'nodeName');
      const parent = typeof nodeName === 'string' && nodeNames.has(nodeName) ? `node:${nodeName}` : UNSCHEDULED;
      if (parent === UNSCHEDULED) unscheduled = true;
      nodes.set(o.uid, { id: o.uid, kind: 'Pod', label: o.name, status: podReason(o.object), cls: `pod ${podClass(o.object)}`, parent, ref });
      continue;
    }
    const st = workloadState(o.kind, o.object);
    nodes.set(o.uid, { id: o.uid, kind: o.kind, label: o.name, status: st.text, cls: `${o.kind.toLowerCase()} ${st.cls}`, ref });
  }
  if (unscheduled) nodes.set(UNSCHEDULED, { id: UNSCHEDULED, kind: 'Node', label: 'unscheduled', status: 'Pending pods', cls: 'k8s-node unscheduled', });

  const addEdge = (source: string, target: string, cls: GraphEdge['cls']) => {
    if (!nodes.has(source) || !nodes.has(target) || source === target) return;
    const id = `${cls}:${source}>${target}`;
    edges.set(id, { id, source, target, cls });
  };

  const byNsName = new Map<string, ClusterObject>();
  for (const o of shown.values()) byNsName.set(`${o.kind}/${o.namespace ?? ''}/${o.name}`, o);

  for (const o of shown.values()) {
    for (const ref of arr(get(o.object, 'metadata', 'ownerReferences'))) {
      if (ref.controller === true && typeof ref.uid === 'string') addEdge(ref.uid, o.uid, 'owns');
    }
  }
  relationEdges(state, shown, byNsName, addEdge);
  return { nodes, edges };
}

/** GraphPatch is what changed between two graphs: the view applies it in one batch. */
export interface GraphPatch {
  addNodes: GraphNode[];
  updateNodes: GraphNode[];
  removeNodes: string[];
  addEdges: GraphEdge[];
  removeEdges: string[];
}

const sameNode = (a: GraphNode, b: GraphNode) => a.label === b.label && a.status === b.status && a.cls === b.cls && a.parent === b.parent;

/** diffGraphs lists the changes that turn `prev` into `next`. */
export function diffGraphs(prev: Graph, next: Graph): GraphPatch {
  const p: GraphPatch = { addNodes: [], updateNodes: [], removeNodes: [], addEdges: [], removeEdges: [] };
  for (const [id, n] of next.nodes) {
    const old = prev.nodes.get(id);
    if (!old) p.addNodes.push(n);
    else if (!sameNode(old, n)) p.updateNodes.push(n);
  }
  for (const id of prev.nodes.keys()) if (!next.nodes.has(id)) p.removeNodes.push(id);
  for (const [id, e] of next.edges) if (!prev.edges.has(id)) p.addEdges.push(e);
  for (const id of prev.edges.keys()) if (!next.edges.has(id)) p.removeEdges.push(id);
  return p;
}

/** emptyGraph is the graph before the first diff. */
export function emptyGraph(): Graph {
  return { nodes: new Map(), edges: new Map() };
}
