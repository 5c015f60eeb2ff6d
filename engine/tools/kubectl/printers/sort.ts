import { JsonPath } from '../../../base/jsonpath/eval.ts';
import { relaxedJsonPath } from '../../../base/jsonpath/relaxed.ts';

/** naturalLess is sortorder.NaturalLess: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i]!;
    const cb = b[j]!;
    const da = ca >= '0' && ca <= '9';
    const db = cb >= '0' && cb <= '9';
    if (da && db) {
      let ei = i;
      while (ei < a.length && a[ei]! >= '0' && a[ei]! <= '9') ei++;
      let ej = j;
      while (ej < b.length && b[ej]! >= '0' && b[ej]! <= '9') ej++;
      const na = a.slice(i, ei).replace(/^0+/, '');
      const nb = b.slice(j, ej).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (ei - i !== ej - j) return ei - i < ej - j;
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca < cb;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

/** SortError is kubectl's fatal "unsortable type" (it exits with klog's F line). */
export class SortError extends Error {}

function kindName(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  if (v && typeof v === 'object') return 'map';
  return typeof v;
}

function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return naturalLess(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  throw new SortError(`unsortable type: ${kindName(a)}`);
}

/**
 * sortByField orders objects by a --sort-by JSONPath as kubectl's RuntimeSort
 * does: an object without the field sorts first; numbers and strings
 * (naturally) compare; the sort is Go's insertion sort for short lists, a
 * stable merge otherwise. It throws the JSONPath parse error for a bad path.
 */
export function sortByField<T>(items: T[], field: string, objectOf: (t: T) => unknown): T[] {
  const jp = new JsonPath(relaxedJsonPath(field), true);
  const keys = items.map((t) => {
    const groups = jp.findResults(objectOf(t));
    return groups.length === 0 || groups[0]!.length === 0 ? { missing: true, v: undefined as unknown } : { missing: false, v: groups[0]![0] };
  });
  const less = (i: number, j: number) => {
    const a = keys[i]!;
    const b = keys[j]!;
    if (a.missing) return true;
    if (b.missing) return false;
    return isLess(a.v, b.v);
  };
  const idx = items.map((_, i) => i);
  if (idx.length <= 12) {
    for (let i = 1; i < idx.length; i++) for (let j = i; j > 0 && less(idx[j]!, idx[j - 1]!); j--) [idx[j], idx[j - 1]] = [idx[j - 1]!, idx[j]!];
  } else {
    const merge = (arr: number[]): number[] => {
      if (arr.length <= 1) return arr;
      const mid = arr.length >> 1;
      const l = merge(arr.slice(0, mid));
      const r = merge(arr.slice(mid));
      const out: number[] = [];
      let i = 0;
      let j = 0;
      while (i < l.length && j < r.length) out.push(less(r[j]!, l[i]!) ? r[j++]! : l[i++]!);
      return out.concat(l.slice(i), r.slice(j));
    };
    return merge(idx).map((i) => items[i]!);
  }
  return idx.map((i) => items[i]!);
}
