import type { Decl, Module, TypeExpr } from './dts.ts';

/** JsonSchema is a JSON Schema (draft-07) object. */
export type JsonSchema = Record<string, unknown>;

/** KindEntry is one apiVersion/kind the schema knows, and its definition. */
export interface KindEntry {
  apiVersion: string;
  kind: string;
  def: string;
}

/**
 * Types whose wire form is looser than their declaration: a Quantity is a
 * string or a number in YAML (`cpu: 1`), RawExtension and JSON hold anything.
 */
const OVERRIDES: Record<string, JsonSchema> = {
  'api/resource.Quantity': { anyOf: [{ type: 'string' }, { type: 'number' }] },
  'runtime.RawExtension': {},
  'apiextensions/v1.JSON': {},
};

function defName(module: string, name: string): string {
  return `${module.replace(/\//g, '.')}.${name}`;
}

function typeSchema(t: TypeExpr, m: Module): JsonSchema {
  switch (t.t) {
    case 'string': return { type: 'string' };
    case 'number': return { type: 'number' };
    case 'boolean': return { type: 'boolean' };
    case 'literal': return { type: 'string', enum: [t.value] };
    case 'array': return { type: 'array', items: typeSchema(t.items, m) };
    case 'map': return { type: 'object', additionalProperties: typeSchema(t.values, m) };
    case 'union': {
      const types = t.of.map((x) => typeSchema(x, m));
      // IntOrString fields (ports, maxSurge) are written `number | string`.
      if (types.every((x) => typeof x.type === 'string' && !x.enum)) return { type: types.map((x) => x.type) };
      return { anyOf: types };
    }
    case 'ref': {
      const mod = m.imports.get(t.name) ?? m.path;
      return { $ref: `#/definitions/${defName(mod, t.name)}` };
    }
  }
}

function declSchema(d: Decl, m: Module): JsonSchema {
  const override = OVERRIDES[`${m.path}.${d.name}`];
  if (override) return { ...(d.doc ? { description: d.doc } : {}), ...override };
  if (d.kind === 'alias') return { ...(d.doc ? { description: d.doc } : {}), ...typeSchema(d.type, m) };
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const f of d.fields) {
    properties[f.name] = { ...(f.doc ? { description: f.doc } : {}), ...typeSchema(f.type, m) };
    if (!f.optional) required.push(f.name);
  }
  return {
    ...(d.doc ? { description: d.doc } : {}),
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

/** topLevelKinds lists the documents a manifest can hold: declarations with literal apiVersion and kind, in GA versions, lists left out. */
export function topLevelKinds(modules: Module[]): KindEntry[] {
  const out: KindEntry[] = [];
  for (const m of modules) {
    // meta/v1 holds discovery documents (APIGroup, APIVersions), not objects one writes.
    if (m.path === 'meta/v1') continue;
    for (const d of m.decls) {
      if (d.kind !== 'interface') continue;
      const av = d.fields.find((f) => f.name === 'apiVersion');
      const k = d.fields.find((f) => f.name === 'kind');
      if (av?.type.t !== 'literal' || k?.type.t !== 'literal') continue;
      if (k.type.value.endsWith('List') && d.fields.some((f) => f.name === 'items')) continue;
      // A 1.34 apiserver serves none of these by default; offering them would mislead.
      if (/v\d+(alpha|beta)\d+$/.test(av.type.value) || av.type.value.startsWith('internal.')) continue;
      out.push({ apiVersion: av.type.value, kind: k.type.value, def: defName(m.path, d.name) });
    }
  }
  return out.sort((a, b) => (a.kind === b.kind ? (a.apiVersion < b.apiVersion ? -1 : 1) : a.kind < b.kind ? -1 : 1));
}

/**
 * buildSchema makes one schema for a Kubernetes manifest document. The
 * apiVersion/kind pair chooses the kind's definition through if/then, so
 * errors and completions come from that kind alone; the known values are
 * offered as completions (examples). A document of another kind (a
 * kubeconfig, a KubeletConfiguration) matches no branch and is left alone.
 */
export function buildSchema(modules: Module[]): JsonSchema {
  const definitions: JsonSchema = {};
  for (const m of modules) for (const d of m.decls) definitions[defName(m.path, d.name)] = declSchema(d, m);
  const kinds = topLevelKinds(modules);
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes manifest',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object.', examples: sorted(kinds.map((k) => k.apiVersion)) },
      kind: { type: 'string', description: 'Kind is a string value representing the REST resource this object represents.', examples: sorted(kinds.map((k) => k.kind)) },
    },
    allOf: kinds.map((k) => ({
      if: { properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${k.def}` },
    })),
    definitions,
  };
}
