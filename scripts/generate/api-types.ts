/**
 * Writes engine/api/schema/types.generated.ts: the wire types of every
 * built-in Kubernetes API object (field → type), read from the declarations
 * of the `kubernetes-types` package. The apiserver decodes request bodies
 * against it the way Go's JSON decoder does (type errors, unknown fields).
 * Run: node --import tsx scripts/generate/api-types.ts
 */
import { writeFileSync } from 'node:fs';
import { readModules } from '../../app/features/editor/schema/generate.ts';
import { topLevelKinds } from '../../app/features/editor/schema/build.ts';
import type { Decl, Module, TypeExpr } from '../../app/features/editor/schema/dts.ts';

const OUT = 'engine/api/schema/types.generated.ts';

/** Fields the Go types declare as int64 (every other integer is an int32). */
const INT64 = new Set([
  'activeDeadlineSeconds', 'terminationGracePeriodSeconds', 'runAsUser', 'runAsGroup', 'fsGroup', 'expirationSeconds',
  'generation', 'observedGeneration', 'deletionGracePeriodSeconds', 'tolerationSeconds', 'startingDeadlineSeconds',
  'supplementalGroups', 'gracePeriodSeconds', 'remainingItemCount',
]);

/** Declared as `number` but holding fractions in Go (float64). */
const FLOAT = new Set<string>(['maximum', 'minimum', 'multipleOf']);

/**
 * Fields added to GA or beta APIs after the types package's release (1.30),
 * up to the cluster's version (1.34): without them a valid manifest would be
 * reported as having unknown fields.
 */
const LATER_FIELDS: Record<string, Record<string, string>> = {
  'core/v1.ServiceSpec': { trafficDistribution: 's' },
  'core/v1.PodSpec': { resources: '@core/v1.ResourceRequirements', hostnameOverride: 's' },
  'core/v1.Lifecycle': { stopSignal: 's' },
  'core/v1.PodSecurityContext': { seLinuxChangePolicy: 's', supplementalGroupsPolicy: 's' },
  'core/v1.Volume': { image: 'x' },
  'core/v1.PodStatus': { observedGeneration: 'i64' },
  'core/v1.PodCondition': { observedGeneration: 'i64' },
  'core/v1.ContainerStatus': { allocatedResourcesStatus: 'x', user: 'x', stopSignal: 's' },
  'core/v1.NodeStatus': { features: 'x', declaredFeatures: 'x' },
  'core/v1.NodeSystemInfo': { swap: 'x' },
  'batch/v1.JobSpec': { successPolicy: 'x', managedBy: 's', backoffLimitPerIndex: 'i32', maxFailedIndexes: 'i32', podReplacementPolicy: 's' },
  'apps/v1.DeploymentStatus': { terminatingReplicas: 'i32' },
  'apps/v1.ReplicaSetStatus': { terminatingReplicas: 'i32' },
  'discovery/v1.EndpointHints': { forNodes: 'x' },
  'storage/v1.CSIDriverSpec': { nodeAllocatableUpdatePeriodSeconds: 'i64' },
  // The types package leaves out the schema extensions every operator's CRDs use.
  'apiextensions/v1.JSONSchemaProps': {
    'x-kubernetes-embedded-resource': 'b',
    'x-kubernetes-int-or-string': 'b',
    'x-kubernetes-list-map-keys': '[s',
    'x-kubernetes-list-type': 's',
    'x-kubernetes-map-type': 's',
    'x-kubernetes-preserve-unknown-fields': 'b',
    'x-kubernetes-validations': '[@apiextensions/v1.ValidationRule',
  },
};

const ANY = new Set(['runtime.RawExtension', 'apiextensions/v1.JSON', 'meta/v1.FieldsV1', 'meta/v1.Patch']);

function defName(module: string, name: string): string {
  return `${module}.${name}`;
}

function code(t: TypeExpr, m: Module, field: string): string {
  switch (t.t) {
    case 'string':
    case 'literal':
      return 's';
    case 'boolean':
      return 'b';
    case 'number':
      return FLOAT.has(field) ? 'f' : INT64.has(field) ? 'i64' : 'i32';
    case 'array':
      return '[' + code(t.items, m, field);
    case 'map':
      return '{' + code(t.values, m, field);
    case 'union':
      if (t.of.some((x) => x.t === 'number') && t.of.some((x) => x.t === 'string')) return 'ios';
      return 's';
    case 'ref': {
      const name = defName(m.imports.get(t.name) ?? m.path, t.name);
      if (name === 'api/resource.Quantity') return 'q';
      if (name === 'meta/v1.Time' || name === 'meta/v1.MicroTime') return 't';
      if (ANY.has(name)) return 'x';
      return '@' + name;
    }
  }
}

function aliasCode(d: Decl & { kind: 'alias' }, m: Module): string {
  return code(d.type, m, d.name);
}

const modules = readModules();
const types: Record<string, Record<string, string>> = {};
const aliases: Record<string, string> = {};
for (const m of modules) {
  for (const d of m.decls) {
    const name = defName(m.path, d.name);
    if (ANY.has(name)) continue;
    if (d.kind === 'alias') aliases[name] = aliasCode(d, m);
    else types[name] = Object.fromEntries(d.fields.map((f) => [f.name, code(f.type, m, f.name)]));
  }
}
// An alias used as a field type (Quantity, Time) is resolved to its code; other aliases (rare) become their target.
for (const t of Object.values(types)) {
  for (const [k, v] of Object.entries(t)) {
    const ref = v.replace(/^[[{]+@/, '');
    if (v.includes('@') && aliases[ref] !== undefined) t[k] = v.slice(0, v.indexOf('@')) + aliases[ref];
  }
}
for (const [name, extra] of Object.entries(LATER_FIELDS)) {
  if (!types[name]) throw new Error(`LATER_FIELDS names an unknown type ${name}`);
  types[name] = { ...types[name], ...Object.fromEntries(Object.entries(extra).filter(([k]) => !(k in types[name]!))) };
}
const kinds = Object.fromEntries(topLevelKinds(modules).map((k) => [`${k.apiVersion}/${k.kind}`, k.def.replace(/^(.*)\.(\w+)$/, (_, mod: string, n: string) => `${mod.replace(/\./g, '/')}.${n}`)]));

const lines = Object.keys(types).sort().map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(types[k])},`);
writeFileSync(
  OUT,
  `// Generated by scripts/generate/api-types.ts from the kubernetes-types package. Do not edit.\n` +
    `// Codes: s string, b bool, i32/i64/f numbers, q Quantity, ios IntOrString, t time, x any JSON,\n` +
    `// [T array of T, {T map of T, @name another type.\n\n` +
    `/** API_TYPES holds every API struct's fields and their wire types. */\n` +
    `export const API_TYPES: Record<string, Record<string, string>> = {\n${lines.join('\n')}\n};\n\n` +
    `/** API_KINDS names the type of each apiVersion/kind. */\n` +
    `export const API_KINDS: Record<string, string> = ${JSON.stringify(kinds, null, 2)};\n`,
);
console.log(`wrote ${OUT}: ${Object.keys(types).length} types, ${Object.keys(kinds).length} kinds`);
