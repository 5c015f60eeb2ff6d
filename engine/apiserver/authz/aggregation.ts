import { deepEqual } from '../../base/deep.ts';
import { fromLabelSelector, matches, type LabelSelector } from '../../base/labels.ts';
import type { KObject } from '../../api/types.ts';
import type { PolicyRule } from './rbac-rules.ts';

/**
 * aggregateClusterRole computes the rules of an aggregated ClusterRole (one
 * with aggregationRule.clusterRoleSelectors) as the clusterrole-aggregation
 * controller does: for each selector, the matching ClusterRoles by name
 * (itself excluded), their rules appended once each. It returns undefined for
 * a role without an aggregation rule; the controller writes the result only
 * when it differs from role.rules.
 */
export function aggregateClusterRole(role: KObject, allClusterRoles: Iterable<KObject>): PolicyRule[] | undefined {
  const selectors = (role.aggregationRule as { clusterRoleSelectors?: LabelSelector[] } | undefined)?.clusterRoleSelectors;
  if (!role.aggregationRule) return undefined;
  const roles = [...allClusterRoles].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  const out: PolicyRule[] = [];
  for (const sel of selectors ?? []) {
    const s = fromLabelSelector(sel);
    for (const r of roles) {
      if (r.metadata.name === role.metadata.name || !matches(s, r.metadata.labels)) continue;
      for (const rule of (r.rules as PolicyRule[] | undefined) ?? []) if (!out.some((x) => deepEqual(x, rule))) out.push(rule);
    }
  }
  return out;
}
