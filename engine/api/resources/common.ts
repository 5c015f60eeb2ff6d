import { translateTimestampSince } from '../../base/age.ts';
import { parseTime, rfc3339 } from '../../base/clock.ts';
import type { FieldError } from '../../base/errors.ts';
import type { ColumnDef, KObject, PrintContext, ResourceDef, ValidateContext } from '../types.ts';
import { validateMeta, type MetaOptions } from '../validation/meta.ts';
import { DOCS, type DocKey } from './docs.ts';

/** Helpers shared by the resource definitions: columns, verbs, field selectors, defineResource. */

export const NAME_COLUMN: ColumnDef = { name: 'Name', type: 'string', format: 'name', description: DOCS['ObjectMeta.name'], priority: 0 };
export const AGE_COLUMN: ColumnDef = { name: 'Age', type: 'string', description: DOCS['ObjectMeta.creationTimestamp'], priority: 0 };
/** CREATED_AT_COLUMN is the default table's second column (rest.NewDefaultTableConvertor). */
export const CREATED_AT_COLUMN: ColumnDef = { name: 'Created At', type: 'date', description: DOCS['ObjectMeta.creationTimestamp'], priority: 0 };

/** col builds a column; the description is a DOCS key or literal text; priority 1 shows only with -o wide. */
export function col(name: string, type: ColumnDef['type'], description: DocKey | string, priority: 0 | 1 = 0): ColumnDef {
  const text = (DOCS as Record<string, string>)[description] ?? description;
  return { name, type, description: text, priority };
}

/** age renders an object's AGE cell. */
export function age(obj: KObject, ctx: PrintContext): string {
  return timeSince(obj.metadata.creationTimestamp, ctx);
}

/** timeSince renders any timestamp field as an age ("<unknown>" when absent). */
export function timeSince(t: unknown, ctx: PrintContext): string {
  return ctx.since ? ctx.since(parseTime(t)) : translateTimestampSince(parseTime(t), ctx.now);
}

/** createdAt renders the default table's "Created At" cell (RFC 3339, UTC). */
export function createdAt(obj: KObject): string {
  const t = parseTime(obj.metadata.creationTimestamp);
  return t === undefined ? '0001-01-01T00:00:00Z' : rfc3339(t);
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** NO_COLLECTION_DELETE is what namespaces and services serve (no deletecollection). */
export const NO_COLLECTION_DELETE = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
/** CREATE_ONLY is what the review kinds and bindings serve. */
export const CREATE_ONLY = ['create'];

/** metaFields are the field selectors every kind supports. */
export function metaFields(obj: KObject, namespaced: boolean): Record<string, string> {
  const f: Record<string, string> = { 'metadata.name': obj.metadata.name ?? '' };
  if (namespaced) f['metadata.namespace'] = obj.metadata.namespace ?? '';
  return f;
}

/** get reads a dotted path from an object (for rows and field selectors). */
export function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** orNone renders empty values as "<none>", the way printers do. */
export function orNone(v: unknown): string {
  if (v === undefined || v === null || v === '') return '<none>';
  return String(v);
}

type Required = Pick<ResourceDef, 'group' | 'version' | 'kind' | 'plural' | 'namespaced'>;

/** ResourceSpec is what a kind file writes: the required coordinates plus any overrides. */
export type ResourceSpec = Partial<ResourceDef> &
  Required & {
    /** nameFn overrides how metadata.name is checked (default: DNS subdomain). */
    meta?: Omit<MetaOptions, 'namespaced'>;
    /** validateSpec adds the kind's own checks to ObjectMeta's. */
    validateSpec?(obj: KObject, old: KObject | undefined, ctx: ValidateContext): FieldError[];
  };

/**
 * defineResource fills what every kind shares: verbs, categories, the default
 * table (Name, Created At: kinds without a printer), the etcd prefix, and a
 * validate() that runs ObjectMeta's checks before the kind's own.
 */
export function defineResource(spec: ResourceSpec): ResourceDef {
  const { meta, validateSpec, ...def } = spec;
  const validate =
    def.validate ??
    ((obj: KObject, old: KObject | undefined, ctx: ValidateContext): FieldError[] => [
      ...validateMeta(obj, old, { namespaced: def.namespaced, ...meta }),
      ...(validateSpec ? validateSpec(obj, old, ctx) : []),
    ]);
  return {
    singular: def.kind.toLowerCase(),
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    storagePrefix: `/registry/${def.plural}`,
    subresources: [],
    columns: [NAME_COLUMN, CREATED_AT_COLUMN],
    row: (obj) => [obj.metadata.name ?? '', createdAt(obj)],
    fields: (obj) => metaFields(obj, def.namespaced),
    ...def,
    validate,
  };
}
