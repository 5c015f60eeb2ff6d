import type { KObject } from '../../api/types.ts';

interface Req {
  key: string;
  operator: string;
  values?: string[];
}
interface Term {
  matchExpressions?: Req[];
  matchFields?: Req[];
}
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}
export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

function reqMatches(r: Req, value: string | undefined): boolean {
  const v = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && v.includes(value);
    case 'NotIn':
      return value === undefined || !v.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(v[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(v[0]);
  }
  return false;
}

/** matchesNodeSelectorTerms is the required node affinity check: any term whose requirements all hold. */
export function matchesNodeSelectorTerms(terms: Term[], node: KObject): boolean {
  const labels = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchExpressions?.length || t.matchFields?.length) && (t.matchExpressions ?? []).every((r) => reqMatches(r, labels[r.key])) && (t.matchFields ?? []).every((r) => reqMatches(r, r.key === 'metadata.name' ? node.metadata.name : undefined)));
}

/** tolerates is Toleration.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (!t.key) return false;
  return (t.value ?? '') === (taint.value ?? '');
}

/**
 * podFitsNode is the DaemonSet predicate (NodeShouldRunDaemonPod): the
 * pod's nodeSelector and required node affinity match, and its tolerations
 * cover the node's NoSchedule and NoExecute taints.
 */
export function podFitsNode(podSpec: Record<string, unknown>, node: KObject): boolean {
  const sel = (podSpec.nodeSelector ?? {}) as Record<string, string>;
  const labels = node.metadata.labels ?? {};
  if (Object.entries(sel).some(([k, v]) => labels[k] !== v)) return false;
  const terms = ((podSpec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: Term[] } } } | undefined)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms);
  if (terms && !matchesNodeSelectorTerms(terms, node)) return false;
  const tolerations = (podSpec.tolerations ?? []) as Toleration[];
  const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  return taints.every((taint) => tolerations.some((t) => tolerates(t, taint)));
}
