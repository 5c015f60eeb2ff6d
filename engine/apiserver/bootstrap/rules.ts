import type { KObject } from '../../api/types.ts';
import type { PolicyRule } from '../authz/rbac-rules.ts';

/** Builders for the bootstrap policy tables: rules written as comma lists, objects with the bootstrap label and annotation. */

const split = (s: string) => s.split(',');

/** r is a resource rule: r('get,list,watch', ',events.k8s.io', 'events') — '' is the core group. */
export function r(verbs: string, groups: string, resources: string, names?: string): PolicyRule {
  return { apiGroups: split(groups), resources: split(resources), ...(names ? { resourceNames: split(names) } : {}), verbs: split(verbs) };
}

/** u is a non-resource rule. */
export function u(verbs: string, urls: string): PolicyRule {
  return { nonResourceURLs: split(urls), verbs: split(verbs) };
}

/** EVENTS is eventsRule(): create/patch/update events in the core and events.k8s.io groups. */
export const EVENTS = r('create,patch,update', ',events.k8s.io', 'events');

export const RBAC = 'rbac.authorization.k8s.io';
export const RBAC_V1 = `${RBAC}/v1`;
const DEFAULT_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

/** bootstrapMeta is the metadata every default RBAC object carries. */
export function bootstrapMeta(name: string, namespace?: string, labels: Record<string, string> = {}): KObject['metadata'] {
  return { name, ...(namespace ? { namespace } : {}), labels: { ...DEFAULT_LABELS, ...labels }, annotations: { ...AUTOUPDATE } };
}

/** clusterRole builds a default ClusterRole. */
export function clusterRole(name: string, rules: PolicyRule[], extra: { labels?: Record<string, string>; aggregateFrom?: string } = {}): KObject {
  return {
    apiVersion: RBAC_V1,
    kind: 'ClusterRole',
    metadata: bootstrapMeta(name, undefined, extra.labels),
    ...(extra.aggregateFrom ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [extra.aggregateFrom]: 'true' } }] } } : {}),
    rules,
  };
}

/** Subject shorthands. */
export const group = (name: string) => ({ apiGroup: RBAC, kind: 'Group', name });
export const user = (name: string) => ({ apiGroup: RBAC, kind: 'User', name });
export const sa = (namespace: string, name: string) => ({ kind: 'ServiceAccount', name, namespace });
export type Subject = ReturnType<typeof group> | ReturnType<typeof sa>;

/** binding builds a ClusterRoleBinding or (with namespace) a RoleBinding. */
export function binding(name: string, roleKind: 'ClusterRole' | 'Role', roleName: string, subjects: Subject[], opts: { namespace?: string; bootstrap?: boolean } = {}): KObject {
  const meta = opts.bootstrap === false ? { name, ...(opts.namespace ? { namespace: opts.namespace } : {}) } : bootstrapMeta(name, opts.namespace);
  return {
    apiVersion: RBAC_V1,
    kind: opts.namespace ? 'RoleBinding' : 'ClusterRoleBinding',
    metadata: meta,
    roleRef: { apiGroup: RBAC, kind: roleKind, name: roleName },
    ...(subjects.length ? { subjects } : {}),
  };
}

/** role builds a namespaced Role. */
export function role(namespace: string, name: string, rules: PolicyRule[], bootstrap = true): KObject {
  return { apiVersion: RBAC_V1, kind: 'Role', metadata: bootstrap ? bootstrapMeta(name, namespace) : { name, namespace }, rules };
}
