import { rfc3339 } from '../../base/clock.ts';
import { clone } from '../../base/deep.ts';
import { forbidden, notFound, StatusError } from '../../base/errors.ts';
import { fromLabelSelector, matches } from '../../base/labels.ts';
import { groupResource, type KObject } from '../../api/types.ts';
import type { ApiResponse } from '../../api/transport.ts';
import type { RequestScope, ServerContext } from '../context.ts';
import { revisionOf, updateObject } from '../storage/writes.ts';
import { deleteOne, type DeleteOptions } from './delete.ts';
import { ok } from './read.ts';

const VIOLATES = "Cannot evict pod as it would violate the pod's disruption budget.";
const PDB_GR = { group: 'policy', resource: 'poddisruptionbudget' };

interface PdbStatus {
  observedGeneration?: number;
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  disruptedPods?: Record<string, string>;
  conditions?: { type: string; status: string; reason?: string; message?: string; observedGeneration?: number; lastTransitionTime?: string }[];
}

/** tooManyRequests is the 429 drain retries on, with the DisruptionBudget cause naming the budget. */
function tooManyRequests(retryAfter: number, cause: string): StatusError {
  return new StatusError({ reason: 'TooManyRequests', code: 429, message: VIOLATES, details: { causes: [{ reason: 'DisruptionBudget', message: cause }], retryAfterSeconds: retryAfter || undefined } });
}

function phaseOf(pod: KObject): string | undefined {
  return (pod.status as { phase?: string } | undefined)?.phase;
}

/** canIgnorePDB: a pod that is finished, never started or already going disrupts nothing more. */
function canIgnorePDB(pod: KObject): boolean {
  const phase = phaseOf(pod);
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

function isReady(pod: KObject): boolean {
  return (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** budgetsOf lists the pod's PodDisruptionBudgets; an empty selector matches nothing here, not everything. */
function budgetsOf(ctx: ServerContext, pod: KObject): KObject[] {
  const store = ctx.storage.storeFor('policy', 'poddisruptionbudgets');
  if (!store) return [];
  return store.list(pod.metadata.namespace).filter((pdb) => {
    const sel = fromLabelSelector((pdb.spec as { selector?: never } | undefined)?.selector);
    return !sel.nothing && sel.requirements.length > 0 && matches(sel, pod.metadata.labels);
  });
}

/** checkAndDecrement takes one disruption from the budget and records the pod as disrupted, or refuses. */
function checkAndDecrement(ctx: ServerContext, pdb: KObject, podName: string, dryRun: boolean): void {
  const st = (pdb.status ?? {}) as PdbStatus;
  const name = pdb.metadata.name ?? '';
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw tooManyRequests(10, `The disruption budget ${name} is still being processed by the server.`);
  const allowed = st.disruptionsAllowed ?? 0;
  if (allowed < 0) throw forbidden(PDB_GR, name, 'pdb disruptions allowed is negative');
  if (Object.keys(st.disruptedPods ?? {}).length > 2000) throw forbidden(PDB_GR, name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  if (allowed === 0) throw tooManyRequests(0, `The disruption budget ${name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`);
  if (dryRun) return;
  const next = clone(pdb);
  const ns = next.status as PdbStatus;
  ns.disruptionsAllowed = allowed - 1;
  if (ns.disruptionsAllowed === 0) {
    const now = rfc3339(ctx.runtime.now);
    const conds = (ns.conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed');
    const prev = ns.conditions?.find((c) => c.type === 'DisruptionAllowed');
    conds.push({ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: ns.observedGeneration, lastTransitionTime: prev?.status === 'False' ? prev.lastTransitionTime : now });
    ns.conditions = conds;
  }
  ns.disruptedPods = { ...(ns.disruptedPods ?? {}), [podName]: rfc3339(ctx.runtime.now) };
  updateObject(ctx.storage.etcd, ctx.storage.storeFor('policy', 'poddisruptionbudgets')!, next, revisionOf(pdb));
}

/**
 * evictPod is the pods/eviction subresource (EvictionREST.Create): a pod that
 * is finished, pending or already being deleted is deleted outright; else the
 * one PodDisruptionBudget that selects it must allow a disruption, which the
 * eviction takes (status.disruptedPods) before deleting the pod gracefully.
 */
export function evictPod(ctx: ServerContext, s: RequestScope): ApiResponse {
  const pod = ctx.storage.store(s.def).get(s.info.namespace || undefined, s.info.name);
  if (!pod) throw notFound(groupResource(s.def), s.info.name);
  const opts = clone((s.req.body as { deleteOptions?: DeleteOptions } | undefined)?.deleteOptions ?? {});
  const del = (o: DeleteOptions) => {
    deleteOne(ctx, { ...s, info: { ...s.info, subresource: '' } }, pod, o);
    return ok({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }, 201);
  };
  if (canIgnorePDB(pod)) return del(opts);
  const pdbs = budgetsOf(ctx, pod);
  if (pdbs.length > 1) throw new StatusError({ code: 500, message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
  const pdb = pdbs[0];
  if (pdb) {
    const st = (pdb.status ?? {}) as PdbStatus;
    const policy = (pdb.spec as { unhealthyPodEvictionPolicy?: string } | undefined)?.unhealthyPodEvictionPolicy;
    // An unready pod is not counted as healthy, so evicting it takes nothing from the budget.
    const unreadyFree = !isReady(pod) && (policy === 'AlwaysAllow' || ((st.currentHealthy ?? 0) >= (st.desiredHealthy ?? 0) && (st.desiredHealthy ?? 0) > 0));
    if (!unreadyFree) checkAndDecrement(ctx, pdb, pod.metadata.name ?? '', s.dryRun);
  }
  return del(opts);
}
