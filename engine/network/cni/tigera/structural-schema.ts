import { openApiDefinitions } from '../../../api/openapi/load.ts';

type Schema = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

/**
 * structuralSchema writes a Kubernetes type's OpenAPI schema the way a CRD
 * must carry it (controller-gen's output): every $ref inlined, descriptions
 * kept, quantities and int-or-strings as x-kubernetes-int-or-string. The
 * operator's CRDs embed core types (affinity, tolerations, resources) this
 * way, which is why they are large. Empty while the OpenAPI definitions
 * have not loaded.
 */
export function structuralSchema(component: string): Schema {
  const defs = openApiDefinitions();
  if (!defs) return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  return inline(defs[component] ?? {}, defs, new Set([component]));
}

function inline(schema: Schema, defs: Record<string, Schema>, seen: Set<string>): Schema {
  const ref = refOf(schema);
  if (ref) {
    if (ref === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return withDescription(quantity(), schema);
    if (ref === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString') return withDescription({ anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true }, schema);
    if (ref === 'io.k8s.apimachinery.pkg.apis.meta.v1.Time') return withDescription({ type: 'string', format: 'date-time' }, schema);
    // A type that contains itself cannot be inlined; controller-gen stops the same way, with an open object.
    if (seen.has(ref)) return withDescription({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, schema);
    const inner = inline(defs[ref] ?? {}, defs, new Set([...seen, ref]));
    return withDescription(inner, schema);
  }
  const out: Schema = {};
  if (typeof schema['description'] === 'string') out['description'] = schema['description'];
  for (const key of ['type', 'format', 'enum', 'required'] as const) if (schema[key] !== undefined) out[key] = schema[key];
  if (schema['items']) out['items'] = inline(schema['items'] as Schema, defs, seen);
  if (schema['properties']) {
    const props: Schema = {};
    for (const [name, p] of Object.entries(schema['properties'] as Record<string, Schema>)) props[name] = inline(p, defs, seen);
    out['properties'] = props;
  }
  if (schema['additionalProperties'] && typeof schema['additionalProperties'] === 'object') out['additionalProperties'] = inline(schema['additionalProperties'] as Schema, defs, seen);
  for (const key of ['x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type'] as const) if (schema[key] !== undefined) out[key] = schema[key];
  return out;
}

/** refOf is the component a schema points at, directly or as the single member of allOf. */
function refOf(schema: Schema): string | undefined {
  const direct = schema['$ref'];
  if (typeof direct === 'string') return direct.slice(REF_PREFIX.length);
  const all = schema['allOf'] as Schema[] | undefined;
  if (all?.length === 1 && typeof all[0]!['$ref'] === 'string') return (all[0]!['$ref'] as string).slice(REF_PREFIX.length);
  return undefined;
}

function withDescription(inner: Schema, outer: Schema): Schema {
  const description = typeof outer['description'] === 'string' ? outer['description'] : inner['description'];
  const { description: _d, ...rest } = inner;
  return description === undefined ? rest : { description, ...rest };
}

function quantity(): Schema {
  return { anyOf: [{ type: 'integer' }, { type: 'string' }], pattern: '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$', 'x-kubernetes-int-or-string': true };
}
