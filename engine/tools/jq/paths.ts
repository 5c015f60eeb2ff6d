import { truncDump } from './format.ts';
import { compare, isObject, JqError, typeName, type Value } from './values.ts';

/**
 * Indexing and the path operations (getpath, setpath, delpaths) with jq 1.6's
 * error texts. Values are never mutated: setpath copies along the path.
 */
export type Path = Value[];

function cannotIndex(t: Value, k: Value): JqError {
  if (typeof k === 'string') {
    return new JqError(new TextEncoder().encode(k).length < 30 ? `Cannot index ${typeName(t)} with string "${k}"` : `Cannot index ${typeName(t)} with string`);
  }
  return new JqError(`Cannot index ${typeName(t)} with ${typeName(k)}`);
}

/** index is `.[k]`: field, element, or a slice given as {start,end}. */
export function index(t: Value, k: Value): Value {
  if (typeof k === 'string') {
    if (t === null) return null;
    if (isObject(t)) return t.get(k) ?? null;
    throw cannotIndex(t, k);
  }
  if (typeof k === 'number') {
    if (t === null) return null;
    if (Array.isArray(t)) {
      // jq 1.6 answers null for an index that is not an integer
      if (!Number.isInteger(k)) return null;
      let i = k;
      if (i < 0) i += t.length;
      return i >= 0 && i < t.length ? t[i]! : null;
    }
    throw cannotIndex(t, k);
  }
  if (isObject(k) && (t === null || Array.isArray(t) || typeof t === 'string')) {
    return slice(t, k.get('start') ?? null, k.get('end') ?? null);
  }
  if (Array.isArray(k) && Array.isArray(t)) return indicesOf(t, k);
  if (isObject(k)) throw new JqError('Start and end indices of an array slice must be numbers');
  throw cannotIndex(t, k);
}

/** indicesOf finds where sub occurs in arr (`.[[1,2]]`); jq answers null for an empty sub. */
export function indicesOf(arr: Value[], sub: Value[]): Value {
  const out: number[] = [];
  if (sub.length === 0) return null;
  for (let i = 0; i + sub.length <= arr.length; i++) {
    let ok = true;
    for (let j = 0; j < sub.length && ok; j++) ok = compare(arr[i + j]!, sub[j]!) === 0;
    if (ok) out.push(i);
  }
  return out;
}

function sliceBounds(len: number, from: Value, to: Value): [number, number] {
  if ((from !== null && typeof from !== 'number') || (to !== null && typeof to !== 'number')) throw new JqError('Start and end indices of an array slice must be numbers');
  let s = from === null ? 0 : from;
  let e = to === null ? len : to;
  if (s < 0) s += len;
  if (e < 0) e += len;
  s = Math.max(0, Math.min(len, Math.floor(s)));
  e = Math.max(0, Math.min(len, Math.ceil(e)));
  if (e < s) e = s;
  return [s, e];
}

export function slice(t: Value, from: Value, to: Value): Value {
  if (t === null) return null;
  if (typeof t === 'string') {
    const cps = [...t];
    const [s, e] = sliceBounds(cps.length, from, to);
    return cps.slice(s, e).join('');
  }
  if (Array.isArray(t)) {
    const [s, e] = sliceBounds(t.length, from, to);
    return t.slice(s, e);
  }
  throw new JqError(`Cannot index ${typeName(t)} with object`);
}

export function getpath(v: Value, path: Path): Value {
  let cur = v;
  for (const k of path) {
    if (cur === null) return null;
    cur = index(cur, k);
  }
  return cur;
}

export function setpath(root: Value, path: Path, v: Value, at = 0): Value {
  if (at >= path.length) return v;
  const k = path[at]!;
  if (typeof k === 'string') {
    if (root !== null && !isObject(root)) throw cannotIndex(root, k);
    const o = new Map(root ?? []);
    o.set(k, setpath(o.get(k) ?? null, path, v, at + 1));
    return o;
  }
  if (typeof k === 'number') {
    if (root !== null && !Array.isArray(root)) throw cannotIndex(root, k);
    const a = [...(root ?? [])];
    let i = Math.floor(k);
    if (i < 0) {
      i += a.length;
      if (i < 0) throw new JqError('Out of bounds negative array index');
    }
    const child = setpath(i < a.length ? a[i]! : null, path, v, at + 1);
    while (a.length < i) a.push(null);
    a[i] = child;
    return a;
  }
  if (isObject(k)) {
    if (root !== null && !Array.isArray(root)) throw new JqError(`Cannot update field at object index of ${typeName(root)}`);
    const a = root ?? [];
    const [s, e] = sliceBounds(a.length, k.get('start') ?? null, k.get('end') ?? null);
    const repl = setpath(a.slice(s, e), path, v, at + 1);
    if (!Array.isArray(repl)) throw new JqError('A slice of an array can only be assigned another array');
    return [...a.slice(0, s), ...repl, ...a.slice(e)];
  }
  throw new JqError(`Invalid path component`);
}

function deletePath(root: Value, path: Path, at: number): Value {
  if (root === null) return null;
  const k = path[at]!;
  if (at === path.length - 1) {
    if (typeof k === 'string') {
      if (!isObject(root)) throw new JqError(`Cannot delete field at object index of ${typeName(root)}`);
      const o = new Map(root);
      o.delete(k);
      return o;
    }
    if (typeof k === 'number') {
      if (!Array.isArray(root)) throw new JqError(`Cannot delete field at index of ${typeName(root)}`);
      let i = Math.floor(k);
      if (i < 0) i += root.length;
      if (i < 0) throw new JqError('Out of bounds negative array index');
      if (i >= root.length) return root;
      return [...root.slice(0, i), ...root.slice(i + 1)];
    }
    if (isObject(k) && Array.isArray(root)) {
      const [s, e] = sliceBounds(root.length, k.get('start') ?? null, k.get('end') ?? null);
      return [...root.slice(0, s), ...root.slice(e)];
    }
    throw new JqError(`Cannot delete field at index of ${typeName(root)}`);
  }
  const child = index(root, k);
  if (child === null) return root;
  return setpath(root, [k], deletePath(child, path, at + 1));
}

/** delpaths deletes the longest and last paths first, so earlier indices stay valid. */
export function delpaths(root: Value, paths: Value): Value {
  if (!Array.isArray(paths)) throw new JqError('Paths must be specified as an array');
  const sorted = [...paths].sort(compare).reverse();
  let out = root;
  for (const p of sorted) {
    if (!Array.isArray(p)) throw new JqError('Path must be specified as an array');
    if (p.length === 0) throw new JqError('Cannot delete the root value');
    out = deletePath(out, p, 0);
  }
  return out;
}

/** invalidPath is jq's complaint about a value where a path was needed. */
export function invalidPath(v: Value): JqError {
  return new JqError(`Invalid path expression with result ${truncDump(v, 30)}`);
}

/** invalidPathAccess is the complaint when a path step is applied to a value that is not a path. */
export function invalidPathAccess(v: Value, key: Value | undefined): JqError {
  if (key === undefined) return new JqError(`Invalid path expression near attempt to iterate through ${truncDump(v, 30)}`);
  return new JqError(`Invalid path expression near attempt to access element ${truncDump(key, 30)} of ${truncDump(v, 30)}`);
}

