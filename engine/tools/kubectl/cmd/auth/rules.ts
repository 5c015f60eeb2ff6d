/** PolicyRule is an RBAC rule as SelfSubjectRulesReview reports it (resource and non-resource rules together). */
export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** breakdown splits a rule into one rule per group, resource and resource name, and one per non-resource URL. */
export function breakdown(r: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const g of r.apiGroups) {
    for (const res of r.resources) {
      if (r.resourceNames.length) for (const n of r.resourceNames) out.push({ verbs: r.verbs, apiGroups: [g], resources: [res], resourceNames: [n], nonResourceURLs: [] });
      else out.push({ verbs: r.verbs, apiGroups: [g], resources: [res], resourceNames: [], nonResourceURLs: [] });
    }
  }
  for (const u of r.nonResourceURLs) out.push({ verbs: r.verbs, apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [u] });
  return out;
}

/** compact merges the verbs of simple rules (one group, one resource, at most one name), keeping the rest as they are. */
export function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    if (r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1 && r.resourceNames.length <= 1) {
      const key = `${r.apiGroups[0]}\u0000${r.resources[0]}\u0000${r.resourceNames[0] ?? ''}`;
      const e = simple.get(key);
      if (e) e.verbs = [...e.verbs, ...r.verbs];
      else simple.set(key, { ...r, verbs: [...r.verbs] });
    } else out.push(r);
  }
  return [...out, ...simple.values()];
}

const list = (xs: string[]) => `[${xs.join(' ')}]`;

/** ruleString is rbacv1.PolicyRule's String(), which kubectl sorts the list by. */
export function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`;
}

/** combineResourceGroup is "resource.group[/subresource]", as the Resources column shows it. */
export function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [res, sub] = resources[0]!.split(/\/(.*)/s);
  let out = res!;
  if (groups.length > 0 && groups[0] !== '') out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

/** accessRows are the rows of `kubectl auth can-i --list`. */
export function accessRows(rules: PolicyRule[]): string[][] {
  const sorted = compact(rules.flatMap(breakdown))
    .map((r, i) => ({ r, i, s: ruleString(r) }))
    .sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : a.i - b.i))
    .map((x) => x.r);
  return sorted.map((r) => [combineResourceGroup(r.resources, r.apiGroups), list(r.nonResourceURLs), list(r.resourceNames), list(r.verbs)]);
}
