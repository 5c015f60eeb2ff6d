import { badRequest } from '../../base/errors.ts';
import { canonicalQuantity, QuantityError } from '../../base/quantity.ts';
import type { KObject } from '../types.ts';
import { rec } from '../validation/util.ts';

/**
 * canonicalQuantities rewrites a ResourceList in place to canonical quantity
 * strings, as decoding and re-encoding does in the apiserver ("0.5" → "500m").
 * A malformed quantity is a decode error: 400 with the apiserver's text.
 */
export function canonicalQuantities(list: unknown, obj: KObject): void {
  if (list === null || typeof list !== 'object' || Array.isArray(list)) return;
  const r = list as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    try {
      r[k] = canonicalQuantity(r[k]);
    } catch (e) {
      if (!(e instanceof QuantityError)) throw e;
      throw cannotHandle(obj, e.message);
    }
  }
}

/** canonicalQuantityField rewrites one quantity field of o in place. */
export function canonicalQuantityField(o: unknown, key: string, obj: KObject): void {
  const r = rec(o);
  if (r[key] === undefined || r[key] === null) return;
  const holder = { [key]: r[key] };
  canonicalQuantities(holder, obj);
  r[key] = holder[key];
}

/** cannotHandle is the decoder's error: `Pod in version "v1" cannot be handled as a Pod: …`. */
export function cannotHandle(obj: KObject, msg: string) {
  const v = String(obj.apiVersion ?? '');
  const version = v.includes('/') ? v.slice(v.indexOf('/') + 1) : v;
  return badRequest(`${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${msg}`);
}
