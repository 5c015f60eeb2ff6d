import { rfc3339 } from '../base/clock.ts';
import { fieldErr, type FieldError } from '../base/errors.ts';
import type { KObject, ResourceDef } from '../api/types.ts';
import { validateObjectName } from '../api/validation/names.ts';
import type { ServerContext } from './context.ts';


/**
 * fillCreateMeta sets what the apiserver owns on create: a generated name,
 * uid, creationTimestamp, and clears what clients may not set.
 */
export function fillCreateMeta(obj: KObject, ctx: ServerContext): void {
  const m = obj.metadata;
  if (!m.name && m.generateName) m.name = m.generateName + ctx.runtime.rand.nameSuffix(5);
  m.uid = ctx.runtime.rand.uuid();
  m.creationTimestamp = rfc3339(ctx.runtime.now);
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.resourceVersion;
  if ((m as { selfLink?: string }).selfLink !== undefined) delete (m as { selfLink?: string }).selfLink;
}

/** validateObjectMeta is apimachinery's ValidateObjectMeta for kinds that have no validate() of their own. */
export function validateObjectMeta(def: ResourceDef, obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const m = obj.metadata;
  const name = m.name ?? '';
  if (!name) {
    errs.push(fieldErr.required('metadata.name', 'name or generateName is required'));
  } else {
    errs.push(...validateObjectName('metadata.name', name));
  }
  if (def.namespaced && !m.namespace) errs.push(fieldErr.required('metadata.namespace', ''));
  if (!def.namespaced && m.namespace) errs.push(fieldErr.forbidden('metadata.namespace', 'not allowed on this type'));
  return errs;
}
