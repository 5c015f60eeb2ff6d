import { JsonPath } from '../../../base/jsonpath/eval.ts';
import { relaxedJsonPath } from '../../../base/jsonpath/relaxed.ts';
import { parseQuantity, type Quantity } from '../../../base/quantity.ts';
import { goSort } from './gosort.ts';

function quantityOf(s: string): Quantity | undefined {
  try {
    return parseQuantity(s);
  } catch {
    return undefined;
  }
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
  if (typeof a === 'string' && typeof b === 'string') {
    // Two quantities compare by amount; any other strings byte by byte (what kubectl 1.33 does: "a10" < "a2", "10.110.0.1" < "10.96.0.1").
    const qa = quantityOf(a);
    const qb = qa && quantityOf(b);
    if (qa && qb) return qa.cmp(qb) < 0;
    return a < b;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  throw new SortError(`unsortable type: ${kindName(a)}`);
}

/**
 * sortByField orders objects by a --sort-by JSONPath as kubectl's RuntimeSort
 * does: an object without the field sorts first; numbers, quantities and
 * strings (bytewise) compare; the sort is Go's sort.Sort (unstable:
 * equal keys end where Go's pdqsort leaves them). It throws the JSONPath parse error for a bad path.
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
  goSort(
    idx.length,
    (i, j) => less(idx[i]!, idx[j]!),
    (i, j) => {
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    },
  );
  return idx.map((i) => items[i]!);
}
