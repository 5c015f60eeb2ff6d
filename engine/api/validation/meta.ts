import { deepEqual } from '../../base/deep.ts';
import { fieldErr, type FieldError } from '../../base/errors.ts';
import type { KObject, ObjectMeta } from '../types.ts';
import { goStringSlice } from './gofmt.ts';
import { each, isDns1123Label, isQualifiedName, isValidLabelValue, nameIsDnsSubdomain, type NameFn } from './names.ts';

/**
 * ObjectMeta validation as apimachinery's ValidateObjectMeta and
 * ValidateObjectMetaUpdate do it, with their paths and texts.
 */

/** FIELD_IMMUTABLE is apimachinery's FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE = 'field is immutable';
/** IS_NEGATIVE is IsNegativeErrorMsg. */
export const IS_NEGATIVE = 'must be greater than or equal to 0';
const TOTAL_ANNOTATION_SIZE = 256 * 1024;

/** validateLabels is ValidateLabels: keys are qualified names, values label values. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...each(path, k, isQualifiedName(k)));
    errs.push(...each(path, v, isValidLabelValue(String(v))));
  }
  return errs;
}

/** validateAnnotations is ValidateAnnotations: qualified keys and a 256 KiB total. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...each(path, k, isQualifiedName(k.toLowerCase())));
    size += k.length + String(v).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(fieldErr.tooLong(path, TOTAL_ANNOTATION_SIZE));
  return errs;
}

function validateOwnerReferences(refs: ObjectMeta['ownerReferences'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const version = ref.apiVersion?.includes('/') ? ref.apiVersion.split('/')[1] : ref.apiVersion;
    if (!version) errs.push(fieldErr.invalid(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(fieldErr.invalid(`${path}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(fieldErr.invalid(`${path}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(fieldErr.invalid(`${path}.uid`, ref.uid ?? '', 'uid must not be empty'));
    if (ref.controller) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(fieldErr.invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      } else firstController = cur;
    }
  }
  return errs;
}

function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) errs.push(...each(path, f, isQualifiedName(f)));
  const list = finalizers ?? [];
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(fieldErr.invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** MetaOptions says how a kind names its objects and whether they live in a namespace. */
export interface MetaOptions {
  namespaced: boolean;
  nameFn?: NameFn;
}

/** validateObjectMeta is ValidateObjectMeta for a create. */
export function validateObjectMeta(obj: KObject, opts: MetaOptions, path = 'metadata'): FieldError[] {
  const m = obj.metadata ?? {};
  const nameFn = opts.nameFn ?? nameIsDnsSubdomain;
  const errs: FieldError[] = [];
  if (m.generateName) errs.push(...each(`${path}.generateName`, m.generateName, nameFn(m.generateName, true)));
  if (!m.name) errs.push(fieldErr.required(`${path}.name`, 'name or generateName is required'));
  else errs.push(...each(`${path}.name`, m.name, nameFn(m.name, false)));
  if (opts.namespaced) {
    if (!m.namespace) errs.push(fieldErr.required(`${path}.namespace`, ''));
    else errs.push(...each(`${path}.namespace`, m.namespace, isDns1123Label(m.namespace)));
  } else if (m.namespace) {
    errs.push(fieldErr.forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  if ((m.generation ?? 0) < 0) errs.push(fieldErr.invalid(`${path}.generation`, m.generation, IS_NEGATIVE));
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(m.ownerReferences, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(m.finalizers, `${path}.finalizers`));
  return errs;
}

/**
 * validateObjectMetaUpdate is ValidateObjectMetaUpdate. The resourceVersion
 * check is left to the apiserver, which fills it in for unconditional updates.
 */
export function validateObjectMetaUpdate(obj: KObject, old: KObject, path = 'metadata'): FieldError[] {
  const m = obj.metadata ?? {};
  const o = old.metadata ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const extra = (m.finalizers ?? []).filter((f) => !(o.finalizers ?? []).includes(f)).sort();
    if (extra.length) {
      errs.push(fieldErr.forbidden(`${path}.finalizers`, `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra)}`));
    }
  }
  if ((m.generation ?? 0) < (o.generation ?? 0)) errs.push(fieldErr.invalid(`${path}.generation`, m.generation ?? 0, 'must not be decremented'));
  errs.push(...immutable(m.name ?? '', o.name ?? '', `${path}.name`));
  errs.push(...immutable(m.namespace ?? '', o.namespace ?? '', `${path}.namespace`));
  errs.push(...immutable(m.uid ?? '', o.uid ?? '', `${path}.uid`));
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(m.ownerReferences, `${path}.ownerReferences`));
  return errs;
}

/** validateMeta runs the create or the update checks, whichever applies. */
export function validateMeta(obj: KObject, old: KObject | undefined, opts: MetaOptions): FieldError[] {
  if (!old) return validateObjectMeta(obj, opts);
  return [...validateObjectMetaUpdate(obj, old), ...validateFinalizers(obj.metadata.finalizers, 'metadata.finalizers')];
}

/** immutable is ValidateImmutableField: the new value and "field is immutable". */
export function immutable(value: unknown, oldValue: unknown, path: string): FieldError[] {
  if (deepEqual(value ?? null, oldValue ?? null)) return [];
  return [fieldErr.invalid(path, value ?? null, FIELD_IMMUTABLE)];
}

/** nonNegative is ValidateNonnegativeField. */
export function nonNegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [fieldErr.invalid(path, value, IS_NEGATIVE)] : [];
}
