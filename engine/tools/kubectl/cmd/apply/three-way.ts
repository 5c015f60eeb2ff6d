import { deepEqual, isPlainObject } from '../../../../base/deep.ts';
import type { KObject } from '../../../../api/types.ts';
import { LAST_APPLIED } from './apply.ts';

/**
 * threeWayPatch computes the patch kubectl apply sends: the desired fields that
 * differ from the live object, plus nulls for fields that were in the last
 * applied configuration but are no longer in the desired one. Returns
 * undefined when there is nothing to change.
 */
export function threeWayPatch(live: KObject, desired: KObject): Record<string, unknown> | undefined {
  const lastText = live.metadata.annotations?.[LAST_APPLIED];
  let last: unknown = {};
  try {
    last = lastText ? JSON.parse(lastText) : {};
  } catch {
    last = {};
  }
  const patch = diff(live, desired, last) as Record<string, unknown> | undefined;
  return patch && Object.keys(patch).length ? patch : undefined;
}

function diff(live: unknown, desired: unknown, last: unknown): unknown {
  if (!isPlainObject(desired)) return deepEqual(live, desired) ? undefined : desired;
  const out: Record<string, unknown> = {};
  const liveObj = isPlainObject(live) ? live : {};
  const lastObj = isPlainObject(last) ? last : {};
  for (const [k, v] of Object.entries(desired)) {
    if (v === undefined) continue;
    if (isPlainObject(v) && isPlainObject(liveObj[k])) {
      const d = diff(liveObj[k], v, lastObj[k]);
      if (d !== undefined && !(isPlainObject(d) && Object.keys(d).length === 0)) out[k] = d;
    } else if (!deepEqual(liveObj[k], v)) {
      out[k] = v;
    }
  }
  for (const k of Object.keys(lastObj)) {
    if (!(k in desired) && k in liveObj) out[k] = null;
  }
  return Object.keys(out).length ? out : undefined;
}
