import type { Registry } from '../registry.ts';
import { apiVersionOf, type ResourceDef } from '../types.ts';

/**
 * The apiserver's OpenAPI documents, built from the registry (paths and
 * operations) and the generated schemas (components): the v3 index at
 * /openapi/v3, one v3 document per group version, and the v2 document.
 * kubectl reads them to check that the server validates fields
 * (fieldValidation on PATCH), to compute strategic merge patches (the
 * x-kubernetes-patch-* extensions) and for `kubectl explain`.
 */

type Schema = Record<string, unknown>;
type Defs = Record<string, Schema>;

const REF = '#/components/schemas/';

/** gvPath is the index key of a group version: api/v1, apis/apps/v1. */
export function gvPath(groupVersion: string): string {
  return groupVersion.includes('/') ? `apis/${groupVersion}` : `api/${groupVersion}`;
}

/** hashOf is a stable hex digest of a document, for the index's cache-busting ?hash=. */
function hashOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).toUpperCase().repeat(8);
}

/** componentOf names a kind's schema: io.k8s.api.apps.v1.Deployment (a custom kind's as the apiserver names it: io.cert-manager.v1.Certificate). */
export function componentOf(def: ResourceDef, defs: Defs): string | undefined {
  if (def.openApiSchema) return crdComponentName(def);
  for (const [name, s] of Object.entries(defs)) {
    const gvks = s['x-kubernetes-group-version-kind'] as { group: string; version: string; kind: string }[] | undefined;
    if (gvks?.some((g) => g.group === def.group && g.version === def.version && g.kind === def.kind)) return name;
  }
  return undefined;
}

/** crdComponentName is the component of a custom kind: its group's labels reversed, then version and kind. */
function crdComponentName(def: ResourceDef): string {
  return `${def.group.split('.').reverse().join('.')}.${def.version}.${def.kind}`;
}

/**
 * crdComponent is a custom kind's schema as the apiextensions-apiserver
 * publishes it: the CRD's openAPIV3Schema with apiVersion, kind and metadata
 * filled in and the kind's group-version-kind.
 */
function crdComponent(def: ResourceDef): Schema {
  const s = def.openApiSchema ?? {};
  const props = (s['properties'] ?? {}) as Record<string, Schema>;
  return {
    ...s,
    type: 'object',
    properties: {
      ...props,
      apiVersion: { description: 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources', type: 'string' },
      kind: { description: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds', type: 'string' },
      metadata: { description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata", allOf: [{ $ref: `${REF}io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta` }] },
    },
    'x-kubernetes-group-version-kind': [{ group: def.group, kind: def.kind, version: def.version }],
  };
}

/** closure collects a schema and every schema it refers to (extra: schemas that are not among the built-in definitions). */
function closure(names: string[], defs: Defs, extra: Defs = {}): Defs {
  const out: Defs = {};
  const visit = (name: string) => {
    const found = extra[name] ?? defs[name];
    if (out[name] || !found) return;
    out[name] = found;
    JSON.stringify(found, (k, v) => {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF)) visit(v.slice(REF.length));
      return v;
    });
  };
  for (const n of names) visit(n);
  return out;
}

const WRITE_PARAMS = [
  { name: 'dryRun', in: 'query', description: 'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed', schema: { type: 'string', uniqueItems: true } },
  { name: 'fieldManager', in: 'query', description: 'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.', schema: { type: 'string', uniqueItems: true } },
  { name: 'fieldValidation', in: 'query', description: 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.', schema: { type: 'string', uniqueItems: true } },
];

function operation(def: ResourceDef, action: string, id: string, component: string | undefined, params: unknown[] = []): Schema {
  const content = component ? { 'application/json': { schema: { $ref: `${REF}${component}` } } } : {};
  return {
    tags: [def.group ? `${def.group.split('.')[0]}_${def.version}` : `core_${def.version}`],
    description: `${action} ${def.kind}`,
    operationId: `${action}${def.kind}`,
    ...(params.length ? { parameters: params } : {}),
    responses: { '200': { description: 'OK', content } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: def.group, version: def.version, kind: def.kind },
  };
}

function pathsFor(def: ResourceDef, defs: Defs): Record<string, Schema> {
  const root = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  const base = def.namespaced ? `${root}/namespaces/{namespace}/${def.plural}` : `${root}/${def.plural}`;
  const component = componentOf(def, defs);
  const has = (v: string) => def.verbs.includes(v);
  const collection: Schema = {};
  if (has('list')) collection.get = operation(def, 'list', `list`, component);
  if (has('create')) collection.post = operation(def, 'post', 'create', component, WRITE_PARAMS);
  if (has('deletecollection')) collection.delete = operation(def, 'deletecollection', 'deleteCollection', undefined);
  const item: Schema = {};
  if (has('get')) item.get = operation(def, 'get', 'read', component);
  if (has('update')) item.put = operation(def, 'put', 'replace', component, WRITE_PARAMS);
  if (has('patch')) item.patch = operation(def, 'patch', 'patch', component, [...WRITE_PARAMS, { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } }]);
  if (has('delete')) item.delete = operation(def, 'delete', 'delete', undefined);
  const out: Record<string, Schema> = {};
  if (Object.keys(collection).length) out[base] = collection;
  if (Object.keys(item).length) out[`${base}/{name}`] = item;
  if (def.namespaced && has('list')) out[`${root}/${def.plural}`] = { get: operation(def, 'list', 'listForAllNamespaces', component) };
  return out;
}

/** openApiV3Document is /openapi/v3/<api/v1|apis/group/version>, or undefined for an unknown group version. */
export function openApiV3Document(registry: Registry, groupVersion: string, defs: Defs, version: string): Schema | undefined {
  const kinds = registry.all().filter((d) => apiVersionOf(d) === groupVersion);
  if (kinds.length === 0) return undefined;
  const paths: Record<string, Schema> = {};
  const components: string[] = ['io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions'];
  const custom: Defs = {};
  for (const def of kinds) {
    Object.assign(paths, pathsFor(def, defs));
    const c = componentOf(def, defs);
    if (c) components.push(c);
    if (c && def.openApiSchema) custom[c] = crdComponent(def);
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version }, paths, components: { schemas: closure(components, defs, custom) } };
}

/** openApiV3Index is /openapi/v3: where each group version's document is. */
export function openApiV3Index(registry: Registry, defs: Defs, version: string): Schema {
  const gvs = [...new Set(registry.all().map(apiVersionOf))].sort();
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of gvs) {
    const doc = openApiV3Document(registry, gv, defs, version);
    if (!doc) continue;
    const p = gvPath(gv);
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hashOf(JSON.stringify(doc))}` };
  }
  return { paths };
}

/** openApiV2 is /openapi/v2 (swagger 2.0): every schema under definitions, references rewritten. */
export function openApiV2(defs: Defs, version: string): Schema {
  const text = JSON.stringify(defs).replaceAll(`"${REF}`, '"#/definitions/');
  const definitions = JSON.parse(text, (_k, v: unknown) => {
    // v3's allOf-wrapped references are plain references in v2.
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Schema;
      if (Array.isArray(o.allOf) && o.allOf.length === 1) {
        const { allOf, default: _d, ...rest } = o;
        return { ...rest, ...(allOf[0] as Schema) };
      }
    }
    return v;
  }) as Defs;
  return { swagger: '2.0', info: { title: 'Kubernetes', version }, paths: {}, definitions };
}
