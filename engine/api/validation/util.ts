/** Small readers for untyped JSON objects, shared by the validators and the resource rows. */

/** Obj is any JSON object. */
export type Obj = Record<string, unknown>;

/** rec returns v as an object, or an empty one. */
export function rec(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

/** list returns v as an array of objects, or an empty array. */
export function list(v: unknown): Obj[] {
  return Array.isArray(v) ? v.map(rec) : [];
}

const NO_OBJECTS: readonly Obj[] = Object.freeze([]);

/** view is list without the copy, for readers on hot paths (printers): v itself when every item is an object. */
export function view(v: unknown): readonly Obj[] {
  if (!Array.isArray(v)) return NO_OBJECTS;
  for (const x of v) if (x === null || typeof x !== 'object' || Array.isArray(x)) return v.map(rec);
  return v as Obj[];
}

/** strs returns v as an array of strings. */
export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => String(x)) : [];
}

/** str returns v as a string ('' when absent). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** num returns v as a number (0 when absent). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : 0;
}

/** isSet tells a present value from an absent one. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** strMap returns v as map[string]string. */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(rec(v))) out[k] = str(x);
  return out;
}
