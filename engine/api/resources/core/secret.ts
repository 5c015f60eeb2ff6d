import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { immutable } from '../../validation/meta.ts';
import { validateConfigMapKey } from '../../validation/names.ts';
import { rec, str } from '../../validation/util.ts';
import { age, col, defineResource, metaFields, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { base64Utf8 } from './base64.ts';

const MAX_SECRET = 1024 * 1024;
/** REQUIRED_KEYS lists the data keys each built-in secret type must carry. */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function validateSecretData(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const data = rec(obj.data);
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...validateConfigMapKey(`data[${k}]`, k));
    size += Math.floor((String(v).length * 3) / 4);
  }
  if (size > MAX_SECRET) errs.push(fieldErr.tooLong('data', MAX_SECRET));
  const type = str(obj.type);
  if (type === 'kubernetes.io/service-account-token' && !obj.metadata.annotations?.['kubernetes.io/service-account.name']) {
    errs.push(fieldErr.required('metadata.annotations[kubernetes.io/service-account.name]', ''));
  } else if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    errs.push(fieldErr.required('data[username]', ''), fieldErr.required('data[password]', ''));
  } else {
    for (const k of REQUIRED_KEYS[type] ?? []) if (!(k in data)) errs.push(fieldErr.required(`data[${k}]`, ''));
  }
  return errs;
}

/** Secret: base64 data, stringData folded in on write, TYPE and DATA columns. */
export const secretDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  columns: [NAME_COLUMN, col('Type', 'string', 'Secret.type'), col('Data', 'string', 'Secret.data'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', str(obj.type), Object.keys(rec(obj.data)).length, age(obj, ctx)],
  fields: (obj) => ({ ...metaFields(obj, true), type: str(obj.type) }),
  defaults(obj) {
    obj.type ??= 'Opaque';
    // Conversion from v1 merges stringData into data; stringData is never stored.
    const sd = rec(obj.stringData);
    if (Object.keys(sd).length) {
      const data = (obj.data ??= {}) as Record<string, string>;
      for (const [k, v] of Object.entries(sd)) data[k] = base64Utf8(String(v));
    }
    delete obj.stringData;
  },
  validateSpec(obj, old) {
    const errs = validateSecretData(obj);
    if (old) {
      errs.push(...immutable(str(obj.type), str(old.type), 'type'));
      if (old.immutable === true) {
        if (obj.immutable !== true) errs.push(fieldErr.forbidden('immutable', 'field is immutable when `immutable` is set'));
        else if (JSON.stringify(rec(obj.data)) !== JSON.stringify(rec(old.data))) errs.push(fieldErr.forbidden('data', 'field is immutable when `immutable` is set'));
      }
    }
    return errs;
  },
});
