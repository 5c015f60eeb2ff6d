import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { fromLabelSelector, fromMap, matches, selectorString, type Requirement, type Selector } from '../../../base/labels.ts';
import { controllerOf, doNotScheduleTaint, findUntoleratedTaint, LABEL_HOSTNAME, LABEL_ZONE } from '../../framework/api.ts';
import type { Listers } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { requiredMatches, type RequiredNodeAffinity } from '../../framework/node-selector.ts';

/** Constraint is topologySpreadConstraint: a parsed constraint with its defaults. */
export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  /** selectorKey identifies the selector for the per-node count cache. */
  selectorKey: string;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

/** SYSTEM_DEFAULT_CONSTRAINTS are the cluster-level defaults: spread by hostname (skew 3) and zone (skew 5), softly. */
export const SYSTEM_DEFAULT_CONSTRAINTS: TopologySpreadConstraint[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

function keyOf(sel: Selector): string {
  return sel.nothing ? '\u0000nothing' : selectorString(sel);
}

/** filterConstraints is filterTopologySpreadConstraints: the constraints with the given action, matchLabelKeys merged. */
export function filterConstraints(constraints: readonly TopologySpreadConstraint[], podLabels: Record<string, string> | undefined, action: string): Constraint[] {
  const out: Constraint[] = [];
  for (const c of constraints) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = fromLabelSelector(c.labelSelector);
    const extra: Requirement[] = [];
    for (const k of c.matchLabelKeys ?? []) {
      const v = podLabels?.[k];
      if (v !== undefined) extra.push({ key: k, operator: '=', values: [v] });
    }
    if (extra.length) selector = { ...selector, requirements: [...selector.requirements, ...extra] };
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      selectorKey: keyOf(selector),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
    });
  }
  return out;
}

/**
 * defaultSelector is helper.DefaultSelector: the selectors of the Services
 * selecting the pod, plus its controller's (ReplicationController,
 * ReplicaSet or StatefulSet) selector.
 */
export function defaultSelector(pod: Pod, l: Listers): Selector {
  const ns = pod.metadata?.namespace ?? '';
  const labels = pod.metadata?.labels ?? {};
  const set: Record<string, string> = {};
  for (const svc of l.services.list(ns)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (!sel || Object.keys(sel).length === 0) continue;
    if (matches(fromMap(sel), labels)) Object.assign(set, sel);
  }
  let selector = fromMap(set);
  const owner = controllerOf(pod);
  if (!owner) return selector;
  if (owner.kind === 'ReplicationController' && owner.apiVersion === 'v1') {
    const rc = l.replicationControllers.get(ns, owner.name);
    const sel = (rc?.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (rc) selector = fromMap({ ...set, ...sel });
  } else if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && owner.apiVersion === 'apps/v1') {
    const o = (owner.kind === 'ReplicaSet' ? l.replicaSets : l.statefulSets).get(ns, owner.name);
    if (o) {
      const other = fromLabelSelector((o.spec as { selector?: Parameters<typeof fromLabelSelector>[0] } | undefined)?.selector);
      if (!other.nothing) selector = { requirements: [...selector.requirements, ...other.requirements] };
    }
  }
  return selector;
}

/** nodeLabelsMatchConstraints: the node has every constraint's topology key. */
export function nodeLabelsMatchConstraints(labels: Record<string, string>, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (!(c.topologyKey in labels)) return false;
  return true;
}

/** matchNodeInclusionPolicies applies nodeAffinityPolicy (Honor by default) and nodeTaintsPolicy (Ignore by default). */
export function matchNodeInclusionPolicies(c: Constraint, pod: Pod, node: Node, req: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !requiredMatches(req, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, doNotScheduleTaint)) return false;
  return true;
}

/**
 * countPodsMatchSelector counts the node's pods in the namespace that match
 * (terminating pods excluded). Counts are cached per node generation, so a
 * cycle recounts only the nodes that changed since the last one.
 */
export function countPodsMatchSelector(ni: NodeInfo, c: Constraint, ns: string): number {
  if (!c.selector.nothing && c.selector.requirements.length === 0) return 0;
  const byKey = ni.matchCounts;
  const hit = byKey.get(c.selectorKey);
  if (hit && hit.generation === ni.generation && hit.ns === ns) return hit.count;
  let count = 0;
  for (const p of ni.pods) {
    const m = p.pod.metadata;
    if (m?.deletionTimestamp || m?.namespace !== ns) continue;
    if (matches(c.selector, m.labels)) count++;
  }
  byKey.set(c.selectorKey, { ns, generation: ni.generation, count });
  return count;
}
