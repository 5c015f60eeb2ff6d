import { rfc3339 } from '../../base/clock.ts';
import { clone, isPlainObject } from '../../base/deep.ts';
import { badRequest, conflict, notFound } from '../../base/errors.ts';
import { apiVersionOf, groupResource, type KObject } from '../../api/types.ts';
import { queryValue, type ApiResponse } from '../../api/transport.ts';
import type { RequestScope, ServerContext } from '../context.ts';
import { buildFilter, filterMatches } from '../selectors.ts';
import { deleteObject, revisionOf, updateObject } from '../storage/writes.ts';
import { ok } from './read.ts';

/** DeleteOptions is metav1.DeleteOptions, from the body or the query. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

function deleteOptions(s: RequestScope): DeleteOptions {
  const body = s.req.body;
  const opts: DeleteOptions = isPlainObject(body) ? (clone(body) as DeleteOptions) : {};
  const g = queryValue(s.req, 'gracePeriodSeconds');
  if (g !== undefined) opts.gracePeriodSeconds = Number(g);
  const p = queryValue(s.req, 'propagationPolicy');
  if (p) opts.propagationPolicy = p as DeleteOptions['propagationPolicy'];
  if (opts.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(opts.propagationPolicy)) {
    throw badRequest(`propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  return opts;
}

/** podGrace is the grace period a pod deletion gets: the option, else the pod's own, and 0 when it never ran. */
function podGrace(pod: KObject, opts: DeleteOptions): number {
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  const g = opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, g);
}

/**
 * deleteOne deletes one object with the registry's rules: graceful deletion
 * for pods on nodes, finalizers (and the foregroundDeletion/orphan ones the
 * propagation policy adds) turning the delete into setting deletionTimestamp,
 * namespaces going Terminating first.
 */
export function deleteOne(ctx: ServerContext, s: RequestScope, old: KObject, opts: DeleteOptions): KObject {
  const store = ctx.storage.store(s.def);
  const pre = opts.preconditions;
  const name = old.metadata.name ?? '';
  if (pre?.uid && pre.uid !== old.metadata.uid) {
    throw conflict(groupResource(s.def), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict(groupResource(s.def), name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in meta: ${old.metadata.resourceVersion}`);
  }
  ctx.admission.validate(
    { operation: 'DELETE', def: s.def, subresource: '', namespace: s.info.namespace, name, oldObject: old, user: s.user, dryRun: s.dryRun, warnings: s.warnings },
    ctx.view,
  );
  const now = ctx.runtime.now;
  const obj = clone(old) as KObject;
  const finalizers = [...(obj.metadata.finalizers ?? [])];
  const policy = opts.propagationPolicy ?? (opts.orphanDependents ? 'Orphan' : undefined);
  if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
  if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');

  let pendingReason: 'grace' | 'finalizers' | 'namespace' | undefined;
  if (s.def.kind === 'Pod' && !s.info.subresource) {
    const grace = podGrace(obj, opts);
    if (grace > 0) {
      const currentGrace = obj.metadata.deletionGracePeriodSeconds;
      if (obj.metadata.deletionTimestamp && currentGrace !== undefined && currentGrace <= grace) return old;
      obj.metadata.deletionTimestamp = rfc3339(now + grace * 1000);
      obj.metadata.deletionGracePeriodSeconds = grace;
      pendingReason = 'grace';
    }
  }
  if (s.def.kind === 'Namespace') {
    const specFinalizers = ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length;
    if (specFinalizers > 0 || finalizers.length > 0) {
      obj.status = { ...((obj.status as object) ?? {}), phase: 'Terminating' };
      pendingReason = 'namespace';
    }
  }
  if (!pendingReason && finalizers.length > 0) pendingReason = 'finalizers';

  if (pendingReason) {
    if (!obj.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = rfc3339(now);
      obj.metadata.deletionGracePeriodSeconds = 0;
    }
    obj.metadata.finalizers = finalizers.length ? finalizers : undefined;
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    if (s.dryRun) return obj;
    return updateObject(ctx.storage.etcd, store, obj, revisionOf(old));
  }
  if (s.dryRun) return old;
  deleteObject(ctx.storage.etcd, store, old, revisionOf(old));
  ctx.hooks[s.def.plural]?.afterDelete?.(old, ctx);
  return old;
}

/**
 * bodyDryRun: client-go sends a delete's dryRun in the DeleteOptions body
 * (`{"dryRun":["All"]}`), not in the query as creates and updates do.
 */
function bodyDryRun(s: RequestScope): RequestScope {
  const d = isPlainObject(s.req.body) ? (s.req.body as { dryRun?: unknown }).dryRun : undefined;
  return Array.isArray(d) && d.includes('All') ? { ...s, dryRun: true } : s;
}

/** deleteResource answers DELETE on one object. */
export function deleteResource(ctx: ServerContext, scope: RequestScope): ApiResponse {
  const s = bodyDryRun(scope);
  const store = ctx.storage.store(s.def);
  const old = store.get(s.info.namespace || undefined, s.info.name);
  if (!old) throw notFound(groupResource(s.def), s.info.name);
  const opts = deleteOptions(s);
  return ok(deleteOne(ctx, s, old, opts));
}

/** deleteCollection answers DELETE on a collection: every object matching the selectors. */
export function deleteCollection(ctx: ServerContext, scope: RequestScope): ApiResponse {
  const s = bodyDryRun(scope);
  const store = ctx.storage.store(s.def);
  const filter = buildFilter(s.def, queryValue(s.req, 'labelSelector'), queryValue(s.req, 'fieldSelector'), undefined);
  const opts = deleteOptions(s);
  const victims = [...store.list(s.info.namespace || undefined)].filter((o) => filterMatches(s.def, filter, o));
  const items: KObject[] = [];
  for (const v of victims) items.push(deleteOne(ctx, s, v, opts));
  return ok({ kind: `${s.def.kind}List`, apiVersion: apiVersionOf(s.def), metadata: { resourceVersion: String(ctx.storage.etcd.revision) }, items });
}
