import { deepEqual, isPlainObject } from '../../../../base/deep.ts';
import { listMeta } from '../../../../api/patch-meta.ts';
import type { KObject } from '../../../../api/types.ts';
import { lastAppliedOf } from './last-applied.ts';

type Obj = Record<string, unknown>;

/**
 * threeWayPatch computes the patch client-side apply sends
 * (CreateThreeWayMergePatch): fields of the desired configuration that differ
 * from the live object, nulls for fields the last applied configuration had
 * and the desired one dropped, and for strategic patches of built-in kinds,
 * merge-keyed lists patched item by item with $patch: delete for removed
 * items. strategic false gives a JSON merge patch (custom resources), where
 * lists are replaced whole. Returns undefined when nothing changes.
 */
export function threeWayPatch(live: KObject, desired: KObject, strategic: boolean): Obj | undefined {
  const last = lastAppliedOf(live) ?? {};
  const patch = diffMap(live as Obj, desired as Obj, last, strategic ? (live.kind ?? '') : undefined, []);
  return patch && Object.keys(patch).length ? patch : undefined;
}

function diffMap(live: Obj, desired: Obj, last: Obj, kind: string | undefined, path: string[]): Obj | undefined {
  const out: Obj = {};
  for (const [k, v] of Object.entries(desired)) {
    if (v === undefined) continue;
    const lv = live[k];
    const p = [...path, k];
    if (isPlainObject(v) && isPlainObject(lv)) {
      const d = diffMap(lv, v, isPlainObject(last[k]) ? (last[k] as Obj) : {}, kind, p);
      if (d && Object.keys(d).length) out[k] = d;
    } else if (Array.isArray(v) && Array.isArray(lv) && kind !== undefined) {
      const meta = listMeta(kind, p);
      if (meta.strategy === 'merge' && meta.mergeKey && v.every(isPlainObject) && lv.every(isPlainObject)) {
        const d = diffMergeList(lv as Obj[], v as Obj[], (Array.isArray(last[k]) ? last[k] : []) as Obj[], meta.mergeKey, kind, p);
        if (d) {
          out[k] = d;
          out[`$setElementOrder/${k}`] = (v as Obj[]).map((x) => ({ [meta.mergeKey!]: x[meta.mergeKey!] }));
        }
      } else if (!deepEqual(lv, v)) out[k] = v;
    } else if (!deepEqual(lv, v)) {
      out[k] = v;
    }
  }
  for (const k of Object.keys(last)) {
    if (!(k in desired) && k in live) out[k] = null;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * nthWithKey finds the item whose merge key equals value, counting repeats:
 * the n-th desired item with a key pairs with the n-th live one, as the Go
 * implementation walks both lists sorted by merge key (a container's two
 * ports 53, UDP and TCP, are two items, not one).
 */
function nthWithKey(list: Obj[], key: string, value: unknown, n: number): Obj | undefined {
  let seen = 0;
  for (const x of list) if (x[key] === value && seen++ === n) return x;
  return undefined;
}

function diffMergeList(live: Obj[], desired: Obj[], last: Obj[], key: string, kind: string, path: string[]): Obj[] | undefined {
  const items: Obj[] = [];
  const repeats = new Map<unknown, number>();
  for (const d of desired) {
    const n = repeats.get(d[key]) ?? 0;
    repeats.set(d[key], n + 1);
    const l = nthWithKey(live, key, d[key], n);
    if (!l) {
      items.push(d);
      continue;
    }
    const lastItem = nthWithKey(last, key, d[key], n) ?? {};
    const sub = diffMap(l, d, lastItem, kind, path);
    if (sub) items.push({ [key]: d[key], ...sub });
  }
  for (const l of last) {
    if (!desired.some((d) => d[key] === l[key]) && live.some((x) => x[key] === l[key])) items.push({ [key]: l[key], $patch: 'delete' });
  }
  return items.length ? items : undefined;
}
