/**
 * PolicyRule matching, as k8s.io/kubernetes/plugin/pkg/auth/authorizer/rbac
 * (rbac.go, RuleAllows) defines it.
 */

export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface RequestAttrs {
  verb: string;
  isResourceRequest: boolean;
  path: string;
  apiGroup: string;
  resource: string;
  subresource: string;
  name: string;
}

function verbMatches(r: PolicyRule, verb: string): boolean {
  return (r.verbs ?? []).some((v) => v === '*' || v === verb);
}

function apiGroupMatches(r: PolicyRule, group: string): boolean {
  return (r.apiGroups ?? []).some((g) => g === '*' || g === group);
}

function resourceMatches(r: PolicyRule, combined: string, sub: string): boolean {
  for (const res of r.resources ?? []) {
    if (res === '*') return true;
    if (res === combined) return true;
    if (sub && res.length === sub.length + 2 && res.startsWith('*/') && res.endsWith(sub)) return true;
  }
  return false;
}

function resourceNameMatches(r: PolicyRule, name: string): boolean {
  const names = r.resourceNames ?? [];
  if (names.length === 0) return true;
  return names.includes(name);
}

function nonResourceURLMatches(r: PolicyRule, path: string): boolean {
  for (const u of r.nonResourceURLs ?? []) {
    if (u === '*' || u === path) return true;
    if (u.endsWith('*') && path.startsWith(u.slice(0, -1))) return true;
  }
  return false;
}

/** ruleAllows reports whether one rule grants the request. */
export function ruleAllows(a: RequestAttrs, r: PolicyRule): boolean {
  if (a.isResourceRequest) {
    const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    return verbMatches(r, a.verb) && apiGroupMatches(r, a.apiGroup) && resourceMatches(r, combined, a.subresource) && resourceNameMatches(r, a.name);
  }
  return verbMatches(r, a.verb) && nonResourceURLMatches(r, a.path);
}
