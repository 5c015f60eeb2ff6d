import type { KObject } from '../../../api/types.ts';
import { resourceList, type ResourceList } from '../resources.ts';
import type { AdmissionPlugin, AdmissionRequest, ClusterView } from '../types.ts';
import { rec, rejected } from '../util.ts';
import { quotaAppliesTo, scopeAllows } from './scopes.ts';
import { handlesOperation, matchesResource, missingComputeResources, prettyPrint, subtract, usageOf } from './usage.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'ResourceQuota';

interface Charge {
  quota: KObject;
  used: ResourceList;
  names: string[];
}

function delta(req: AdmissionRequest): ResourceList {
  const { group, plural } = req.def;
  const now = usageOf(group, plural, req.object!);
  return req.operation === 'UPDATE' && req.oldObject ? subtract(now, usageOf(group, plural, req.oldObject)) : now;
}

/**
 * check tests one quota; it returns what to charge, or throws the quota's
 * Forbidden error. Only resources in status.hard count: a quota the quota
 * controller has not synced yet constrains nothing, as upstream.
 */
function check(req: AdmissionRequest, quota: KObject, requested: ResourceList): Charge | undefined {
  const { group, plural } = req.def;
  const name = quota.metadata.name ?? '';
  const status = rec(quota.status);
  const hard = resourceList(status.hard);
  const names = [...hard.keys()].filter((n) => matchesResource(group, plural, n) && scopeAllows(quota, n)).sort();
  if (!names.length) return undefined;
  if (group === '' && plural === 'pods') {
    const missing = missingComputeResources(req.object!, names);
    if (missing) throw rejected(req, `failed quota: ${name}: ${missing}`);
  }
  const used = resourceList(status.used);
  const unknown = names.filter((n) => !used.has(n));
  if (unknown.length) throw rejected(req, `status unknown for quota: ${name}, resources: ${unknown.join(',')}`);
  const charged = names.filter((n) => requested.has(n) && requested.get(n)!.sign() > 0);
  if (!charged.length) return undefined;
  const exceeded = charged.filter((n) => used.get(n)!.add(requested.get(n)!).cmp(hard.get(n)!) > 0);
  if (exceeded.length) {
    const pick = (m: ResourceList) => new Map(exceeded.filter((n) => m.has(n)).map((n) => [n, m.get(n)!]));
    throw rejected(req, `exceeded quota: ${name}, requested: ${prettyPrint(pick(requested))}, used: ${prettyPrint(pick(used))}, limited: ${prettyPrint(pick(hard))}`);
  }
  return { quota, used, names: charged };
}

function charge(view: ClusterView, c: Charge, requested: ResourceList): void {
  const status = rec(c.quota.status);
  const used = { ...rec(status.used) };
  for (const n of c.names) used[n] = c.used.get(n)!.add(requested.get(n)!).toString();
  view.updateStatus('', 'resourcequotas', { ...c.quota, status: { ...status, used } });
}

/**
 * resourceQuota is the last validating plugin: it computes what the object
 * adds to each matching ResourceQuota in its namespace, refuses it with the
 * apiserver's "exceeded quota" / "failed quota" texts, and otherwise charges
 * the quotas' status.used at once (the quota controller recomputes it later).
 */
export function resourceQuota(): AdmissionPlugin {
  return {
    name: NAME,
    validate(req, view) {
      const { group, plural } = req.def;
      if (!req.namespace || !req.object || req.subresource !== '') return;
      if (!handlesOperation(group, plural, req.operation)) return;
      const quotas = view.list('', 'resourcequotas', req.namespace).filter((qo) => quotaAppliesTo(qo, group, plural, req.object!));
      if (!quotas.length) return;
      const requested = delta(req);
      const charges: Charge[] = [];
      for (const qo of quotas.sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))) {
        const c = check(req, qo, requested);
        if (c) charges.push(c);
      }
      if (req.dryRun) return;
      for (const c of charges) charge(view, c, requested);
    },
  };
}
