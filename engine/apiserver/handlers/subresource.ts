import { clone, isPlainObject } from '../../base/deep.ts';
import { rfc3339 } from '../../base/clock.ts';
import { badRequest, conflict, methodNotSupported, notFound, StatusError } from '../../base/errors.ts';
import { groupResource, type KObject } from '../../api/types.ts';
import type { ApiResponse } from '../../api/transport.ts';
import { get } from '../../api/resources/common.ts';
import type { RequestScope, ServerContext } from '../context.ts';
import { getObject, ok } from './read.ts';
import { evictPod } from './eviction.ts';
import { patchResource, replaceResource, updateResource } from './write.ts';
import { deleteObject, revisionOf, updateObject } from '../storage/writes.ts';
import { mergePatch } from '../patch/json-merge.ts';
import { jsonPatch } from '../patch/json-patch.ts';
import { strategicMerge } from '../../api/strategic-merge.ts';
import { headerValue } from '../../api/transport.ts';

function current(ctx: ServerContext, s: RequestScope): KObject {
  const obj = ctx.storage.store(s.def).get(s.info.namespace || undefined, s.info.name);
  if (!obj) throw notFound(groupResource(s.def), s.info.name);
  return obj;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.replace(/^\./, '').split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(cur[p])) cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

/** scaleOf renders the autoscaling/v1 Scale of an object. */
function scaleOf(s: RequestScope, obj: KObject): Record<string, unknown> {
  const sc = s.def.scale!;
  const selector = sc.labelSelectorPath ? get(obj, sc.labelSelectorPath.replace(/^\./, '')) : undefined;
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: get(obj, sc.specReplicasPath.replace(/^\./, '')) ?? 0 },
    status: { replicas: get(obj, sc.statusReplicasPath.replace(/^\./, '')) ?? 0, selector: selectorText(selector) },
  };
}

function selectorText(sel: unknown): string | undefined {
  if (typeof sel === 'string') return sel;
  if (!isPlainObject(sel)) return undefined;
  const parts: string[] = [];
  for (const [k, v] of Object.entries((sel.matchLabels as Record<string, string>) ?? {})) parts.push(`${k}=${v}`);
  for (const e of (sel.matchExpressions as { key: string; operator: string; values?: string[] }[]) ?? []) {
    const op = e.operator.toLowerCase();
    if (op === 'in' || op === 'notin') parts.push(`${e.key} ${op} (${(e.values ?? []).join(',')})`);
    else if (op === 'exists') parts.push(e.key);
    else if (op === 'doesnotexist') parts.push(`!${e.key}`);
  }
  return parts.sort().join(',');
}

