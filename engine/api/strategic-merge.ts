import { clone, deepEqual, isPlainObject } from '../base/deep.ts';
import { listMeta } from './patch-meta.ts';

/** StrategicMergeError is a malformed strategic merge patch. */
export class StrategicMergeError extends Error {}

/**
 * strategicMerge applies a strategic merge patch (k8s.io/apimachinery
 * strategicpatch.StrategicMergePatch) to original, for an object of kind.
 * Supports null deletion, merge-keyed lists, primitive merge lists, and the
 * $patch (replace|delete|merge), $setElementOrder/, $retainKeys and
 * $deleteFromPrimitiveList/ directives.
 */
export function strategicMerge(original: unknown, patch: unknown, kind: string): unknown {
  if (!isPlainObject(patch)) throw new StrategicMergeError('strategic merge patch must be a JSON object');
  return mergeMap(isPlainObject(original) ? original : {}, patch, kind, []);
}

function mergeMap(orig: Record<string, unknown>, patch: Record<string, unknown>, kind: string, path: string[]): Record<string, unknown> | undefined {
  const directive = patch['$patch'];
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const out = clone(patch);
    delete out['$patch'];
    return stripDirectives(out) as Record<string, unknown>;
  }
  const out: Record<string, unknown> = { ...orig };
  const retain = patch['$retainKeys'];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const cur = out[field];
      if (Array.isArray(cur) && Array.isArray(v)) out[field] = cur.filter((x) => !v.some((d) => deepEqual(d, x)));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const sub = [...path, k];
    const cur = out[k];
    if (isPlainObject(v)) {
      const merged = mergeMap(isPlainObject(cur) ? cur : {}, v, kind, sub);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else if (Array.isArray(v)) {
      const order = patch[`$setElementOrder/${k}`];
      out[k] = mergeList(Array.isArray(cur) ? cur : [], v, kind, sub, Array.isArray(order) ? order : undefined);
    } else {
      out[k] = clone(v);
    }
  }
  if (Array.isArray(retain)) {
    for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  }
  return out;
}

function mergeList(orig: unknown[], patch: unknown[], kind: string, path: string[], order: unknown[] | undefined): unknown[] {
  const meta = listMeta(kind, path);
  if (meta.strategy !== 'merge') {
    if (patch.some((x) => isPlainObject(x) && x['$patch'] === 'replace')) {
      return patch.filter((x) => !(isPlainObject(x) && x['$patch'] === 'replace')).map((x) => stripDirectives(clone(x)));
    }
    return patch.map((x) => stripDirectives(clone(x)));
  }
  if (!meta.mergeKey) {
    // a set-like list of scalars (finalizers): union, keeping the original order
    const out = [...orig];
    for (const x of patch) if (!out.some((y) => deepEqual(x, y))) out.push(clone(x));
    return sortBy(out, order, undefined);
  }
  const key = meta.mergeKey;
  if (patch.some((x) => isPlainObject(x) && x['$patch'] === 'replace')) {
    return patch.filter((x) => !(isPlainObject(x) && x['$patch'] === 'replace')).map((x) => stripDirectives(clone(x)));
  }
  const out: unknown[] = orig.map((x) => x);
  for (const item of patch) {
    if (!isPlainObject(item)) {
      throw new StrategicMergeError(`unable to find api field in struct ${kind} for the json field "${path[path.length - 1]}"`);
    }
    if (!(key in item)) throw new StrategicMergeError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);
    const idx = out.findIndex((x) => isPlainObject(x) && deepEqual(x[key], item[key]));
    if (item['$patch'] === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = mergeMap(out[idx] as Record<string, unknown>, item, kind, path) ?? out[idx];
    else out.push(stripDirectives(clone(item)));
  }
  return sortBy(out, order, key);
}

function sortBy(items: unknown[], order: unknown[] | undefined, key: string | undefined): unknown[] {
  if (!order) return items;
  const pos = (x: unknown) => {
    const want = key && isPlainObject(x) ? x[key] : x;
    const i = order.findIndex((o) => deepEqual(key && isPlainObject(o) ? o[key] : o, want));
    return i < 0 ? order.length : i;
  };
  return items
    .map((x, i) => ({ x, i, p: pos(x) }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((e) => e.x);
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) continue;
    if (x === null) continue;
    out[k] = stripDirectives(x);
  }
  return out;
}
