import { clone, deepEqual, isPlainObject } from '../../base/deep.ts';
import { alreadyExists, badRequest, forbidden, invalid, notFound, conflict, CONFLICT_MODIFIED, StatusError, type FieldError } from '../../base/errors.ts';
import { forbiddenMessage, type Attributes } from '../authz/types.ts';
import { apiVersionOf, groupResource, type KObject, type ResourceDef } from '../../api/types.ts';
import { headerValue, type ApiResponse } from '../../api/transport.ts';
import { parse as parseYaml } from 'yaml';
import { strategicMerge, StrategicMergeError } from '../../api/strategic-merge.ts';
import type { AdmissionRequest } from '../admission/types.ts';
import type { RequestScope, ServerContext } from '../context.ts';
import { fillCreateMeta, validateObjectMeta } from '../object-meta.ts';
import { mergePatch } from '../patch/json-merge.ts';
import { jsonPatch, JsonPatchError } from '../patch/json-patch.ts';
import { createObject, revisionOf, updateObject, deleteObject } from '../storage/writes.ts';
import { ok, withTypeMeta } from './read.ts';
import { withEphemeralContainers } from './ephemeral-containers.ts';
import { toStorage } from '../conversion.ts';
import { decodeFields } from './field-validation.ts';
import { typeNameOf } from '../../api/schema/decode.ts';

/** decodeBody turns a request body into a mutable object of the endpoint's kind, with the apiserver's decode errors. */
export function decodeBody(s: RequestScope): KObject {
  const body = s.req.body;
  if (typeof body === 'string') {
    throw badRequest(`the object provided is unrecognized (must be of type ${s.def.kind}): couldn't get version/kind; json parse error: ${body.length ? 'invalid character' : 'unexpected end of JSON input'}`);
  }
  if (!isPlainObject(body)) throw badRequest(`the object provided is unrecognized (must be of type ${s.def.kind}): couldn't get version/kind; json parse error: unexpected end of JSON input`);
  const want = apiVersionOf(s.def);
  // A built-in kind's typed decode copies the body; only a kind without a wire type (custom resources) is copied here.
  // (Object.assign, not a spread: apiVersion and kind may be added below, and V8 adds to a spread copy slowly.)
  const obj = (typeNameOf(want, s.def.kind) ? Object.assign({}, body) : clone(body)) as KObject;
  // The error texts below print kind and apiVersion: copied as a clone would (a null-prototype object prints as one without).
  if (typeof obj.kind === 'object') obj.kind = clone(obj.kind);
  if (typeof obj.apiVersion === 'object') obj.apiVersion = clone(obj.apiVersion);
  if (obj.kind !== undefined && obj.kind !== s.def.kind && s.info.subresource === '') {
    throw badRequest(`${obj.kind} in version "${versionOnly(obj.apiVersion)}" cannot be handled as a ${s.def.kind}: no kind "${obj.kind}" is registered for version "${obj.apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  if (obj.apiVersion !== undefined && obj.apiVersion !== want && s.info.subresource === '') {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${want})`);
  }
  obj.apiVersion = want;
  obj.kind = s.def.kind;
  const typed = decodeFields(s, obj);
  if (!isPlainObject(typed.metadata)) typed.metadata = {};
  return typed;
}

function versionOnly(apiVersion: unknown): string {
  const s = String(apiVersion ?? '');
  return s.includes('/') ? s.slice(s.indexOf('/') + 1) : s;
}

function admissionRequest(s: RequestScope, op: AdmissionRequest['operation'], obj: KObject | undefined, old: KObject | undefined): AdmissionRequest {
  return {
    operation: op,
    def: s.def,
    subresource: s.info.subresource,
    namespace: s.info.namespace,
    name: obj?.metadata.name ?? s.info.name,
    object: obj,
    oldObject: old,
    user: s.user,
    dryRun: s.dryRun,
    warnings: s.warnings,
  };
}

/** validateFor runs the kind's validation (or the generic ObjectMeta checks). */
export function validateFor(def: ResourceDef, obj: KObject, old: KObject | undefined, now: number): FieldError[] {
  return def.validate ? def.validate(obj, old, { now }) : validateObjectMeta(def, obj);
}

