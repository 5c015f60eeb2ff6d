import { badRequest } from '../base/errors.ts';
import { EVERYTHING, matches, parseSelector, SelectorParseError, type Selector } from '../base/labels.ts';
import type { KObject, ResourceDef } from '../api/types.ts';
import { metaFields } from '../api/resources/common.ts';

/** FieldRequirement is one term of a field selector (only =, == and != exist). */
export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** ObjectFilter is a request's label and field selectors, ready to test objects. */
export interface ObjectFilter {
  labels: Selector;
  fields: FieldRequirement[];
  labelText: string;
  fieldText: string;
}

export const MATCH_ALL: ObjectFilter = { labels: EVERYTHING, fields: [], labelText: '', fieldText: '' };

/** parseFieldSelector parses fields.ParseSelector syntax: a=b,c!=d (with \, escapes). */
export function parseFieldSelector(s: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  if (s.trim() === '') return out;
  for (const term of splitTerms(s)) {
    const ne = term.indexOf('!=');
    const eq2 = term.indexOf('==');
    const eq = term.indexOf('=');
    if (ne >= 0 && (eq < 0 || ne < eq)) out.push({ field: term.slice(0, ne).trim(), op: '!=', value: term.slice(ne + 2).trim() });
    else if (eq2 >= 0 && eq2 === eq) out.push({ field: term.slice(0, eq2).trim(), op: '=', value: term.slice(eq2 + 2).trim() });
    else if (eq >= 0) out.push({ field: term.slice(0, eq).trim(), op: '=', value: term.slice(eq + 1).trim() });
    else throw new SelectorParseError(`invalid selector: '${s}'; can't understand '${term}'`);
  }
  return out;
}

function splitTerms(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** frozenFields caches the fields of the watch cache's frozen objects: every watcher with a field selector (each kubelet's spec.nodeName=…) tests each event. */
const frozenFields = new WeakMap<KObject, { def: ResourceDef; fields: Record<string, string> }>();

/** fieldsOf returns the selectable fields of an object. */
export function fieldsOf(def: ResourceDef, obj: KObject): Record<string, string> {
  const hit = frozenFields.get(obj);
  if (hit && hit.def === def) return hit.fields;
  const fields = def.fields ? def.fields(obj) : metaFields(obj, def.namespaced);
  if (Object.isFrozen(obj)) frozenFields.set(obj, { def, fields });
  return fields;
}

/**
 * buildFilter parses the labelSelector and fieldSelector query parameters,
 * checking field names against what the kind supports, with the apiserver's
 * BadRequest texts.
 */
export function buildFilter(def: ResourceDef, labelText: string | undefined, fieldText: string | undefined, sample: KObject | undefined): ObjectFilter {
  let labels = EVERYTHING;
  let fields: FieldRequirement[] = [];
  try {
    labels = labelText ? parseSelector(labelText) : EVERYTHING;
    fields = fieldText ? parseFieldSelector(fieldText) : [];
  } catch (e) {
    if (e instanceof SelectorParseError) throw badRequest(`unable to parse requirement: ${e.message}`);
    throw e;
  }
  if (fields.length > 0) {
    const probe: KObject = sample ?? { apiVersion: '', kind: def.kind, metadata: {} };
    const known = fieldsOf(def, probe);
    for (const f of fields) {
      if (!(f.field in known)) {
        throw badRequest(`field label not supported: ${f.field}`);
      }
    }
  }
  return { labels, fields, labelText: labelText ?? '', fieldText: fieldText ?? '' };
}

/** filterMatches tests one object against a filter. */
export function filterMatches(def: ResourceDef, f: ObjectFilter, obj: KObject): boolean {
  if (f.labels.requirements.length > 0 || f.labels.nothing) {
    if (!matches(f.labels, obj.metadata.labels)) return false;
  }
  if (f.fields.length > 0) {
    const vals = fieldsOf(def, obj);
    for (const r of f.fields) {
      const v = vals[r.field] ?? '';
      if (r.op === '=' ? v !== r.value : v === r.value) return false;
    }
  }
  return true;
}
