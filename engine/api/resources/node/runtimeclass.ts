import { fieldErr } from '../../../base/errors.ts';
import { immutable } from '../../validation/meta.ts';
import { isDns1123Label } from '../../validation/names.ts';
import { str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** RuntimeClass: maps a name to a CRI handler (gVisor, Kata…); the handler is immutable. */
export const runtimeClassDef = defineResource({
  group: 'node.k8s.io',
  version: 'v1',
  kind: 'RuntimeClass',
  plural: 'runtimeclasses',
  namespaced: false,
  columns: [NAME_COLUMN, col('Handler', 'string', ''), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', str(obj.handler), age(obj, ctx)],
  validateSpec(obj, old) {
    const h = str(obj.handler);
    const errs = h ? isDns1123Label(h).map((m) => fieldErr.invalid('handler', h, m)) : [fieldErr.required('handler', '')];
    if (old) errs.push(...immutable(h, str(old.handler), 'handler'));
    return errs;
  },
});
