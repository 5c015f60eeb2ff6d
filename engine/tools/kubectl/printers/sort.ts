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

/**
 * SortError is kubectl's fatal "unsortable type": kubectl ends with klog's F
 * line (`where` is the sorter.go line that logs it) and exit code 1.
 */
export class SortError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}

/** goTypeOf names a decoded JSON value as Go's %T prints it in an unstructured object. */
function goTypeOf(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (v && typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/**
 * isLess is kubectl's isLess for values of an unstructured object (each an
 * interface): nil first; two numbers of one Go type, or two strings (two
 * quantities by amount, other strings byte by byte: "a10" < "a2"); any other
 * pair is an error, booleans included.
 */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  const ta = goTypeOf(a);
  if (ta !== 'int64' && ta !== 'float64' && ta !== 'string') throw new Error(`unsortable type: ${ta}`);
  if (ta !== goTypeOf(b)) throw new Error('unsortable interface: interface');
  if (typeof a === 'string') {
    const qa = quantityOf(a);
    const qb = qa && quantityOf(b as string);
    if (qa && qb) return qa.cmp(qb) < 0;
  }
  return (a as string | number) < (b as string | number);
}

/**
 * orderBy sorts as kubectl's RuntimeSort and TableSorter do: an item without
 * the field sorts first, the rest by isLess, through Go's sort.Sort (unstable:
 * equal keys end where Go's pdqsort leaves them). A pair isLess cannot
 * compare is fatal: `fatal` words the message kubectl logs.
 */
function orderBy<T>(items: T[], keys: { missing: boolean; v: unknown }[], fatal: (err: string) => SortError): T[] {
  const less = (i: number, j: number) => {
    const a = keys[i]!;
    const b = keys[j]!;
    if (a.missing) return true;
    if (b.missing) return false;
    try {
      return isLess(a.v, b.v);
    } catch (e) {
      throw fatal((e as Error).message);
    }
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

function keysOf<T>(items: T[], jp: JsonPath, objectOf: (t: T) => unknown): { missing: boolean; v: unknown }[] {
  return items.map((t) => {
    const groups = jp.findResults(objectOf(t));
    return groups.length === 0 || groups[0]!.length === 0 ? { missing: true, v: undefined } : { missing: false, v: groups[0]![0] };
  });
}

/**
 * sortByField is kubectl's SortObjects: --sort-by over whole objects (the
 * items of -o json|yaml|name|…, or the server's tables themselves when one
 * get asks for several). The path must be a relaxed JSONPath and name a field
 * at least one item has; otherwise it throws kubectl's error. An unsortable
 * value throws SortError.
 */
export function sortByField<T>(items: T[], field: string, objectOf: (t: T) => unknown): T[] {
  const path = relaxedJsonPath(field);
  const jp = new JsonPath(path, true);
  const keys = keysOf(items, jp, objectOf);
  if (!keys.some((k) => !k.missing)) throw new Error(`couldn't find any field with path "${path}" in the list of objects`);
  return orderBy(items, keys, (err) => new SortError('sorter.go:329', `Field ${path} in *unstructured.Unstructured is an unsortable type: interface, err: ${err}`));
}

/** TableSortError is why kubectl's SortingPrinter could not sort a table: `get` ignores it and prints nothing of that table; `get -w` reports it. */
export class TableSortError extends Error {}

/**
 * sortTableRows is kubectl's SortingPrinter over one server table: a table
 * of fewer than two rows is left alone; a path that does not relax is tried
 * as typed. A path that does not parse, or a field no row has, throws
 * TableSortError; an unsortable value throws SortError.
 */
export function sortTableRows<R>(rows: R[], field: string, objectOf: (r: R) => unknown): R[] {
  if (rows.length <= 1) return rows;
  let path: string;
  try {
    path = relaxedJsonPath(field);
  } catch {
    path = field;
  }
  let jp: JsonPath;
  try {
    jp = new JsonPath(path, true);
  } catch (e) {
    throw new TableSortError(`sorting error: ${(e as Error).message}`);
  }
  const keys = keysOf(rows, jp, objectOf);
  if (!keys.some((k) => !k.missing)) throw new TableSortError(`couldn't find any field with path "${path}" in the list of objects`);
  return orderBy(rows, keys, (err) => new SortError('sorter.go:375', `Field ${path} in [][][]reflect.Value is an unsortable type: interface, err: ${err}`));
}
