import { describe, expect, it } from 'vitest';
import type { ClusterObject } from '../../../engine/protocol/api.ts';
import { anchorId, StableLayout } from './layout.ts';
import { buildGraph, ClusterState, diffGraphs, emptyGraph, UNSCHEDULED, type Filters } from './model.ts';
import { podReason } from './status.ts';

let uid = 0;
function obj(kind: string, name: string, namespace: string | undefined, rest: Record<string, unknown> = {}, labels?: Record<string, string>): ClusterObject {
  const id = `uid-${++uid}`;
  const meta = { name, ...(namespace ? { namespace } : {}), uid: id, ...(labels ? { labels } : {}), ...((rest.metadata as object) ?? {}) };
  return { kind, apiVersion: 'v1', name, namespace, uid: id, object: { kind, ...rest, metadata: meta } };
}
const node = (name: string, ready = true) => obj('Node', name, undefined, { status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });
const running = { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, state: { running: {} } }] };
const pod = (name: string, nodeName: string | undefined, status: object = running, labels: Record<string, string> = { app: 'web' }, owner?: ClusterObject) =>
  obj('Pod', name, 'default', { spec: nodeName ? { nodeName } : {}, status, metadata: owner ? { ownerReferences: [{ kind: owner.kind, name: owner.name, uid: owner.uid, controller: true }] } : {} }, labels);

const ALL: Filters = { namespaces: null, hiddenKinds: [] };

function cluster(objs: ClusterObject[]): ClusterState {
  const s = new ClusterState();
  s.apply({ added: objs, updated: [], removed: [], revision: 1 });
  return s;
}

describe('buildGraph', () => {
  it('puts pods inside their node box, and pending ones in the unscheduled box', () => {
    const g = buildGraph(cluster([node('controlplane'), node('node01', false), pod('web-1', 'node01'), pod('web-2', undefined, { phase: 'Pending' })]), ALL);
    const byLabel = (l: string) => [...g.nodes.values()].find((n) => n.label === l)!;
    expect(byLabel('web-1')).toMatchObject({ parent: 'node:node01', cls: 'pod running', status: 'Running' });
    expect(byLabel('web-2')).toMatchObject({ parent: UNSCHEDULED, cls: 'pod pending', status: 'Pending' });
    expect(g.nodes.get('node:node01')).toMatchObject({ status: 'NotReady', cls: 'k8s-node notready' });
  });

  it('links owners, services to their endpoints, ingresses to services and policies to pods', () => {
    const dep = obj('Deployment', 'web', 'default', { spec: { replicas: 2 }, status: { readyReplicas: 1 } });
    const rs = obj('ReplicaSet', 'web-5d8', 'default', { spec: { replicas: 2 }, metadata: { ownerReferences: [{ uid: dep.uid, controller: true }] } });
    const p1 = pod('web-5d8-a', 'node01', running, { app: 'web' }, rs);
    const p2 = pod('web-5d8-b', 'node01', running, { app: 'web' }, rs);
    const svc = obj('Service', 'web', 'default', { spec: { selector: { app: 'web' } } });
    const slice = obj('EndpointSlice', 'web-abc', 'default', { endpoints: [{ targetRef: { kind: 'Pod', name: p1.name, uid: p1.uid }, conditions: { ready: true } }, { targetRef: { kind: 'Pod', name: p2.name, uid: p2.uid }, conditions: { ready: false } }] }, { 'kubernetes.io/service-name': 'web' });
    const ing = obj('Ingress', 'web', 'default', { spec: { rules: [{ http: { paths: [{ backend: { service: { name: 'web' } } }] } }] } });
    const np = obj('NetworkPolicy', 'deny', 'default', { spec: { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } } });
    const g = buildGraph(cluster([node('node01'), dep, rs, p1, p2, svc, slice, ing, np]), ALL);
    const edges = [...g.edges.values()].map((e) => `${e.cls} ${g.nodes.get(e.source)!.label}>${g.nodes.get(e.target)!.label}`).sort();
    expect(edges).toEqual([
      'endpoint web>web-5d8-a',
      'endpoint-notready web>web-5d8-b',
      'owns web-5d8>web-5d8-a',
      'owns web-5d8>web-5d8-b',
      'owns web>web-5d8',
      'routes web>web',
      'selects deny>web-5d8-a',
      'selects deny>web-5d8-b',
    ]);
    expect(g.nodes.get(dep.uid)).toMatchObject({ status: '1/2', cls: 'deployment degraded' });
  });

  it('filters by namespace and kind', () => {
    const a = obj('Pod', 'a', 'default', { spec: { nodeName: 'n' }, status: running });
    const b = obj('Pod', 'b', 'kube-system', { spec: { nodeName: 'n' }, status: running });
    const s = obj('Service', 'kubernetes', 'default', { spec: {} });
    const state = cluster([node('n'), a, b, s]);
    expect([...buildGraph(state, { namespaces: ['kube-system'], hiddenKinds: [] }).nodes.values()].map((n) => n.label).sort()).toEqual(['b', 'n']);
    expect([...buildGraph(state, { namespaces: null, hiddenKinds: ['Pod'] }).nodes.values()].map((n) => n.label).sort()).toEqual(['kubernetes', 'n']);
    expect(state.namespaces()).toEqual(['default', 'kube-system']);
  });

  it('applies diffs and reports only what changed', () => {
    const n = node('node01');
    const p = pod('web-1', 'node01', { phase: 'Pending' });
    const state = cluster([n, p]);
    const g1 = buildGraph(state, ALL);
    expect(diffGraphs(emptyGraph(), g1).addNodes).toHaveLength(2);
    state.apply({ added: [], updated: [{ ...p, object: { ...p.object, status: running } }], removed: [], revision: 2 });
    const g2 = buildGraph(state, ALL);
    const patch = diffGraphs(g1, g2);
    expect(patch.updateNodes.map((x) => x.cls)).toEqual(['pod running']);
    expect(patch.addNodes).toEqual([]);
    state.apply({ added: [], updated: [], removed: [{ kind: 'Pod', namespace: 'default', name: 'web-1', uid: p.uid }], revision: 3 });
    expect(diffGraphs(g2, buildGraph(state, ALL)).removeNodes).toEqual([p.uid]);
  });
});

