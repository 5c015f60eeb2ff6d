import { clone, deepEqual } from '../../base/deep.ts';

/** JsonPatchError carries the message the apiserver returns for a bad RFC 6902 patch. */
export class JsonPatchError extends Error {}

interface Op {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new JsonPatchError(`invalid JSON Pointer: ${p}`);
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, parts: string[], op: string, path: string): { parent: Record<string, unknown> | unknown[]; key: string } {
  let cur: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[part];
    else cur = undefined;
    if (cur === undefined || cur === null || typeof cur !== 'object') {
      throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    }
  }
  return { parent: cur as Record<string, unknown> | unknown[], key: parts[parts.length - 1]! };
}

function arrayIndex(arr: unknown[], key: string, allowEnd: boolean, op: string, path: string): number {
  if (key === '-' && allowEnd) return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(key)) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  const i = Number(key);
  if (i > arr.length || (!allowEnd && i >= arr.length)) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return i;
}

function getAt(doc: unknown, path: string, op: string): unknown {
  let cur: unknown = doc;
  for (const part of parsePointer(path)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[part];
    else cur = undefined;
    if (cur === undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return cur;
}

function remove(doc: unknown, path: string, op: string): unknown {
  const parts = parsePointer(path);
  const { parent, key } = parentOf(doc, parts, op, path);
  if (Array.isArray(parent)) {
    const i = arrayIndex(parent, key, false, op, path);
    return parent.splice(i, 1)[0];
  }
  if (!(key in parent)) throw new JsonPatchError(`${op} operation does not apply: doc is missing key: ${path}: missing value`);
  const v = parent[key];
  delete parent[key];
  return v;
}

function add(doc: unknown, path: string, value: unknown, op: string): unknown {
  const parts = parsePointer(path);
  if (parts.length === 0) return value;
  const { parent, key } = parentOf(doc, parts, op, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true, op, path), 0, value);
  else parent[key] = value;
  return doc;
}

/** jsonPatch applies an RFC 6902 patch to a copy of doc. */
export function jsonPatch(doc: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let out = clone(doc);
  for (const raw of patch as Op[]) {
    if (!raw || typeof raw !== 'object') throw new JsonPatchError('unexpected kind of patch operation');
    const { op, path } = raw;
    switch (op) {
      case 'add':
        out = add(out, path, clone(raw.value), op);
        break;
      case 'remove':
        remove(out, path, op);
        break;
      case 'replace': {
        const parts = parsePointer(path);
        if (parts.length === 0) {
          out = clone(raw.value);
          break;
        }
        const { parent, key } = parentOf(out, parts, op, path);
        if (Array.isArray(parent)) parent[arrayIndex(parent, key, false, op, path)] = clone(raw.value);
        else {
          if (!(key in parent)) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
          parent[key] = clone(raw.value);
        }
        break;
      }
      case 'move': {
        const v = remove(out, raw.from ?? '', op);
        out = add(out, path, v, op);
        break;
      }
      case 'copy':
        out = add(out, path, clone(getAt(out, raw.from ?? '', op)), op);
        break;
      case 'test':
        if (!deepEqual(getAt(out, path, op), raw.value)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${String(op)}`);
    }
  }
  return out;
}
