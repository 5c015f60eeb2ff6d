/**
 * The rule arithmetic of `kubectl auth reconcile` (component-helpers' rbac
 * validation): a rule broken down to one verb, group, resource and name, and
 * whether a set of rules covers another.
 */

/** Rule is an RBAC PolicyRule as read from a manifest or the server (absent lists are empty). */
export interface Rule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

const has = (set: string[] | undefined, x: string) => (set ?? []).includes(x);
const hasAll = (set: string[] | undefined, xs: string[] | undefined) => (xs ?? []).every((x) => has(set, x));

/** breakdownRule is BreakdownRule: one rule per group, resource, verb (and name), one per non-resource URL and verb. */
export function breakdownRule(r: Rule): Rule[] {
  const out: Rule[] = [];
  for (const g of r.apiGroups ?? [])
    for (const res of r.resources ?? [])
      for (const v of r.verbs ?? []) {
        if (r.resourceNames?.length) for (const n of r.resourceNames) out.push({ apiGroups: [g], resources: [res], verbs: [v], resourceNames: [n] });
        else out.push({ apiGroups: [g], resources: [res], verbs: [v] });
      }
  for (const u of r.nonResourceURLs ?? []) for (const v of r.verbs ?? []) out.push({ nonResourceURLs: [u], verbs: [v] });
  return out;
}

function resourcesCover(set: string[] | undefined, covers: string[] | undefined): boolean {
  if (has(set, '*') || hasAll(set, covers)) return true;
  for (const path of covers ?? []) {
    if (has(set, path)) continue;
    const slash = path.indexOf('/');
    if (slash < 0 || !has(set, `*/${path.slice(slash + 1)}`)) return false;
  }
  return true;
}

function urlCovers(owner: string, sub: string): boolean {
  return owner === sub || (owner.endsWith('*') && sub.startsWith(owner.replace(/\*+$/, '')));
}

function ruleCovers(owner: Rule, sub: Rule): boolean {
  const verbs = has(owner.verbs, '*') || hasAll(owner.verbs, sub.verbs);
  const groups = has(owner.apiGroups, '*') || hasAll(owner.apiGroups, sub.apiGroups);
  const urls = (sub.nonResourceURLs ?? []).every((p) => (owner.nonResourceURLs ?? []).some((o) => urlCovers(o, p)));
  const names = sub.resourceNames?.length ? !owner.resourceNames?.length || hasAll(owner.resourceNames, sub.resourceNames) : !owner.resourceNames?.length;
  return verbs && groups && resourcesCover(owner.resources, sub.resources) && names && urls;
}

/** uncovered is what Covers returns besides its verdict: the broken-down servant rules no owner rule covers. */
export function uncovered(owner: Rule[], servant: Rule[]): Rule[] {
  return servant.flatMap(breakdownRule).filter((sub) => !owner.some((o) => ruleCovers(o, sub)));
}

const goList = (xs: string[] | undefined) => `[${(xs ?? []).join(' ')}]`;

/** goRule is a PolicyRule printed with Go's %+v. */
export function goRule(r: Rule): string {
  return `{Verbs:${goList(r.verbs)} APIGroups:${goList(r.apiGroups)} Resources:${goList(r.resources)} ResourceNames:${goList(r.resourceNames)} NonResourceURLs:${goList(r.nonResourceURLs)}}`;
}
