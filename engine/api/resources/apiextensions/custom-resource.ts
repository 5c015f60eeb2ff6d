import type { Cell, ColumnDef, KObject, ResourceDef } from '../../types.ts';
import { isSet, list, rec, str, strs } from '../../validation/util.ts';
import { age, ALL_VERBS, defineResource, NAME_COLUMN, timeSince } from '../common.ts';
import { DOCS } from '../docs.ts';
import { bumpGeneration } from '../strategy.ts';
import { JsonPath } from '../../../base/jsonpath/eval.ts';

/**
 * customResourceDefs turns a CustomResourceDefinition into one ResourceDef per
 * served version: the apiserver registers them when the CRD is created and
 * removes them when it is deleted. Columns come from additionalPrinterColumns
 * (AGE when there are none), cells from their JSONPaths.
 */

/** versionPriority orders versions the way Kubernetes does: v2 > v1 > v1beta2 > v1beta1 > v1alpha1 > others. */
export function versionPriority(v: string): number {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
  if (!m) return -1;
  const major = Number(m[1]);
  const stage = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
  return major * 10000 + stage * 1000 + (m[3] ? Number(m[3]) : 0);
}

/**
 * columnValue reads a printer column as the apiextensions apiserver does:
 * client-go's JSONPath with missing keys allowed, the first result only (an
 * unparsable path or no result leaves the cell empty); string columns print
 * the value as the JSONPath printer would (maps and lists as JSON).
 */
export function columnValue(obj: unknown, path: string, type: string): unknown {
  let jp: JsonPath;
  let results;
  try {
    jp = new JsonPath(`{${path}}`);
    results = jp.findResults(obj as never);
  } catch {
    return undefined;
  }
  const first = results[0]?.[0];
  if (first === undefined || first === null) return undefined;
  return type === 'string' ? jp.printResults([first]) : first;
}

function cell(v: unknown, type: string, ctx: { now: number }): Cell {
  if (v === undefined || v === null) return null;
  if (type === 'date') return timeSince(v, ctx);
  if (type === 'integer' || type === 'number') return typeof v === 'number' ? v : Number(v);
  if (type === 'boolean') return v === true || v === 'true';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** customResourceDefs builds the ResourceDefs of every served version of a CRD object. */
export function customResourceDefs(crd: KObject): ResourceDef[] {
  const spec = rec(crd.spec);
  const names = rec(spec.names);
  const group = str(spec.group);
  const plural = str(names.plural);
  const served = list(spec.versions).filter((v) => v.served !== false);
  const best = [...served].sort((a, b) => versionPriority(str(b.name)) - versionPriority(str(a.name)))[0];
  return served.map((v) => {
    const printer = list(v.additionalPrinterColumns);
    const cols = printer.length
      ? printer.map((c) => ({ name: str(c.name), type: str(c.type) as ColumnDef['type'], format: str(c.format) || undefined, description: str(c.description), priority: (Number(c.priority ?? 0) > 0 ? 1 : 0) as 0 | 1, path: str(c.jsonPath) }))
      : [{ name: 'Age', type: 'date' as const, description: DOCS['ObjectMeta.creationTimestamp'], priority: 0 as const, path: '.metadata.creationTimestamp' }];
    const sub = rec(v.subresources);
    const subresources = [...(isSet(sub.scale) ? ['scale'] : []), ...(isSet(sub.status) ? ['status'] : [])];
    const scale = rec(sub.scale);
    return defineResource({
      group,
      version: str(v.name),
      kind: str(names.kind),
      plural,
      singular: str(names.singular) || str(names.kind).toLowerCase(),
      shortNames: strs(names.shortNames),
      categories: strs(names.categories),
      namespaced: str(spec.scope) === 'Namespaced',
      verbs: ALL_VERBS,
      storagePrefix: `/registry/${group}/${plural}`,
      subresources,
      scale: isSet(sub.scale)
        ? { specReplicasPath: str(scale.specReplicasPath), statusReplicasPath: str(scale.statusReplicasPath), labelSelectorPath: str(scale.labelSelectorPath) || undefined }
        : undefined,
      columns: [NAME_COLUMN, ...cols.map((c): ColumnDef => {
        const out: ColumnDef = { name: c.name, type: c.type, description: c.description, priority: c.priority };
        if ('format' in c && c.format) out.format = c.format;
        return out;
      })],
      row: (obj, ctx) => [obj.metadata.name ?? '', ...cols.map((c) => (c.path === '.metadata.creationTimestamp' && c.type === 'date' ? age(obj, ctx) : cell(columnValue(obj, c.path, c.type), c.type, ctx)))],
      custom: true,
      ...(isSet(rec(v.schema).openAPIV3Schema) ? { openApiSchema: rec(rec(v.schema).openAPIV3Schema) } : {}),
      preferred: v === best,
      ...customStrategy(isSet(sub.status)),
    });
  });
}

/**
 * customStrategy is the custom-resource strategy: generation 1 on create and
 * +1 on any change outside metadata (and outside status when status is a
 * subresource, which then also keeps status on main-resource updates).
 */
function customStrategy(statusSub: boolean): Pick<ResourceDef, 'prepareForCreate' | 'prepareForUpdate' | 'hasStatus'> {
  return {
    hasStatus: statusSub,
    prepareForCreate(obj) {
      if (statusSub) delete obj.status;
      obj.metadata.generation = 1;
    },
    prepareForUpdate(obj, old) {
      const keys = [...new Set([...Object.keys(obj), ...Object.keys(old)])].filter((k) => k !== 'metadata' && k !== 'apiVersion' && k !== 'kind' && !(statusSub && k === 'status'));
      bumpGeneration(obj, old, keys, false);
    },
  };
}
