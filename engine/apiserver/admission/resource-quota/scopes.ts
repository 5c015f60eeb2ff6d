import type { KObject } from '../../../api/types.ts';
import { list, rec, str } from '../util.ts';

/** Quota scopes (spec.scopes and spec.scopeSelector) as the pod evaluator matches them. */

function isBestEffort(pod: KObject): boolean {
  const spec = rec(pod.spec);
  return [...list(spec.containers), ...list(spec.initContainers)].every((c) => {
    const r = rec(c.resources);
    return Object.keys(rec(r.requests)).length === 0 && Object.keys(rec(r.limits)).length === 0;
  });
}

function isTerminating(pod: KObject): boolean {
  return typeof rec(pod.spec).activeDeadlineSeconds === 'number';
}

function scopeMatches(scope: string, op: string, values: string[], pod: KObject): boolean {
  switch (scope) {
    case 'Terminating':
      return isTerminating(pod);
    case 'NotTerminating':
      return !isTerminating(pod);
    case 'BestEffort':
      return isBestEffort(pod);
    case 'NotBestEffort':
      return !isBestEffort(pod);
    case 'PriorityClass': {
      const pc = str(rec(pod.spec).priorityClassName);
      if (op === 'Exists') return pc !== '';
      if (op === 'DoesNotExist') return pc === '';
      if (op === 'In') return values.includes(pc);
      if (op === 'NotIn') return !values.includes(pc);
      return false;
    }
    case 'CrossNamespacePodAffinity':
      return false;
    default:
      return false;
  }
}

/** quotaAppliesTo reports whether a quota's scopes select this object (non-pods only match unscoped quotas). */
export function quotaAppliesTo(quota: KObject, group: string, plural: string, obj: KObject): boolean {
  const spec = rec(quota.spec);
  const plain = (Array.isArray(spec.scopes) ? (spec.scopes as string[]) : []).map((s) => ({ scopeName: s, operator: 'Exists', values: [] as string[] }));
  const selected = list(rec(spec.scopeSelector).matchExpressions).map((e) => ({ scopeName: str(e.scopeName), operator: str(e.operator), values: (e.values as string[]) ?? [] }));
  const all = [...plain, ...selected];
  if (!all.length) return true;
  if (!(group === '' && plural === 'pods')) return false;
  return all.every((s) => scopeMatches(s.scopeName, s.operator, s.values, obj));
}

/** computeScoped lists the resources a scoped quota may track: BestEffort quotas only count pods. */
export function scopeAllows(quota: KObject, name: string): boolean {
  const scopes = Array.isArray(rec(quota.spec).scopes) ? (rec(quota.spec).scopes as string[]) : [];
  if (scopes.includes('BestEffort')) return name === 'pods' || name === 'count/pods';
  return true;
}
