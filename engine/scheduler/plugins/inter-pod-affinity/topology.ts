import type { Node, Pod } from 'kubernetes-types/core/v1';
import { matches, NOTHING } from '../../../base/labels.ts';
import type { Lister } from '../../framework/interfaces.ts';
import { podMatchesAllTerms, termMatches, type AffinityTerm } from '../../framework/pod-info.ts';

/** TopologyCounts maps "topologyKey\0value" to a count of matching terms (interpodaffinity.topologyToMatchedTermCount). */
export type TopologyCounts = Map<string, number>;

/** pairKey joins a topology key and value. */
export function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function bump(m: TopologyCounts, key: string, by: number): void {
  const n = (m.get(key) ?? 0) + by;
  if (n === 0) m.delete(key);
  else m.set(key, n);
}

/** updateWithAffinityTerms counts each term's topology pair when pod matches all the terms. */
export function updateWithAffinityTerms(m: TopologyCounts, terms: readonly AffinityTerm[], pod: Pod, node: Node, by: number): void {
  if (!podMatchesAllTerms(terms, pod)) return;
  const labels = node.metadata?.labels ?? {};
  for (const t of terms) {
    const v = labels[t.topologyKey];
    if (v !== undefined) bump(m, pairKey(t.topologyKey, v), by);
  }
}

/** updateWithAntiAffinityTerms counts the topology pair of every term pod matches. */
export function updateWithAntiAffinityTerms(m: TopologyCounts, terms: readonly AffinityTerm[], pod: Pod, nsLabels: Record<string, string> | undefined, node: Node, by: number): void {
  const labels = node.metadata?.labels ?? {};
  for (const t of terms) {
    if (!termMatches(t, pod, nsLabels)) continue;
    const v = labels[t.topologyKey];
    if (v !== undefined) bump(m, pairKey(t.topologyKey, v), by);
  }
}

/**
 * mergeNamespaces is mergeAffinityTermNamespacesIfNotEmpty: a term's
 * namespaceSelector is resolved once into names, so matching other pods does
 * not need their namespace's labels. An empty selector (all namespaces) stays.
 */
export function mergeNamespaces(t: AffinityTerm, namespaces: Lister): AffinityTerm {
  const sel = t.namespaceSelector;
  if (!sel.nothing && sel.requirements.length === 0) return t;
  const names = new Set(t.namespaces);
  if (!sel.nothing) for (const ns of namespaces.list()) if (matches(sel, ns.metadata.labels)) names.add(ns.metadata.name ?? '');
  return { ...t, namespaces: names, namespaceSelector: NOTHING };
}

/** namespaceLabels is GetNamespaceLabelsSnapshot: the labels of the pod's namespace ({} when unknown). */
export function namespaceLabels(ns: string, namespaces: Lister): Record<string, string> {
  return namespaces.get(undefined, ns)?.metadata.labels ?? {};
}
