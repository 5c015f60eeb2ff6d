import { clone } from '../../base/deep.ts';
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
 * the Go struct would leave it. The copy shares nothing with the input (a
 * field that is undefined counts as absent, as in JSON), so the caller may
 * mutate it without copying the request body first.
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

/**
 * decodeTyped checks and normalises obj against the named API type. The
 * top-level fields named in reuse are taken as they are when they hold a
 * frozen value remembered (rememberDecoded) as a clean decode of their type:
 * decoding it again would give an equal value, no unknown field and no error.
 */
export function decodeTyped(typeName: string, obj: Record<string, unknown>, reuse?: ReadonlySet<string>): TypedDecode {
  const d = new Decoder();
  const value = d.struct(typeName, obj, reuse) as Record<string, unknown>;
  return { value, unknown: d.unknown, ...(d.error ? { error: d.error } : {}) };
}

/** decodedClean maps frozen struct values known to decode to themselves to their struct type. */
const decodedClean = new WeakMap<object, string>();

/**
 * rememberDecoded records the frozen spec of obj (an object of the named type
 * that the apiserver decoded, defaulted and validated before storing it) as a
 * clean decode of its type.
 */
export function rememberDecoded(typeName: string, obj: Record<string, unknown>): void {
  let specType = specTypes.get(typeName);
  if (specType === undefined) {
    const w = structOf(typeName)?.fields.get('spec');
    specTypes.set(typeName, (specType = w?.kind === 'struct' ? w.name : ''));
  }
  const v = obj.spec;
  if (specType && v !== null && typeof v === 'object' && Object.isFrozen(v)) decodedClean.set(v, specType);
}

/** specTypes caches the struct type of each type's spec field ('' when it has none). */
const specTypes = new Map<string, string>();

/** Wire is a parsed type code: what a value must be, with its item type for lists and maps. */
interface Wire {
  code: string;
  kind: 'any' | 'struct' | 'list' | 'map' | 'scalar';
  /** name is a struct's type name */
  name: string;
  /** item is a list's or map's item type */
  item: Wire | undefined;
}

/** wires caches parsed codes: every write decodes the same few hundred of them. */
const wires = new Map<string, Wire>();

function wireOf(code: string): Wire {
  let w = wires.get(code);
  if (!w) {
    const c = code.charAt(0);
    if (code === 'x') w = { code, kind: 'any', name: '', item: undefined };
    else if (c === '@') w = { code, kind: 'struct', name: code.slice(1), item: undefined };
    else if (c === '[') w = { code, kind: 'list', name: '', item: wireOf(code.slice(1)) };
    else if (c === '{') w = { code, kind: 'map', name: '', item: wireOf(code.slice(1)) };
    else w = { code, kind: 'scalar', name: '', item: undefined };
    wires.set(code, w);
  }
  return w;
}

/** Struct is an API struct's fields with their parsed wire types, and the name errors give it (its owner). */
interface Struct {
  fields: Map<string, Wire>;
  owner: string;
}

const structs = new Map<string, Struct | undefined>();

function structOf(typeName: string): Struct | undefined {
  let t = structs.get(typeName);
  if (t === undefined && !structs.has(typeName)) {
    const codes = API_TYPES[typeName];
    t = codes ? { fields: new Map(Object.entries(codes).map(([k, code]) => [k, wireOf(code)])), owner: typeName.slice(typeName.lastIndexOf('.') + 1) } : undefined;
    structs.set(typeName, t);
  }
  return t;
}

/** Step kinds of the path being decoded: a struct field ("a.b"), a list index ("a[0]"), a map key (".k" even at the top). */
const FIELD = 0;
const INDEX = 1;
const KEY = 2;

/**
 * Decoder walks a value against its wire type. The path of the value being
 * decoded is kept as a stack of steps and only turned into text when an
 * unknown field or an error needs it.
 */
class Decoder {
  unknown: string[] = [];
  error: string | undefined;
  private stepKinds: number[] = [];
  private steps: (string | number)[] = [];

