import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';

/**
 * Node selectors as component-helpers/scheduling/corev1/nodeaffinity
 * matches them: terms are ORed, the expressions of a term ANDed, an empty
 * term selects nothing, and a term with a malformed requirement (a Gt value
 * that is not an integer) is dropped.
 */

const INT = /^-?\d+$/;

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined, has: boolean): boolean | undefined {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !INT.test(values[0]!)) return undefined;
      if (!has || !INT.test(value!)) return false;
      const n = Number(value);
      const want = Number(values[0]);
      return r.operator === 'Gt' ? n > want : n < want;
    }
    default:
      return undefined;
  }
}

function isEmptyTerm(t: NodeSelectorTerm): boolean {
  return (t.matchExpressions ?? []).length === 0 && (t.matchFields ?? []).length === 0;
}

/** termMatches matches one NodeSelectorTerm against labels and metadata.name; undefined when the term is malformed. */
export function termMatches(t: NodeSelectorTerm, labels: Record<string, string>, nodeName: string): boolean | undefined {
  for (const r of t.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const m = requirementMatches(r, labels[r.key], has);
    if (m === undefined) return undefined;
    if (!m) return false;
  }
  for (const r of t.matchFields ?? []) {
    if (r.key !== 'metadata.name' || (r.operator !== 'In' && r.operator !== 'NotIn') || (r.values ?? []).length !== 1) return undefined;
    const m = requirementMatches(r, nodeName, true);
    if (!m) return false;
  }
  return true;
}

/** nodeSelectorMatches is NodeSelector.Match: any non-empty, well-formed term matches. */
export function nodeSelectorMatches(sel: NodeSelector, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  const name = node.metadata?.name ?? '';
  for (const t of sel.nodeSelectorTerms ?? []) {
    if (isEmptyTerm(t)) continue;
    if (termMatches(t, labels, name) === true) return true;
  }
  return false;
}

/** RequiredNodeAffinity is nodeaffinity.RequiredNodeAffinity: spec.nodeSelector plus required node affinity. */
export interface RequiredNodeAffinity {
  labelSelector: Record<string, string> | undefined;
  nodeSelector: NodeSelector | undefined;
}

/** requiredNodeAffinityOf is GetRequiredNodeAffinity. */
export function requiredNodeAffinityOf(pod: Pod): RequiredNodeAffinity {
  const ns = pod.spec?.nodeSelector;
  return {
    labelSelector: ns && Object.keys(ns).length > 0 ? ns : undefined,
    nodeSelector: pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
  };
}

/** requiredMatches is RequiredNodeAffinity.Match. */
export function requiredMatches(r: RequiredNodeAffinity, node: Node): boolean {
  if (r.labelSelector) {
    const labels = node.metadata?.labels ?? {};
    for (const [k, v] of Object.entries(r.labelSelector)) if (labels[k] !== v) return false;
  }
  if (r.nodeSelector) return nodeSelectorMatches(r.nodeSelector, node);
  return true;
}

/** preferredScore is PreferredSchedulingTerms.Score: the sum of the weights of matching terms. */
export function preferredScore(terms: readonly PreferredSchedulingTerm[], node: Node): number {
  const labels = node.metadata?.labels ?? {};
  const name = node.metadata?.name ?? '';
  let score = 0;
  for (const t of terms) {
    if (!t.weight || isEmptyTerm(t.preference)) continue;
    if (termMatches(t.preference, labels, name) === true) score += t.weight;
  }
  return score;
}