describe('pod status', () => {
  it('reads STATUS like kubectl', () => {
    expect(podReason({ status: { phase: 'Running', containerStatuses: [{ ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }] } })).toBe('CrashLoopBackOff');
    expect(podReason({ metadata: { deletionTimestamp: 'x' }, status: running })).toBe('Terminating');
    expect(podReason({ spec: { initContainers: [{}, {}] }, status: { phase: 'Pending', initContainerStatuses: [{ state: { terminated: { exitCode: 0 } } }, { state: { running: {} } }] } })).toBe('Init:1/2');
    expect(podReason({ status: { phase: 'Succeeded', containerStatuses: [{ state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } })).toBe('Completed');
  });
});

describe('StableLayout', () => {
  it('keeps every pod in its cell while others come and go', () => {
    const l = new StableLayout();
    const n1 = node('node01');
    const a = pod('a', 'node01');
    const b = pod('b', 'node01');
    const c = pod('c', 'node01');
    const p1 = l.place(buildGraph(cluster([n1, a, b, c]), ALL));
    const p2 = l.place(buildGraph(cluster([n1, a, c]), ALL));
    expect(p2.get(a.uid)).toEqual(p1.get(a.uid));
    expect(p2.get(c.uid)).toEqual(p1.get(c.uid));
    const d = pod('d', 'node01');
    const p3 = l.place(buildGraph(cluster([n1, a, c, d]), ALL));
    expect(p3.get(d.uid)).toEqual(p1.get(b.uid));
    expect(p3.get(anchorId('node:node01', 'l'))).toEqual(p1.get(anchorId('node:node01', 'l')));
  });

  it('orders node boxes control plane first and keeps their columns', () => {
    const l = new StableLayout();
    const p = l.place(buildGraph(cluster([node('node02'), node('controlplane'), node('node01')]), ALL));
    const x = (n: string) => p.get(anchorId(`node:${n}`, 'l'))!.x;
    expect(x('controlplane')).toBeLessThan(x('node01'));
    expect(x('node01')).toBeLessThan(x('node02'));
  });
});
