import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { quantity } from '../../validation/resources.ts';
import { list, rec, str, type Obj } from '../../validation/util.ts';
import { defineResource } from '../common.ts';
import { canonicalQuantities } from '../decode.ts';

/** LimitRange: no printer upstream, so `kubectl get limits` shows NAME and CREATED AT. */

const TYPES = ['Container', 'Pod', 'PersistentVolumeClaim'];

function defaultItem(item: Obj, obj: KObject): void {
  for (const k of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) canonicalQuantities(item[k], obj);
  if (str(item.type) !== 'Container') return;
  // SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default, then ← min.
  const def = { ...rec(item.default) };
  const req = { ...rec(item.defaultRequest) };
  for (const [k, v] of Object.entries(rec(item.max))) def[k] ??= v;
  for (const [k, v] of Object.entries(def)) req[k] ??= v;
  for (const [k, v] of Object.entries(rec(item.min))) req[k] ??= v;
  if (Object.keys(def).length) item.default = def;
  if (Object.keys(req).length) item.defaultRequest = req;
}

function validateItems(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  list(rec(obj.spec).limits).forEach((item, i) => {
    const p = `spec.limits[${i}]`;
    const type = str(item.type);
    if (!TYPES.includes(type)) errs.push(fieldErr.notSupported(`${p}.type`, type, TYPES));
    const min = rec(item.min);
    const max = rec(item.max);
    const def = rec(item.default);
    const defReq = rec(item.defaultRequest);
    const names = new Set([...Object.keys(min), ...Object.keys(max), ...Object.keys(def), ...Object.keys(defReq)]);
    for (const name of names) {
      const mn = quantity(min[name]);
      const mx = quantity(max[name]);
      const d = quantity(def[name]);
      const dr = quantity(defReq[name]);
      if (mn && mx && mn.cmp(mx) > 0) errs.push(fieldErr.invalid(`${p}.min[${name}]`, mn.toString(), `min value ${mn} is greater than max value ${mx}`));
      if (dr && mx && dr.cmp(mx) > 0) errs.push(fieldErr.invalid(`${p}.defaultRequest[${name}]`, dr.toString(), `default request value ${dr} is greater than max value ${mx}`));
      if (dr && d && dr.cmp(d) > 0) errs.push(fieldErr.invalid(`${p}.defaultRequest[${name}]`, dr.toString(), `default request value ${dr} is greater than default limit value ${d}`));
      if (d && mx && d.cmp(mx) > 0) errs.push(fieldErr.invalid(`${p}.default[${name}]`, d.toString(), `default value ${d} is greater than max value ${mx}`));
      if (dr && mn && mn.cmp(dr) > 0) errs.push(fieldErr.invalid(`${p}.defaultRequest[${name}]`, dr.toString(), `min value ${mn} is greater than default request value ${dr}`));
      if (d && mn && mn.cmp(d) > 0) errs.push(fieldErr.invalid(`${p}.default[${name}]`, d.toString(), `min value ${mn} is greater than default value ${d}`));
    }
  });
  return errs;
}

export const limitRangeDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'LimitRange',
  plural: 'limitranges',
  shortNames: ['limits'],
  namespaced: true,
  defaults(obj) {
    for (const item of list(rec(obj.spec).limits)) defaultItem(item, obj);
  },
  validateSpec: validateItems,
});
