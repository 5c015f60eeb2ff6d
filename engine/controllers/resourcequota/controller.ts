import type { KObject } from '../../api/types.ts';
import { deepEqual } from '../../base/deep.ts';
import { ZERO, type Quantity } from '../../base/quantity.ts';
import { quotaAppliesTo, scopeAllows } from '../../apiserver/admission/resource-quota/scopes.ts';
import { matchesResource, usageOf } from '../../apiserver/admission/resource-quota/usage.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import { GC_RESOURCES } from '../garbagecollector/resources.ts';

/** QUOTA_SYNC_MS is --resource-quota-sync-period: a full recount every 5 minutes. */
const QUOTA_SYNC_MS = 5 * 60 * 1000;

/**
 * startResourceQuotaController runs pkg/controller/resourcequota: each
 * ResourceQuota's status.hard mirrors spec.hard and status.used totals what
 * the namespace's objects count (with the same evaluators admission uses).
 */
export function startResourceQuotaController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const quotaInf = ctx.informers.informer(R.resourcequotas);
  const watched = GC_RESOURCES.filter((r) => r.ref.namespaced).map((r) => ({ ref: r.ref, inf: ctx.informers.informer(r.ref) }));
  const queue = new WorkQueue(runtime, 'resourcequota_primary', sync);
  const touchNs = (o: KObject) => quotaInf.list(o.metadata.namespace).forEach((q) => queue.add(keyOf(q)));
  quotaInf.on({ add: (o) => queue.add(keyOf(o)), update: (o, n) => !deepEqual(o.spec, n.spec) && queue.add(keyOf(n)) });
  for (const w of watched) w.inf.on({ add: touchNs, update: (_o, n) => touchNs(n), delete: touchNs });
  const resync = runtime.every(QUOTA_SYNC_MS, () => quotaInf.list().forEach((q) => queue.add(keyOf(q))), 'resourcequota resync');

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const quota = quotaInf.get(ns, name);
    if (!quota) return;
    const hard = ((quota.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}) as Record<string, string>;
    const names = Object.keys(hard);
    const used = new Map<string, Quantity>(names.map((n) => [n, ZERO]));
    for (const w of watched) {
      const relevant = names.filter((n) => matchesResource(w.ref.group, w.ref.plural, n) && scopeAllows(quota, n));
      if (!relevant.length) continue;
      for (const o of w.inf.list(ns)) {
        if (!quotaAppliesTo(quota, w.ref.group, w.ref.plural, o)) continue;
        const u = usageOf(w.ref.group, w.ref.plural, o);
        for (const n of relevant) {
          const v = u.get(n);
          if (v) used.set(n, used.get(n)!.add(v));
        }
      }
    }
    const status = {
      hard: { ...hard },
      used: Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.toString()])),
    };
    if (deepEqual(quota.status ?? {}, status)) return;
    try {
      client.updateStatus(R.resourcequotas, { ...quota, status });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return {
    stop: () => {
      resync.cancel();
      queue.stop();
    },
  };
}
