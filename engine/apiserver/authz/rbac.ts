import type { KObject } from '../../api/types.ts';
import type { UserInfo } from '../authn/types.ts';
import { ruleAllows, type PolicyRule } from './rbac-rules.ts';
import type { Attributes, Authorizer } from './types.ts';

/** RbacSource gives the authorizer the RBAC objects it reads (from the apiserver's watch cache). */
export interface RbacSource {
  clusterRoleBindings(): Iterable<KObject>;
  roleBindings(namespace: string): Iterable<KObject>;
  clusterRole(name: string): KObject | undefined;
  role(namespace: string, name: string): KObject | undefined;
  /** version changes whenever any role or binding changes (absent: never cache). */
  version?(): number;
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

interface RoleRef {
  kind: string;
  name: string;
  apiGroup?: string;
}

/** appliesTo reports whether a binding subject names this user (rbac.appliesToUser). */
export function subjectAppliesTo(user: UserInfo, s: Subject, bindingNamespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return user.name === s.name;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || bindingNamespace;
      return user.name === `system:serviceaccount:${ns}:${s.name}`;
    }
    default:
      return false;
  }
}

function roleRules(src: RbacSource, ref: RoleRef, bindingNamespace: string): PolicyRule[] {
  if (ref.kind === 'ClusterRole') return ((src.clusterRole(ref.name)?.rules as PolicyRule[] | undefined) ?? []);
  if (ref.kind === 'Role' && bindingNamespace) return ((src.role(bindingNamespace, ref.name)?.rules as PolicyRule[] | undefined) ?? []);
  return [];
}

/**
 * visitRules walks every rule granted to user in namespace (cluster-wide
 * bindings first), stopping when visit returns true — as the RBAC
 * authorizer's VisitRulesFor does.
 */
export function visitRules(src: RbacSource, user: UserInfo, namespace: string, visit: (r: PolicyRule, source: string) => boolean): void {
  for (const crb of src.clusterRoleBindings()) {
    const subjects = (crb.subjects as Subject[] | undefined) ?? [];
    if (!subjects.some((s) => subjectAppliesTo(user, s, ''))) continue;
    const ref = crb.roleRef as RoleRef;
    for (const r of roleRules(src, ref, '')) {
      if (visit(r, `ClusterRoleBinding "${crb.metadata.name}" of ClusterRole "${ref.name}"`)) return;
    }
  }
  if (!namespace) return;
  for (const rb of src.roleBindings(namespace)) {
    const subjects = (rb.subjects as Subject[] | undefined) ?? [];
    if (!subjects.some((s) => subjectAppliesTo(user, s, namespace))) continue;
    const ref = rb.roleRef as RoleRef;
    for (const r of roleRules(src, ref, namespace)) {
      if (visit(r, `RoleBinding "${rb.metadata.name}/${namespace}" of ${ref.kind} "${ref.name}"`)) return;
    }
  }
}

/** GrantedRules are the rules a user holds in a namespace, with the first rule each kind of request matches. */
interface GrantedRules {
  rules: { rule: PolicyRule; source: string }[];
  /** firstMatch maps verb/group/resource/subresource (or a path) to the first rule matching it by everything but resourceNames (-1: none). */
  firstMatch: Map<string, number>;
}

/** rbacAuthorizer allows a request when any rule bound to the user grants it; RBAC never denies outright. */
export function rbacAuthorizer(src: RbacSource): Authorizer {
  // The rules that apply to a user in a namespace only change when an RBAC
  // object changes, so they are collected once per (user, namespace) and kept
  // until the RBAC objects' version moves, as the real authorizer reads them
  // from informers.
  let version = -1;
  const cache = new Map<string, GrantedRules>();
  const rulesOf = (a: Attributes): GrantedRules => {
    const v = src.version?.() ?? -2;
    if (v !== version || v === -2) {
      cache.clear();
      version = v;
    }
    const key = `${a.user.name}\u0000${a.user.groups.join('\u0001')}\u0000${a.namespace}`;
    let granted = cache.get(key);
    if (!granted) {
      const rules: GrantedRules['rules'] = [];
      visitRules(src, a.user, a.namespace, (rule, source) => {
        rules.push({ rule, source });
        return false;
      });
      if (cache.size > 5000) cache.clear();
      granted = { rules, firstMatch: new Map() };
      cache.set(key, granted);
    }
    return granted;
  };
  return {
    name: 'RBAC',
    authorize(a: Attributes) {
      const { rules, firstMatch } = rulesOf(a);
      // The first rule that matches all but the name decides, unless it lists resourceNames: then the name is needed to go on.
      const kind = a.isResourceRequest ? `${a.verb}\u0000${a.apiGroup}\u0000${a.resource}\u0000${a.subresource}` : `${a.verb}\u0000\u0000${a.path}`;
      let from = firstMatch.get(kind);
      if (from === undefined) {
        const anyName = { ...a, name: '' };
        from = rules.findIndex(({ rule }) => ruleAllows(anyName, rule.resourceNames?.length ? { ...rule, resourceNames: undefined } : rule));
        if (firstMatch.size > 1000) firstMatch.clear();
        firstMatch.set(kind, from);
      }
      if (from < 0) return { decision: 'noopinion', reason: '' };
      for (let i = from; i < rules.length; i++) {
        const { rule, source } = rules[i]!;
        if (ruleAllows(a, rule)) return { decision: 'allow', reason: `RBAC: allowed by ${source}` };
      }
      return { decision: 'noopinion', reason: '' };
    },
  };
}

/** rulesFor lists the rules a user holds in a namespace (SelfSubjectRulesReview, `kubectl auth can-i --list`). */
export function rulesFor(src: RbacSource, user: UserInfo, namespace: string): PolicyRule[] {
  const out: PolicyRule[] = [];
  visitRules(src, user, namespace, (r) => {
    out.push(r);
    return false;
  });
  return out;
}
