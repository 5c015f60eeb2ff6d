import type { ClusterObject } from '../../../engine/protocol/api.ts';
import { arr, get, labelsOf } from './fields.ts';
import type { ClusterState, GraphEdge } from './model.ts';
import { matchesMap, matchesSelector, type LabelSelector } from './selectors.ts';

type Obj = Record<string, unknown>;
type AddEdge = (source: string, target: string, cls: GraphEdge['cls']) => void;

/**
 * relationEdges draws the links that are not ownership: each Service to its
 * endpoints (EndpointSlices, else Endpoints, else its selector), each Ingress
 * to the Services its rules name, each NetworkPolicy to the pods it selects.
 */
export function relationEdges(state: ClusterState, shown: Map<string, ClusterObject>, byNsName: Map<string, ClusterObject>, addEdge: AddEdge): void {
  serviceEdges(state, shown, byNsName, addEdge);
  for (const o of shown.values()) {
    if (o.kind === 'Ingress') {
      const names = new Set<string>();
      const def = get(o.object, 'spec', 'defaultBackend', 'service', 'name');
      if (typeof def === 'string') names.add(def);
      for (const rule of arr(get(o.object, 'spec', 'rules'))) {
        for (const p of arr(get(rule, 'http', 'paths'))) {
          const n = get(p, 'backend', 'service', 'name');
          if (typeof n === 'string') names.add(n);
        }
      }
      for (const n of names) {
        const svc = byNsName.get(`Service/${o.namespace ?? ''}/${n}`);
        if (svc) addEdge(o.uid, svc.uid, 'routes');
      }
    }
    if (o.kind === 'NetworkPolicy') {
      const sel = get(o.object, 'spec', 'podSelector') as LabelSelector | undefined;
      for (const p of shown.values()) {
        if (p.kind === 'Pod' && p.namespace === o.namespace && matchesSelector(sel, labelsOf(p))) addEdge(o.uid, p.uid, 'selects');
      }
    }
  }
}

function serviceEdges(state: ClusterState, shown: Map<string, ClusterObject>, byNsName: Map<string, ClusterObject>, addEdge: AddEdge): void {
  const slicesBySvc = new Map<string, ClusterObject[]>();
  const endpointsBySvc = new Map<string, ClusterObject>();
  for (const o of state.objects.values()) {
    if (o.kind === 'EndpointSlice') {
      const svc = labelsOf(o)['kubernetes.io/service-name'];
      if (!svc) continue;
      const key = `${o.namespace}/${svc}`;
      slicesBySvc.set(key, [...(slicesBySvc.get(key) ?? []), o]);
    } else if (o.kind === 'Endpoints') endpointsBySvc.set(`${o.namespace}/${o.name}`, o);
  }
  const podFor = (ns: string | undefined, ref: Obj | undefined): ClusterObject | undefined => {
    if (!ref || ref.kind !== 'Pod') return undefined;
    if (typeof ref.uid === 'string' && shown.has(ref.uid)) return shown.get(ref.uid);
    return byNsName.get(`Pod/${(ref.namespace as string | undefined) ?? ns ?? ''}/${ref.name as string}`);
  };
  for (const svc of shown.values()) {
    if (svc.kind !== 'Service') continue;
    const key = `${svc.namespace}/${svc.name}`;
    const slices = slicesBySvc.get(key);
    const eps = endpointsBySvc.get(key);
    if (slices) {
      for (const s of slices) {
        for (const ep of arr(get(s.object, 'endpoints'))) {
          const pod = podFor(svc.namespace, ep.targetRef as Obj | undefined);
          if (pod) addEdge(svc.uid, pod.uid, get(ep, 'conditions', 'ready') !== false ? 'endpoint' : 'endpoint-notready');
        }
      }
    } else if (eps) {
      for (const sub of arr(get(eps.object, 'subsets'))) {
        for (const a of arr(sub.addresses)) {
          const pod = podFor(svc.namespace, a.targetRef as Obj | undefined);
          if (pod) addEdge(svc.uid, pod.uid, 'endpoint');
        }
        for (const a of arr(sub.notReadyAddresses)) {
          const pod = podFor(svc.namespace, a.targetRef as Obj | undefined);
          if (pod) addEdge(svc.uid, pod.uid, 'endpoint-notready');
        }
      }
    } else {
      const sel = get(svc.object, 'spec', 'selector') as Record<string, string> | undefined;
      for (const p of shown.values()) {
        if (p.kind === 'Pod' && p.namespace === svc.namespace && matchesMap(sel, labelsOf(p))) addEdge(svc.uid, p.uid, 'endpoint');
      }
    }
  }
}