/** createResource answers POST on a collection. */
export function createResource(ctx: ServerContext, s: RequestScope): ApiResponse {
  const obj = decodeBody(s);
  const ns = s.info.namespace;
  if (s.def.namespaced) {
    if (obj.metadata.namespace && ns && obj.metadata.namespace !== ns) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    obj.metadata.namespace = ns || obj.metadata.namespace;
  } else {
    delete obj.metadata.namespace;
  }
  s.def.defaults?.(obj, { namespace: ns });
  const areq = admissionRequest(s, 'CREATE', obj, undefined);
  ctx.admission.admit(areq, ctx.view);
  fillCreateMeta(obj, ctx);
  s.def.prepareForCreate?.(obj, s.user);
  const errs = validateFor(s.def, obj, undefined, ctx.runtime.now);
  if (errs.length) throw invalid({ group: s.def.group, kind: s.def.kind }, obj.metadata.name ?? '', errs);
  areq.name = obj.metadata.name ?? '';
  ctx.admission.validate(areq, ctx.view);
  const store = ctx.storage.store(s.def);
  if (store.get(obj.metadata.namespace, obj.metadata.name ?? '')) throw alreadyExists(groupResource(s.def), obj.metadata.name ?? '');
  ctx.hooks[s.def.plural]?.beforeCreate?.(obj, ctx);
  if (s.dryRun) return ok(obj, 201);
  return ok(withTypeMeta(createObject(ctx.storage.etcd, store, toStorage(s.def, obj)), s.def), 201);
}

/**
 * updateResource is the shared tail of PUT and PATCH: strategy, admission,
 * validation and an optimistic write. A no-op update writes nothing.
 */
export function updateResource(ctx: ServerContext, s: RequestScope, incoming: KObject, old: KObject, expected: number): ApiResponse {
  const sub = s.info.subresource;
  let obj: KObject;
  if (sub === 'ephemeralcontainers') {
    // only spec.ephemeralContainers changes through this subresource, with its own rules (the pod's update rules do not apply)
    obj = withEphemeralContainers(old, incoming, (o) => s.def.defaults?.(o, { namespace: s.info.namespace }));
  } else if (sub === 'status') {
    // Only metadata and status change: the rest of the (frozen) stored object is shared, not copied, unless a hook may edit it.
    obj = ctx.hooks[s.def.plural]?.beforeUpdate ? (clone(old) as KObject) : { ...old, metadata: { ...old.metadata } };
    obj.status = incoming.status;
    s.def.defaultStatus?.(obj);
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (s.def.statusKeepsLabels) {
      obj.metadata.labels = incoming.metadata.labels;
      obj.metadata.annotations = incoming.metadata.annotations;
    }
  } else {
    obj = incoming;
    if (s.def.hasStatus) obj.status = clone(old.status);
  }
  const m = obj.metadata;
  if (m.uid && m.uid !== old.metadata.uid) {
    throw conflict(groupResource(s.def), old.metadata.name ?? '', `Precondition failed: UID in precondition: ${m.uid}, UID in object meta: ${old.metadata.uid}`);
  }
  m.uid = old.metadata.uid;
  m.creationTimestamp = old.metadata.creationTimestamp;
  m.namespace = old.metadata.namespace;
  if (old.metadata.deletionTimestamp) {
    m.deletionTimestamp = old.metadata.deletionTimestamp;
    if (old.metadata.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  } else {
    delete m.deletionTimestamp;
  }
  if (old.metadata.generation !== undefined) m.generation = old.metadata.generation;
  if (sub === '') s.def.defaults?.(obj, { namespace: s.info.namespace });
  if (sub === '') s.def.prepareForUpdate?.(obj, old);
  const areq = admissionRequest(s, 'UPDATE', obj, old);
  ctx.admission.admit(areq, ctx.view);
  const errs = sub === 'ephemeralcontainers' ? [] : validateFor(s.def, obj, old, ctx.runtime.now);
  if (errs.length) throw invalid({ group: s.def.group, kind: s.def.kind }, old.metadata.name ?? '', errs);
  ctx.admission.validate(areq, ctx.view);
  ctx.hooks[s.def.plural]?.beforeUpdate?.(obj, old, ctx);
  const store = ctx.storage.store(s.def);
  const { resourceVersion: _a, ...newMeta } = obj.metadata;
  const { resourceVersion: _b, ...oldMeta } = old.metadata;
  if (deepEqual({ ...obj, metadata: newMeta }, { ...old, metadata: oldMeta })) return ok(old);
  if (s.dryRun) return ok(obj);
  // An update that removes the last finalizer of an object being deleted completes the deletion.
  if (obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).length === 0 && sub === '') {
    deleteObject(ctx.storage.etcd, store, obj, expected);
    ctx.hooks[s.def.plural]?.afterDelete?.(obj, ctx);
    return ok({ ...obj, metadata: { ...obj.metadata, resourceVersion: old.metadata.resourceVersion } });
  }
  return ok(withTypeMeta(updateObject(ctx.storage.etcd, store, toStorage(s.def, obj), expected), s.def));
}

