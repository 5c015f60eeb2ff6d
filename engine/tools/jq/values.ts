/**
 * jq's values: JSON with objects as insertion-ordered Maps (JavaScript objects
 * would move integer-like keys first). Ordering, equality and the short dumps
 * jq 1.6 puts in its error messages live here.
 */
export type JqObject = Map<string, Value>;
export type Value = null | boolean | number | string | Value[] | JqObject;

/** JqError is an error raised by a jq program (error/1, a type error…); try/catch sees its value. */
export class JqError extends Error {
  constructor(readonly value: Value) {
    super(typeof value === 'string' ? value : 'jq error');
  }
}

/** typeName is what `type` returns. */
export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

export function isObject(v: Value): v is JqObject {
  return v instanceof Map;
}

/** truthy: everything but false and null. */
export function truthy(v: Value): boolean {
  return v !== null && v !== false;
}

function kindRank(v: Value): number {
  if (v === null) return 0;
  if (v === false) return 1;
  if (v === true) return 2;
  if (typeof v === 'number') return 3;
  if (typeof v === 'string') return 4;
  if (Array.isArray(v)) return 5;
  return 6;
}

/** compareStrings orders by code point, as jq compares UTF-8 bytes. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** sortedKeys are an object's keys in jq's order (code points). */
export function sortedKeys(o: JqObject): string[] {
  return [...o.keys()].sort(compareStrings);
}

/** compare is jq's total order: null < false < true < numbers < strings < arrays < objects. */
export function compare(a: Value, b: Value): number {
  const ra = kindRank(a);
  const rb = kindRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'number') {
    const bn = b as number;
    return a < bn ? -1 : a > bn ? 1 : 0;
  }
  if (typeof a === 'string') return compareStrings(a, b as string);
  if (Array.isArray(a)) {
    const bb = b as Value[];
    for (let i = 0; i < a.length && i < bb.length; i++) {
      const c = compare(a[i]!, bb[i]!);
      if (c !== 0) return c;
    }
    return a.length < bb.length ? -1 : a.length > bb.length ? 1 : 0;
  }
  if (a instanceof Map) {
    const bo = b as JqObject;
    const ka = sortedKeys(a);
    const kb = sortedKeys(bo);
    const c = compare(ka, kb);
    if (c !== 0) return c;
    for (const k of ka) {
      const d = compare(a.get(k)!, bo.get(k)!);
      if (d !== 0) return d;
    }
    return 0;
  }
  return 0;
}

export function equals(a: Value, b: Value): boolean {
  return compare(a, b) === 0;
}

/** obj builds an object from entries. */
export function obj(entries: Iterable<[string, Value]> = []): JqObject {
  return new Map(entries);
}

/** fromJS converts plain JavaScript data (parsed YAML, env) into jq values. */
export function fromJS(x: unknown): Value {
  if (x === null || x === undefined) return null;
  if (typeof x === 'boolean' || typeof x === 'number' || typeof x === 'string') return x;
  if (typeof x === 'bigint') return Number(x);
  if (Array.isArray(x)) return x.map(fromJS);
  if (x instanceof Map) return new Map([...x].map(([k, v]) => [String(k), fromJS(v)]));
  if (x instanceof Date) return x.toISOString();
  if (typeof x === 'object') return new Map(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, fromJS(v)]));
  return String(x);
}

/** codepoints counts a string's code points (jq's string length). */
export function codepoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) i++;
    n++;
  }
  return n;
}
