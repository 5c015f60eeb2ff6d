import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { validateConfigMapKey } from '../../validation/names.ts';
import { rec } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

const MAX_SIZE = 1024 * 1024;

/** validateDataKeys checks data/binaryData keys (ValidateConfigMap, shared with Secrets' key rule). */
export function validateDataKeys(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const data = rec(obj.data);
  const bin = rec(obj.binaryData);
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...validateConfigMapKey(`data[${k}]`, k));
    size += String(v).length;
  }
  for (const [k, v] of Object.entries(bin)) {
    errs.push(...validateConfigMapKey(`binaryData[${k}]`, k));
    if (k in data) errs.push(fieldErr.invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    size += String(v).length;
  }
  if (size > MAX_SIZE) errs.push(fieldErr.tooLong('', MAX_SIZE));
  return errs;
}

/** ConfigMap: data and binaryData keys, shown with a DATA count; immutable: true freezes them. */
export const configMapDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  shortNames: ['cm'],
  namespaced: true,
  columns: [NAME_COLUMN, col('Data', 'string', 'ConfigMap.data'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', Object.keys(rec(obj.data)).length + Object.keys(rec(obj.binaryData)).length, age(obj, ctx)],
  validateSpec(obj, old) {
    const errs = validateDataKeys(obj);
    if (old && old.immutable === true) {
      if (obj.immutable !== true) errs.push(fieldErr.forbidden('immutable', 'field is immutable when `immutable` is set'));
      else {
        if (JSON.stringify(rec(obj.data)) !== JSON.stringify(rec(old.data))) errs.push(fieldErr.forbidden('data', 'field is immutable when `immutable` is set'));
        if (JSON.stringify(rec(obj.binaryData)) !== JSON.stringify(rec(old.binaryData))) errs.push(fieldErr.forbidden('binaryData', 'field is immutable when `immutable` is set'));
      }
    }
    return errs;
  },
});