/** replaceResource answers PUT on an object (and on its status subresource). */
export function replaceResource(ctx: ServerContext, s: RequestScope): ApiResponse {
  const obj = decodeBody(s);
  const name = obj.metadata.name;
  if (name !== undefined && name !== s.info.name) {
    throw badRequest(`the name of the object (${name}) does not match the name on the URL (${s.info.name})`);
  }
  obj.metadata.name = s.info.name;
  if (s.def.namespaced && obj.metadata.namespace && obj.metadata.namespace !== s.info.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const store = ctx.storage.store(s.def);
  const stored = store.get(s.info.namespace || undefined, s.info.name);
  if (!stored) throw notFound(groupResource(s.def), s.info.name);
  const old = withTypeMeta(stored, s.def);
  const current = revisionOf(old);
  const given = obj.metadata.resourceVersion;
  if (given !== undefined && given !== '' && Number(given) !== current) {
    throw conflict(groupResource(s.def), s.info.name, CONFLICT_MODIFIED);
  }
  return updateResource(ctx, s, obj, old, current);
}

/** patchResource answers PATCH: JSON patch, JSON merge patch or strategic merge patch. */
export function patchResource(ctx: ServerContext, scope: RequestScope): ApiResponse {
  const store = ctx.storage.store(scope.def);
  const stored = store.get(scope.info.namespace || undefined, scope.info.name);
  const type = (headerValue(scope.req, 'content-type') ?? '').split(';')[0]!.trim();
  // An apply patch is YAML (JSON being YAML too): a client that sends it as text gets it read here.
  const s = type === 'application/apply-patch+yaml' && typeof scope.req.body === 'string' ? { ...scope, req: { ...scope.req, body: yamlBody(scope.req.body) } } : scope;
  if (!stored) {
    // Server-side apply creates what does not exist yet (the apply patcher may create), given create permission.
    if (type === 'application/apply-patch+yaml' && s.info.subresource === '') return applyCreate(ctx, s);
    throw notFound(groupResource(s.def), s.info.name);
  }
  const old = withTypeMeta(stored, s.def);
  const patch = s.req.body;
  if (typeof patch === 'string') throw badRequest(`error decoding patch: invalid character '${patch.slice(0, 1)}' looking for beginning of value`);
  let patched: unknown;
  try {
    switch (type) {
      case 'application/json-patch+json':
        patched = jsonPatch(old, patch);
        break;
      case 'application/merge-patch+json':
        patched = mergePatch(clone(old), patch);
        break;
      case 'application/strategic-merge-patch+json':
        if (s.def.custom) {
          throw new StatusError({ reason: 'UnsupportedMediaType', code: 415, message: `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml` });
        }
        patched = strategicMerge(clone(old), patch, s.def.kind);
        break;
      case 'application/apply-patch+yaml':
        patched = mergePatch(clone(old), patch);
        break;
      default:
        throw new StatusError({
          reason: 'UnsupportedMediaType',
          code: 415,
          message: `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
        });
    }
  } catch (e) {
    if (e instanceof JsonPatchError || e instanceof StrategicMergeError) {
      throw new StatusError({ reason: 'Invalid', code: 422, message: e.message });
    }
    throw e;
  }
  if (!isPlainObject(patched)) throw badRequest('patch produced a non-object');
  const obj = decodeFields(s, { ...(patched as KObject), apiVersion: apiVersionOf(s.def), kind: s.def.kind });
  if (!isPlainObject(obj.metadata)) obj.metadata = {};
  const current = revisionOf(old);
  const given = obj.metadata.resourceVersion;
  if (given !== undefined && given !== old.metadata.resourceVersion) {
    throw conflict(groupResource(s.def), s.info.name, CONFLICT_MODIFIED);
  }
  if (obj.metadata.name !== s.info.name) obj.metadata.name = s.info.name;
  obj.apiVersion = apiVersionOf(s.def);
  obj.kind = s.def.kind;
  return updateResource(ctx, s, obj, old, current);
}

/** applyCreate is a server-side apply of an object that does not exist: a create, authorized as one, named by the URL. */
function applyCreate(ctx: ServerContext, s: RequestScope): ApiResponse {
  const attrs: Attributes = { user: s.user, verb: 'create', isResourceRequest: true, path: s.req.path, namespace: s.info.namespace, apiGroup: s.def.group, apiVersion: s.def.version, resource: s.def.plural, subresource: '', name: s.info.name };
  if (!ctx.authorize(attrs).allowed) throw forbidden(groupResource(s.def), s.info.name, forbiddenMessage(attrs));
  const body = s.req.body;
  if (!isPlainObject(body)) throw badRequest('the object provided is unrecognized');
  const meta = (isPlainObject(body.metadata) ? body.metadata : {}) as { name?: string };
  if (meta.name !== undefined && meta.name !== s.info.name) {
    throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${s.info.name})`);
  }
  return createResource(ctx, { ...s, req: { ...s.req, body: { ...body, metadata: { ...meta, name: s.info.name } } } });
}

function yamlBody(text: string): unknown {
  try {
    return parseYaml(text);
  } catch (e) {
    throw badRequest(`error decoding YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}