function scale(ctx: ServerContext, s: RequestScope): ApiResponse {
  const obj = current(ctx, s);
  if (s.info.verb === 'get') return ok(scaleOf(s, obj));
  let want: unknown;
  if (s.info.verb === 'update') want = s.req.body;
  else if (s.info.verb === 'patch') {
    const type = (headerValue(s.req, 'content-type') ?? '').split(';')[0];
    const base = scaleOf(s, obj);
    want = type === 'application/json-patch+json' ? jsonPatch(base, s.req.body) : type === 'application/merge-patch+json' ? mergePatch(base, s.req.body) : strategicMerge(base, s.req.body, 'Scale');
  } else throw methodNotSupported(groupResource(s.def), s.info.verb);
  const replicas = (want as { spec?: { replicas?: unknown } })?.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw badRequest('spec.replicas: Invalid value: must be an integer');
  if (replicas < 0) {
    throw new StatusError({
      reason: 'Invalid',
      code: 422,
      message: `Scale.autoscaling "${s.info.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`,
      details: { name: s.info.name, group: 'autoscaling', kind: 'Scale', causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: ${replicas}: must be greater than or equal to 0`, field: 'spec.replicas' }] },
    });
  }
  const next = clone(obj) as KObject;
  setPath(next as unknown as Record<string, unknown>, s.def.scale!.specReplicasPath, replicas);
  const main: RequestScope = { ...s, info: { ...s.info, subresource: '', verb: 'update' } };
  const res = updateResource(ctx, main, next, obj, revisionOf(obj));
  return ok(scaleOf(s, res.body as KObject));
}

/** binding assigns a pod to a node (the scheduler's POST pods/binding). */
function binding(ctx: ServerContext, s: RequestScope): ApiResponse {
  if (s.info.verb !== 'create') throw methodNotSupported(groupResource(s.def), s.info.verb);
  const pod = current(ctx, s);
  const target = (s.req.body as { target?: { name?: string } } | undefined)?.target?.name;
  if (!target) throw badRequest('Binding.target: Required value');
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  if (spec.nodeName) throw conflict(groupResource(s.def), s.info.name, `pod ${s.info.name} is already assigned to node "${spec.nodeName}"`);
  if (pod.metadata.deletionTimestamp) throw conflict(groupResource(s.def), s.info.name, `pod ${s.info.name} is being deleted, cannot be assigned to a host`);
  // Copies of what changes (metadata, spec.nodeName, the PodScheduled condition); the rest of the frozen pod is shared.
  type Cond = { type: string; status: string; lastProbeTime: null; lastTransitionTime: string };
  const oldStatus = (pod.status ?? {}) as { conditions?: Cond[] };
  const conds = [...(oldStatus.conditions ?? [])];
  const i = conds.findIndex((c) => c.type === 'PodScheduled');
  const cond = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(ctx.runtime.now) };
  if (i >= 0) conds[i] = cond;
  else conds.push(cond);
  // Object.assign where a key may be new: V8 extends a spread copy one property at a time, slowly.
  const next = { ...pod, metadata: { ...pod.metadata }, spec: Object.assign({}, spec, { nodeName: target }), status: Object.assign({}, oldStatus, { conditions: conds }) } as KObject;
  const store = ctx.storage.store(s.def);
  if (s.dryRun) return ok({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }, 201);
  updateObject(ctx.storage.etcd, store, next, revisionOf(pod));
  return ok({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }, 201);
}

/** eviction: the optional test hook first, then EvictionREST (eviction.ts). */
function eviction(ctx: ServerContext, s: RequestScope): ApiResponse {
  if (s.info.verb !== 'create') throw methodNotSupported(groupResource(s.def), s.info.verb);
  current(ctx, s);
  const blockers = ctx.connectors['pods/eviction-check'];
  if (blockers) blockers(ctx, s);
  return evictPod(ctx, s);
}

/** subresourceRequest routes a request on a subresource. */
export function subresourceRequest(ctx: ServerContext, s: RequestScope): ApiResponse {
  const sub = s.info.subresource;
  const connector = ctx.connectors[`${s.def.plural}/${sub}`];
  if (connector) return connector(ctx, s);
  switch (sub) {
    case 'status':
    case 'approval':
    case 'finalize':
    case 'ephemeralcontainers':
      if (s.info.verb === 'get') return getObject(ctx, s);
      if (s.info.verb === 'update') return sub === 'status' ? replaceResource(ctx, s) : replaceWhole(ctx, s);
      if (s.info.verb === 'patch') return patchResource(ctx, s);
      throw methodNotSupported(groupResource(s.def), s.info.verb);
    case 'scale':
      return scale(ctx, s);
    case 'binding':
      return binding(ctx, s);
    case 'eviction':
      return eviction(ctx, s);
    default:
      throw new StatusError({ reason: 'NotFound', code: 404, message: 'the server could not find the requested resource', details: {} });
  }
}

/** replaceWhole updates approval (CSR conditions) and finalize (namespace spec.finalizers) as whole-object writes. */
function replaceWhole(ctx: ServerContext, s: RequestScope): ApiResponse {
  const old = current(ctx, s);
  const body = s.req.body as KObject;
  if (!isPlainObject(body)) throw badRequest('the object provided is unrecognized');
  const next = clone(old) as KObject;
  if (s.info.subresource === 'approval') {
    const status = (next.status ??= {}) as { conditions?: unknown };
    status.conditions = (body.status as { conditions?: unknown } | undefined)?.conditions;
  } else {
    (next.spec as Record<string, unknown>) = { ...((next.spec as object) ?? {}), finalizers: (body.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [] };
  }
  const store = ctx.storage.store(s.def);
  if (s.dryRun) return ok(next);
  if (s.def.kind === 'Namespace' && next.metadata.deletionTimestamp && ((next.spec as { finalizers?: string[] }).finalizers ?? []).length === 0 && (next.metadata.finalizers ?? []).length === 0) {
    deleteObject(ctx.storage.etcd, store, next, revisionOf(old));
    return ok(next);
  }
  return ok(updateObject(ctx.storage.etcd, store, next, revisionOf(old)));
}
