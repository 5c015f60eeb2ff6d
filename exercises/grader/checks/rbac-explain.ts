import type { ApiAccess } from '../target.ts';

/** Subject is who an access check is about. */
export interface Subject {
  user: string;
  groups: string[];
  label: string;
  sa?: { namespace: string; name: string };
}

/** Attributes are what the subject tries to do. */
export interface Attributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

interface Rule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}
interface Binding {
  metadata: { name: string; namespace?: string };
  kind: string;
  roleRef: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
}

/**
 * explainAccess reads the bindings that name a subject and the roles they
 * grant, and says in one sentence why access is missing (which Role lacks the
 * verb) or where unwanted access comes from (which binding grants it).
 */
export async function explainAccess(api: ApiAccess, who: Subject, a: Attributes, allowed: boolean): Promise<string> {
  const bindings = await bindingsOf(api, who, a.namespace);
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (!bindings.length) {
    return `no ${a.namespace ? `RoleBinding in namespace ${a.namespace} or ` : ''}ClusterRoleBinding names ${who.label}`;
  }
  const reasons: string[] = [];
  for (const b of bindings) {
    const roleNs = b.roleRef.kind === 'Role' ? b.metadata.namespace : undefined;
    const rules = await rulesOf(api, b.roleRef.kind, b.roleRef.name, roleNs);
    const roleText = `${b.roleRef.kind} ${b.roleRef.name}${roleNs ? ` in namespace ${roleNs}` : ''}`;
    const bindText = `${b.kind} ${b.metadata.name}${b.metadata.namespace ? ` in namespace ${b.metadata.namespace}` : ''}`;
    if (rules === undefined) {
      reasons.push(`${bindText} refers to ${roleText}, which does not exist`);
      continue;
    }
    const grants = rules.some((r) => ruleAllows(r, a, resource));
    if (allowed && grants) reasons.push(`${roleText} (bound by ${bindText}) allows it`);
    if (!allowed && !grants) reasons.push(`${roleText} (bound by ${bindText}) does not allow verb ${a.verb} on ${resource}${a.name ? ` named ${a.name}` : ''}`);
  }
  if (!reasons.length) return allowed ? 'access comes from a group binding or another authorizer' : 'the bindings that name it grant nothing matching';
  return reasons.join('; ');
}

function ruleAllows(r: Rule, a: Attributes, resource: string): boolean {
  const has = (list: string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));
  if (!has(r.verbs, a.verb)) return false;
  if (!has(r.apiGroups, a.group)) return false;
  if (!has(r.resources, resource)) return false;
  if (r.resourceNames?.length && (!a.name || !r.resourceNames.includes(a.name))) return false;
  return true;
}

async function bindingsOf(api: ApiAccess, who: Subject, namespace: string | undefined): Promise<Binding[]> {
  const names = (b: Binding) =>
    (b.subjects ?? []).some(
      (s) =>
        (s.kind === 'User' && s.name === who.user) ||
        (s.kind === 'Group' && who.groups.includes(s.name) && s.name !== 'system:authenticated') ||
        (s.kind === 'ServiceAccount' && who.sa && s.name === who.sa.name && (s.namespace ?? b.metadata.namespace) === who.sa.namespace),
    );
  const out: Binding[] = [];
  const list = async (path: string, kind: string) => {
    const r = await api.request({ method: 'GET', path });
    if (r.status !== 200) return;
    for (const b of (r.body as { items?: Binding[] }).items ?? []) if (names(b)) out.push({ ...b, kind });
  };
  if (namespace) await list(`/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`, 'RoleBinding');
  await list('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', 'ClusterRoleBinding');
  return out;
}

async function rulesOf(api: ApiAccess, kind: string, name: string, namespace: string | undefined): Promise<Rule[] | undefined> {
  const path = kind === 'Role' ? `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/roles/${name}` : `/apis/rbac.authorization.k8s.io/v1/clusterroles/${name}`;
  const r = await api.request({ method: 'GET', path });
  if (r.status !== 200) return undefined;
  return (r.body as { rules?: Rule[] }).rules ?? [];
}
