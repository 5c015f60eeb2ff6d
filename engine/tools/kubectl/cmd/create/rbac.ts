import { ExitError, type RunContext } from '../../cli/command.ts';
import type { Discovery } from '../../discovery.ts';
import { RawError, WrappedError, submitCreate } from './common.ts';
import { commandFromHelp } from './help.ts';
import { enforcedNamespace, make, nameArg, objectMeta, requireFlag } from './meta.ts';
import { sortedRecord } from './sources.ts';

const RBAC = 'rbac.authorization.k8s.io/v1';
const VALID_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
const SPECIAL: Record<string, [string, string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  escalate: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras']],
};

interface ResourceOpt {
  resource: string;
  group: string;
  sub: string;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** resourceFor is the RESTMapper's ResourceFor: short names and singulars to the plural, within the group when given. */
function resourceFor(d: Discovery, r: ResourceOpt): { group: string; resource: string } | Error {
  const all = d.all();
  const m = all.find((x) => (r.group === '' || x.group === r.group) && (x.plural === r.resource || x.singular === r.resource || x.shortNames.includes(r.resource)) && x.preferred);
  if (m) return { group: m.group, resource: m.plural };
  return new RawError(r.group ? `the server doesn't have a resource type "${r.resource}" in group "${r.group}"` : `the server doesn't have a resource type "${r.resource}"`);
}

function readRule(c: RunContext): { verbs: string[]; resources: ResourceOpt[]; names: string[] } {
  let verbs: string[] = [];
  for (const v of c.flag<string[]>('verb')) {
    if (v === '*') {
      verbs = ['*'];
      break;
    }
    if (!verbs.includes(v)) verbs.push(v);
  }
  let resources: ResourceOpt[] = [];
  for (const r of c.flag<string[]>('resource')) {
    const [head, sub = ''] = r.split(/\/(.*)/s) as [string, string?];
    const dot = head.indexOf('.');
    const opt = { resource: dot < 0 ? head : head.slice(0, dot), group: dot < 0 ? '' : head.slice(dot + 1), sub };
    if (opt.resource === '*' && dot < 0 && !r.includes('/')) {
      resources = [opt];
      break;
    }
    resources.push(opt);
  }
  return { verbs, resources, names: dedupe(c.flag<string[]>('resource-name')) };
}

function validateResources(c: RunContext, verbs: string[], resources: ResourceOpt[]): void {
  for (const v of verbs) if (!VALID_VERBS.includes(v)) c.err(`Warning: '${v}' is not a standard resource verb\n`);
  const d = c.f.discovery();
  for (const r of resources) {
    if (!r.resource) throw new WrappedError('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const found = resourceFor(d, r);
    const res = found instanceof Error ? { group: r.group, resource: r.resource } : found;
    let err: Error | undefined = found instanceof Error ? found : undefined;
    for (const v of verbs) {
      const special = SPECIAL[v];
      if (!special) continue;
      if (!special.some(([g, rr]) => g === res.group && rr === res.resource)) throw new WrappedError(`can not perform '${v}' on '${res.resource}' in group '${res.group}'`);
      err = undefined;
    }
    if (err) {
      c.err(`${err.message}\n`);
      throw new ExitError(1);
    }
  }
}

function rules(c: RunContext, verbs: string[], resources: ResourceOpt[], names: string[], urls: string[]): Record<string, unknown>[] {
  const d = c.f.discovery();
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const found = r.resource === '*' ? undefined : resourceFor(d, r);
    const res = !found || found instanceof Error ? { group: r.group, resource: r.resource } : found;
    const name = r.sub ? `${res.resource}/${r.sub}` : res.resource;
    const list = byGroup.get(res.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(res.group, list);
  }
  const out: Record<string, unknown>[] = [];
  for (const g of [...byGroup.keys()].sort()) {
    const rule: Record<string, unknown> = { verbs, apiGroups: [g], resources: byGroup.get(g) };
    if (names.length) rule.resourceNames = names;
    out.push(rule);
  }
  if (urls.length) out.push({ verbs, nonResourceURLs: urls });
  return out;
}

async function runRole(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const { verbs, resources, names } = readRule(c);
  if (verbs.length === 0) throw new WrappedError('at least one verb must be specified');
  if (resources.length === 0) throw new WrappedError('at least one resource must be specified');
  validateResources(c, verbs, resources);
  const obj = make(RBAC, 'Role', { metadata: objectMeta(name, enforcedNamespace(c)), rules: rules(c, verbs, resources, names, []) });
  return submitCreate(c, c.f.discovery().resolve('roles.rbac.authorization.k8s.io'), obj);
}

async function runClusterRole(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const { verbs, resources, names } = readRule(c);
  const urls = c.flag<string[]>('non-resource-url');
  const agg = c.flag<Record<string, string>>('aggregation-rule');
  const body: Record<string, unknown> = { metadata: objectMeta(name) };
  if (Object.keys(agg).length) {
    if (urls.length || verbs.length || resources.length || names.length) throw new WrappedError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    body.rules = null;
    body.aggregationRule = { clusterRoleSelectors: [{ matchLabels: sortedRecord(agg) }] };
  } else {
    if (verbs.length === 0) throw new WrappedError('at least one verb must be specified');
    if (resources.length === 0 && urls.length === 0) throw new WrappedError('one of resource or nonResourceURL must be specified');
    if (resources.length) validateResources(c, verbs, resources);
    if (urls.length) {
      for (const v of verbs) if (!NON_RESOURCE_VERBS.includes(v)) throw new WrappedError(`invalid verb: '${v}' for nonResourceURL`);
      for (const u of urls) {
        if (u === '*') continue;
        if (!u.startsWith('/')) throw new WrappedError('nonResourceURL should start with /');
        if (u.slice(0, -1).includes('*')) throw new WrappedError("nonResourceURL only supports wildcard matches when '*' is at the end");
      }
    }
    body.rules = rules(c, verbs, resources, names, urls);
  }
  return submitCreate(c, c.f.discovery().resolve('clusterroles.rbac.authorization.k8s.io'), make(RBAC, 'ClusterRole', body));
}

function subjects(c: RunContext): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const u of c.flag<string[]>('user')) out.push({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: u });
  for (const g of c.flag<string[]>('group')) out.push({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: g });
  for (const sa of c.flag<string[]>('serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new WrappedError('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return out;
}

async function runRoleBinding(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const role = c.flag<string>('role');
  const cr = c.flag<string>('clusterrole');
  if ((role === '') === (cr === '')) throw new WrappedError('exactly one of clusterrole or role must be specified');
  const body: Record<string, unknown> = { metadata: objectMeta(name, enforcedNamespace(c)) };
  const subs = subjects(c);
  if (subs.length) body.subjects = subs;
  body.roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: role ? 'Role' : 'ClusterRole', name: role || cr };
  return submitCreate(c, c.f.discovery().resolve('rolebindings.rbac.authorization.k8s.io'), make(RBAC, 'RoleBinding', body), 'failed to create rolebinding: ');
}

async function runClusterRoleBinding(c: RunContext): Promise<number> {
  const name = nameArg(c);
  requireFlag(c, 'clusterrole');
  const body: Record<string, unknown> = { metadata: objectMeta(name) };
  const subs = subjects(c);
  if (subs.length) body.subjects = subs;
  body.roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: c.flag<string>('clusterrole') };
  return submitCreate(c, c.f.discovery().resolve('clusterrolebindings.rbac.authorization.k8s.io'), make(RBAC, 'ClusterRoleBinding', body), 'failed to create clusterrolebinding: ');
}

const ruleTweaks = { verb: { type: 'stringSlice' as const }, resource: { type: 'stringSlice' as const }, 'resource-name': { type: 'stringArray' as const }, 'non-resource-url': { type: 'stringSlice' as const }, 'aggregation-rule': { type: 'mapStringString' as const } };
const subjectTweaks = { user: { type: 'stringArray' as const }, group: { type: 'stringArray' as const }, serviceaccount: { type: 'stringArray' as const } };

export const createRoleCommand = commandFromHelp('create role', { run: runRole, tweaks: ruleTweaks });
export const createClusterRoleCommand = commandFromHelp('create clusterrole', { run: runClusterRole, tweaks: ruleTweaks });
export const createRoleBindingCommand = commandFromHelp('create rolebinding', { run: runRoleBinding, tweaks: subjectTweaks });
export const createClusterRoleBindingCommand = commandFromHelp('create clusterrolebinding', { run: runClusterRoleBinding, tweaks: subjectTweaks });