  value(w: Wire, v: unknown, owner: string): unknown {
    if (v === null) return zeroOf(w.code);
    switch (w.kind) {
      case 'any':
        return clone(v);
      case 'struct':
        if (!isObject(v)) return this.fail(v, owner, w.code);
        return this.struct(w.name, v);
      case 'list': {
        if (!Array.isArray(v)) return this.fail(v, owner, w.code);
        const item = w.item!;
        this.stepKinds.push(INDEX);
        this.steps.push(0);
        const last = this.steps.length - 1;
        const out = v.map((x, i) => {
          this.steps[last] = i;
          return this.value(item, x === null ? (zeroOf(item.code) ?? null) : x, owner);
        });
        this.stepKinds.pop();
        this.steps.pop();
        return out;
      }
      case 'map': {
        if (!isObject(v)) return this.fail(v, owner, w.code);
        const item = w.item!;
        const out: Record<string, unknown> = {};
        this.stepKinds.push(KEY);
        this.steps.push('');
        const last = this.steps.length - 1;
        for (const k of Object.keys(v)) {
          const x = v[k];
          if (x === undefined) continue;
          this.steps[last] = k;
          out[k] = x === null ? (zeroOf(item.code) ?? null) : this.value(item, x, owner);
        }
        this.stepKinds.pop();
        this.steps.pop();
        return out;
      }
    }
    switch (w.code) {
      case 's':
      case 't':
        return typeof v === 'string' ? v : this.fail(v, owner, w.code);
      case 'b':
        return typeof v === 'boolean' ? v : this.fail(v, owner, w.code);
      case 'i32':
      case 'i64': {
        const max = w.code === 'i32' ? 2 ** 31 : 2 ** 63;
        if (typeof v === 'number' && Number.isInteger(v) && v >= -max && v < max) return v;
        return this.fail(v, owner, w.code);
      }
      case 'f':
        return typeof v === 'number' ? v : this.fail(v, owner, w.code);
      case 'q':
        if (typeof v === 'number') return v;
        if (typeof v === 'string') {
          if (!QUANTITY.test(v.trim()) && !this.error) this.error = QUANTITY_ERROR;
          return v;
        }
        return this.fail(v, owner, w.code);
      case 'ios':
        if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v))) return v;
        return this.fail(v, owner, w.code);
    }
    return clone(v);
  }

  struct(typeName: string, v: Record<string, unknown>, reuse?: ReadonlySet<string>): Record<string, unknown> {
    const t = structOf(typeName);
    if (!t) return clone(v);
    const { fields, owner } = t;
    const out: Record<string, unknown> = {};
    this.stepKinds.push(FIELD);
    this.steps.push('');
    const last = this.steps.length - 1;
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === undefined) continue;
      this.steps[last] = k;
      const w = fields.get(k);
      if (w === undefined) {
        this.unknown.push(this.pathText());
        continue;
      }
      if (x === null) continue;
      if (reuse?.has(k) && w.kind === 'struct' && typeof x === 'object' && decodedClean.get(x) === w.name) {
        out[k] = x;
        continue;
      }
      out[k] = this.value(w, x, owner);
    }
    this.stepKinds.pop();
    this.steps.pop();
    return out;
  }

  /** pathText renders the current path as field validation prints it: spec.containers[0].imagee, metadata.labels.app. */
  private pathText(): string {
    let text = '';
    for (let i = 0; i < this.steps.length; i++) {
      const step = this.steps[i]!;
      const kind = this.stepKinds[i];
      if (kind === INDEX) text = `${text}[${step}]`;
      else if (kind === KEY) text = `${text}.${step}`;
      else text = text ? `${text}.${step}` : String(step);
    }
    return text;
  }

  private fail(v: unknown, owner: string, code: string): unknown {
    if (!this.error) this.error = `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${owner}.${this.goPath()} of type ${goTypeName(code)}`;
    return v;
  }

  /** goPath is the Go field path of errors: the struct fields of the path, without list indexes or map keys. */
  private goPath(): string {
    const names: (string | number)[] = [];
    for (let i = 0; i < this.steps.length; i++) if (this.stepKinds[i] === FIELD) names.push(this.steps[i]!);
    return names.join('.');
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
