import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { quantity, validateResourceName, validateQuantityValue } from '../../validation/resources.ts';
import { rec, strs } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { canonicalQuantities } from '../decode.ts';

/** ResourceQuota: REQUEST and LIMIT columns summarise status.used/status.hard. */

const SCOPES = ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating', 'VolumeAttributesClass'];

/** quotaCells is printResourceQuota: "name: used/hard" pairs split into requests and limits. */
export function quotaCells(obj: KObject): [string, string] {
  const status = rec(obj.status);
  const hard = rec(status.hard);
  const used = rec(status.used);
  const req: string[] = [];
  const lim: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const u = quantity(used[name])?.toString() ?? '0';
    const h = quantity(hard[name])?.toString() ?? '0';
    const parts = name.split('.');
    (parts.length > 1 && parts[0] === 'limits' ? lim : req).push(`${name}: ${u}/${h}`);
  }
  return [req.join(', '), lim.join(', ')];
}

function validateQuota(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = rec(obj.spec);
  for (const [name, raw] of Object.entries(rec(spec.hard))) {
    const p = `spec.hard[${name}]`;
    errs.push(...validateResourceName(name, p));
    const q = quantity(raw);
    if (q) errs.push(...validateQuantityValue(name, q, p));
  }
  strs(spec.scopes).forEach((s) => {
    if (!SCOPES.includes(s)) errs.push(fieldErr.notSupported('spec.scopes', s, SCOPES));
  });
  return errs;
}

export const resourceQuotaDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'ResourceQuota',
  plural: 'resourcequotas',
  shortNames: ['quota'],
  namespaced: true,
  subresources: ['status'],
  hasStatus: true,
  columns: [
    NAME_COLUMN,
    col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    col('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const [req, lim] = quotaCells(obj);
    return [obj.metadata.name ?? '', req, lim, age(obj, ctx)];
  },
  defaults(obj) {
    canonicalQuantities(rec(obj.spec).hard, obj);
    canonicalQuantities(rec(obj.status).hard, obj);
    canonicalQuantities(rec(obj.status).used, obj);
  },
  validateSpec: validateQuota,
  prepareForCreate(obj) {
    obj.status = {};
  },
});
