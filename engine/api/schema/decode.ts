import { API_KINDS, API_TYPES } from './types.generated.ts';

/**
 * Decoding a request body the way the apiserver's Go JSON decoder does
 * (sigs.k8s.io/json, case-sensitive): a value of the wrong JSON type is an
 * error naming the Go field and type (`json: cannot unmarshal string into Go
 * struct field DeploymentSpec.spec.replicas of type int32`); a field the type
 * does not have is collected as an unknown field (`spec.template.spec.
 * containers[0].imagee`), which server-side field validation turns into an
 * error or a warning; null means "not set". The result is a copy with nulls
 * removed (and null list items as zero values), as decoding and re-encoding
 * the Go struct would leave it.
 */
export interface TypedDecode {
  value: Record<string, unknown>;
  /** unknown are the paths of fields the type does not have, in document order */
  unknown: string[];
  /** error is the first type error, as Go's decoder reports it */
  error?: string;
}

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
export const QUANTITY_ERROR = `quantities must match the regular expression '${QUANTITY.source}'`;

/** typeNameOf finds the wire type of an apiVersion/kind, or undefined when it has none (custom resources). */
export function typeNameOf(apiVersion: string, kind: string): string | undefined {
  return API_KINDS[`${apiVersion}/${kind}`];
}

/** decodeTyped checks and normalises obj against the named API type. */
export function decodeTyped(typeName: string, obj: Record<string, unknown>): TypedDecode {
  const d = new Decoder();
  const value = d.struct(typeName, obj, '', '') as Record<string, unknown>;
  return { value, unknown: d.unknown, ...(d.error ? { error: d.error } : {}) };
}

class Decoder {
  unknown: string[] = [];
  error: string | undefined;

  value(code: string, v: unknown, path: string, goPath: string, owner: string): unknown {
    if (v === null) return zeroOf(code);
    if (code === 'x') return v;
    if (code.startsWith('@')) {
      if (!isObject(v)) return this.fail(v, goPath, owner, goTypeName(code));
      return this.struct(code.slice(1), v, path, goPath);
    }
    if (code.startsWith('[')) {
      if (!Array.isArray(v)) return this.fail(v, goPath, owner, goTypeName(code));
      const item = code.slice(1);
      return v.map((x, i) => this.value(item, x === null ? zeroOf(item) ?? null : x, `${path}[${i}]`, goPath, owner));
    }
    if (code.startsWith('{')) {
      if (!isObject(v)) return this.fail(v, goPath, owner, goTypeName(code));
      const item = code.slice(1);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = x === null ? (zeroOf(item) ?? null) : this.value(item, x, `${path}.${k}`, goPath, owner);
      return out;
    }
    switch (code) {
      case 's':
      case 't':
        return typeof v === 'string' ? v : this.fail(v, goPath, owner, goTypeName(code));
      case 'b':
        return typeof v === 'boolean' ? v : this.fail(v, goPath, owner, 'bool');
      case 'i32':
      case 'i64': {
        const max = code === 'i32' ? 2 ** 31 : 2 ** 63;
        if (typeof v === 'number' && Number.isInteger(v) && v >= -max && v < max) return v;
        return this.fail(v, goPath, owner, code === 'i32' ? 'int32' : 'int64');
      }
      case 'f':
        return typeof v === 'number' ? v : this.fail(v, goPath, owner, 'float64');
      case 'q':
        if (typeof v === 'number') return v;
        if (typeof v === 'string') {
          if (!QUANTITY.test(v.trim()) && !this.error) this.error = QUANTITY_ERROR;
          return v;
        }
        return this.fail(v, goPath, owner, 'resource.Quantity');
      case 'ios':
        if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v))) return v;
        return this.fail(v, goPath, owner, 'intstr.IntOrString');
    }
    return v;
  }

  struct(typeName: string, v: Record<string, unknown>, path: string, goPath: string): Record<string, unknown> {
    const fields = API_TYPES[typeName];
    if (!fields) return v;
    const owner = typeName.slice(typeName.lastIndexOf('.') + 1);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const code = fields[k];
      const p = path ? `${path}.${k}` : k;
      if (code === undefined) {
        this.unknown.push(p);
        continue;
      }
      if (x === null) continue;
      out[k] = this.value(code, x, p, goPath ? `${goPath}.${k}` : k, owner);
    }
    return out;
  }

  private fail(v: unknown, goPath: string, owner: string, goType: string): unknown {
    if (!this.error) this.error = `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${owner}.${goPath} of type ${goType}`;
    return v;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** jsonKind names a JSON value as Go's UnmarshalTypeError does ("number 1.5" for a fraction). */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'number' : `number ${v}`;
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** zeroOf is the value a null list item decodes to: the Go zero value, re-encoded. */
function zeroOf(code: string): unknown {
  if (code.startsWith('@') || code.startsWith('{')) return {};
  if (code === 's' || code === 't') return '';
  if (code === 'b') return false;
  if (code === 'i32' || code === 'i64' || code === 'f') return 0;
  return undefined;
}

/** goTypeName prints a wire type as Go names it in errors: []v1.Container, map[string]string, v1.PodSpec. */
export function goTypeName(code: string): string {
  if (code.startsWith('[')) return '[]' + goTypeName(code.slice(1));
  if (code.startsWith('{')) return 'map[string]' + goTypeName(code.slice(1));
  if (code.startsWith('@')) {
    const name = code.slice(1);
    const mod = name.slice(0, name.lastIndexOf('.'));
    return `${mod.slice(mod.lastIndexOf('/') + 1)}.${name.slice(name.lastIndexOf('.') + 1)}`;
  }
  return { s: 'string', t: 'v1.Time', b: 'bool', i32: 'int32', i64: 'int64', f: 'float64', q: 'resource.Quantity', ios: 'intstr.IntOrString', x: 'interface {}' }[code] ?? code;
}
