/**
 * Writes engine/api/openapi/definitions.generated.ts: the OpenAPI v3 schemas
 * of every built-in API type (component name → schema), from the wire types
 * of engine/api/schema/types.generated.ts and the descriptions of the
 * `kubernetes-types` declarations. The apiserver serves them under
 * /openapi/v3 and /openapi/v2; `kubectl explain` reads them.
 * Run: node --import tsx scripts/generate/openapi-defs.ts
 */
import { writeFileSync } from 'node:fs';
import { readModules } from '../../app/features/editor/schema/generate.ts';
import { topLevelKinds } from '../../app/features/editor/schema/build.ts';
import { API_TYPES } from '../../engine/api/schema/types.generated.ts';

const OUT = 'engine/api/openapi/definitions.generated.ts';

/** componentName maps a kubernetes-types module path and type to its OpenAPI name. */
export function componentName(module: string, name: string): string {
  if (module === 'meta/v1') return `io.k8s.apimachinery.pkg.apis.meta.v1.${name}`;
  if (module === 'api/resource') return `io.k8s.apimachinery.pkg.api.resource.${name}`;
  if (module === 'runtime') return `io.k8s.apimachinery.pkg.runtime.${name}`;
  if (module === 'version') return `io.k8s.apimachinery.pkg.version.${name}`;
  if (module.startsWith('apiextensions/')) return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${module.split('/')[1]}.${name}`;
  return `io.k8s.api.${module.replace(/\//g, '.')}.${name}`;
}

function refName(typeKey: string): string {
  const dot = typeKey.lastIndexOf('.');
  return componentName(typeKey.slice(0, dot), typeKey.slice(dot + 1));
}

type Schema = Record<string, unknown>;

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';
const RAW = 'io.k8s.apimachinery.pkg.runtime.RawExtension';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

function schemaOf(code: string): Schema {
  if (code.startsWith('[')) return { type: 'array', items: withDefault(schemaOf(code.slice(1))) };
  if (code.startsWith('{')) return { type: 'object', additionalProperties: withDefault(schemaOf(code.slice(1))) };
  if (code.startsWith('@')) return ref(refName(code.slice(1)));
  switch (code) {
    case 's': return { type: 'string' };
    case 'b': return { type: 'boolean' };
    case 'i32': return { type: 'integer', format: 'int32' };
    case 'i64': return { type: 'integer', format: 'int64' };
    case 'f': return { type: 'number', format: 'double' };
    case 'q': return ref(QUANTITY);
    case 'ios': return ref(INT_OR_STRING);
    case 't': return ref(TIME);
    default: return ref(RAW);
  }
}

/** withDefault wraps a reference as kube-openapi's v3 does: allOf with an empty default, so siblings (description) can sit beside it. */
function withDefault(s: Schema): Schema {
  if (!s.$ref) return s;
  const isScalarRef = s.$ref === `#/components/schemas/${QUANTITY}` || s.$ref === `#/components/schemas/${INT_OR_STRING}` || s.$ref === `#/components/schemas/${TIME}`;
  return isScalarRef ? s : { allOf: [s], default: {} };
}

/** Lists merged by key (patchStrategy/patchMergeKey), as the Go struct tags say. */
const MERGE_KEYS: Record<string, string | undefined> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', env: 'name', volumes: 'name', volumeMounts: 'mountPath',
  volumeDevices: 'devicePath', imagePullSecrets: 'name', hostAliases: 'ip', conditions: 'type', ownerReferences: 'uid', finalizers: undefined,
  topologySpreadConstraints: 'topologyKey', resourceClaims: 'name', schedulingGates: 'name',
};

const modules = readModules();
const docs = new Map<string, { doc?: string; fields: Map<string, string | undefined> }>();
for (const m of modules) {
  for (const d of m.decls) {
    if (d.kind !== 'interface') continue;
    docs.set(`${m.path}.${d.name}`, { doc: d.doc, fields: new Map(d.fields.map((f) => [f.name, f.doc])) });
  }
}
const required = new Map<string, string[]>();
for (const m of modules) for (const d of m.decls) if (d.kind === 'interface') required.set(`${m.path}.${d.name}`, d.fields.filter((f) => !f.optional).map((f) => f.name));

const gvks = new Map<string, { group: string; version: string; kind: string }[]>();
for (const k of topLevelKinds(modules)) {
  const key = k.def.replace(/^(.*)\.(\w+)$/, (_, mod: string, n: string) => `${mod.replace(/\./g, '/')}.${n}`);
  const [group, version] = k.apiVersion.includes('/') ? k.apiVersion.split('/') : ['', k.apiVersion];
  gvks.set(key, [{ group: group!, version: version!, kind: k.kind }]);
}

const out: Record<string, Schema> = {};
for (const [typeKey, fields] of Object.entries(API_TYPES)) {
  const d = docs.get(typeKey);
  const properties: Record<string, Schema> = {};
  for (const name of Object.keys(fields).sort()) {
    const code = fields[name]!;
    let p = schemaOf(code);
    const desc = d?.fields.get(name);
    if (p.$ref && !code.startsWith('[')) p = withDefault(p);
    if (desc) p = { description: desc, ...p };
    if (code.startsWith('[') && name in MERGE_KEYS) {
      const key = MERGE_KEYS[name];
      p = { ...p, ...(key ? { 'x-kubernetes-patch-merge-key': key } : {}), 'x-kubernetes-patch-strategy': 'merge' };
    }
    properties[name] = p;
  }
  const schema: Schema = { ...(d?.doc ? { description: d.doc } : {}), type: 'object', properties };
  const req = required.get(typeKey)?.filter((r) => r !== 'apiVersion' && r !== 'kind');
  if (req?.length) schema.required = req;
  const gvk = gvks.get(typeKey);
  if (gvk) schema['x-kubernetes-group-version-kind'] = gvk;
  out[refName(typeKey)] = schema;
}
out[QUANTITY] = {
  description: 'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.',
  oneOf: [{ type: 'string' }, { type: 'number' }],
};
out[INT_OR_STRING] = { description: 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.', type: 'string', format: 'int-or-string' };
out[TIME] = { description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.', type: 'string', format: 'date-time' };
out[RAW] = { description: 'RawExtension is used to hold extensions in external versions.', type: 'object' };

const json = JSON.stringify(out);
writeFileSync(OUT, `// Generated by scripts/generate/openapi-defs.ts. Do not edit.\n\n/** OPENAPI_DEFINITIONS_JSON holds every built-in type's OpenAPI v3 schema, by component name (parse once, when first needed). */\nexport const OPENAPI_DEFINITIONS_JSON = ${JSON.stringify(json)};\n`);
console.log(`wrote ${OUT}: ${Object.keys(out).length} schemas, ${(json.length / 1024).toFixed(0)} KiB`);
