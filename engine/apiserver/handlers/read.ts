import { badRequest, notFound } from '../../base/errors.ts';
import { apiVersionOf, groupResource, type KObject, type ResourceDef } from '../../api/types.ts';
import { fromStorage } from '../conversion.ts';
import { headerValue, queryValue, type ApiResponse } from '../../api/transport.ts';
import type { RequestScope, ServerContext } from '../context.ts';
import { buildFilter, filterMatches } from '../selectors.ts';
import { buildTable, wantsTable } from '../table.ts';
import { listPage } from './paging.ts';

/** getObject answers GET on one object (plain or as a Table). */
export function getObject(ctx: ServerContext, s: RequestScope): ApiResponse {
  const store = ctx.storage.store(s.def);
  const obj = store.get(s.info.namespace || undefined, s.info.name);
  if (!obj) throw notFound(groupResource(s.def), s.info.name);
  const accept = headerValue(s.req, 'accept');
  if (wantsTable(accept)) {
    return ok(buildTable(s.def, [withTypeMeta(obj, s.def)], { accept: accept!, includeObject: queryValue(s.req, 'includeObject'), resourceVersion: obj.metadata.resourceVersion ?? '', now: ctx.runtime.now }));
  }
  return ok(withTypeMeta(obj, s.def));
}

/**
 * listObjects answers a list: label and field selectors, limit/continue
 * paging (paging.ts), and Table output.
 */
export function listObjects(ctx: ServerContext, s: RequestScope): ApiResponse {
  const store = ctx.storage.store(s.def);
  const ns = s.info.namespace || undefined;
  // a bad selector is a BadRequest saying only what is wrong; kubectl puts the resource and selectors in front
  const filter = buildFilter(s.def, queryValue(s.req, 'labelSelector'), queryValue(s.req, 'fieldSelector'), undefined);
  const limit = Number(queryValue(s.req, 'limit') ?? 0) || 0;
  const cont = queryValue(s.req, 'continue');
  const filtering = filter.labels.requirements.length > 0 || !!filter.labels.nothing || filter.fields.length > 0;
  let items: readonly KObject[];
  let rv = String(ctx.storage.etcd.revision);
  let page: { continueToken?: string; remainingItemCount?: number } = {};
  if (limit > 0 || cont) {
    const asked = queryValue(s.req, 'resourceVersion');
    if (cont && asked && asked !== '0') throw badRequest('specifying resource version is not allowed when using continue');
    const prefix = ns && s.def.namespaced ? `${s.def.storagePrefix}/${ns}/` : store.prefix();
    const p = listPage(store, prefix, ctx.storage.etcd.revision, limit, cont, filtering ? (obj) => filterMatches(s.def, filter, obj) : undefined);
    items = p.items;
    rv = String(p.rv);
    page = { continueToken: p.continueToken, remainingItemCount: p.remainingItemCount };
  } else {
    const eq = filter.labels.nothing ? undefined : filter.labels.requirements.find((r) => r.operator === '=' || r.operator === '==' || (r.operator === 'in' && r.values.length === 1));
    const indexed = store.indexedFields();
    const field = filter.fields.find((f) => f.op === '=' && indexed.includes(f.field));
    const candidates = field ? store.withField(ns, field.field, field.value) : eq ? store.withLabel(ns, eq.key, eq.values[0]!) : store.list(ns);
    items = filtering ? candidates.filter((obj) => filterMatches(s.def, filter, obj)) : candidates;
  }
  const accept = headerValue(s.req, 'accept');
  if (wantsTable(accept)) {
    return ok(buildTable(s.def, servedAs(s.def, items), { accept: accept!, includeObject: queryValue(s.req, 'includeObject'), resourceVersion: rv, now: ctx.runtime.now, ...page }));
  }
  const metadata: Record<string, unknown> = { resourceVersion: rv };
  if (page.continueToken) metadata.continue = page.continueToken;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  return ok({ kind: `${s.def.kind}List`, apiVersion: apiVersionOf(s.def), metadata, items: items.map((o) => withTypeMeta(o, s.def)) });
}

/**
 * servedAs is withTypeMeta over a list, returning the list itself when every
 * object is already as def serves it (stored in def's version: withTypeMeta
 * then returns the object itself).
 */
function servedAs(def: ResourceDef, objs: readonly KObject[]): readonly KObject[] {
  if (servedAsIs.get(objs) === def) return objs;
  const apiVersion = apiVersionOf(def);
  for (let i = 0; i < objs.length; i++) {
    const o = objs[i]!;
    if (o.apiVersion !== apiVersion || o.kind !== def.kind) return objs.map((x) => withTypeMeta(x, def));
  }
  if (Object.isFrozen(objs)) servedAsIs.set(objs, def);
  return objs;
}

/** servedAsIs remembers the watch cache's list snapshots (frozen) found to be as a def serves them. */
const servedAsIs = new WeakMap<readonly KObject[], ResourceDef>();

/** withTypeMeta returns a stored object as def's version serves it (converting between served versions). */
export function withTypeMeta(obj: KObject, def: ResourceDef): KObject {
  return fromStorage(def, obj);
}

export function ok(body: unknown, status = 200): ApiResponse {
  return { status, body };
}
