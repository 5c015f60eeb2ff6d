import { indent, wrap } from './wrap.ts';

type Schema = Record<string, unknown> & {
  $ref?: string;
  description?: string;
  type?: string;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  externalDocs?: { description?: string; url?: string };
};

/** Doc is an OpenAPI v3 document (components.schemas is what explain reads). */
export interface Doc {
  components?: { schemas?: Record<string, Schema> };
}

function resolve(ref: string | undefined, doc: Doc): Schema | undefined {
  if (!ref) return undefined;
  return doc.components?.schemas?.[ref.split('/').pop()!];
}

const mapOf = (s: Schema) => (s.additionalProperties && typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);

/** typeGuess is explain's short type name: string, []Container, map[string]string, Object. */
export function typeGuess(s: Schema, doc: Doc): string {
  if (s.items) return `[]${typeGuess(s.items, doc)}`;
  const m = mapOf(s);
  if (m) return `map[string]${typeGuess(m, doc)}`;
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0]!, doc);
  if (s.$ref) {
    const r = resolve(s.$ref, doc);
    if (!r || !r.type || r.type === 'object') return s.$ref.split('/').pop()!.split('.').pop() || 'Object';
    return r.type || 'Object';
  }
  if (s.type === 'object') return 'Object';
  return s.type || 'Object';
}

function description(s: Schema, doc: Doc): string {
  const r = resolve(s.$ref, doc) ?? s;
  let out = r.description ? `${r.description}\n` : '';
  for (const a of r.allOf ?? []) out += description(a, doc);
  if (r.items) out += description(r.items, doc);
  const m = mapOf(r);
  if (m) out += description(m, doc);
  return out;
}

function enumText(s: Schema, long: boolean, limit: number, indentAmount: number): string {
  if (!s.enum?.length) return '';
  let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < s.enum.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !long) out += ', ';
    else if (long) out += '\n    ';
    const e = s.enum[i];
    out += e === '' ? '""' : String(e);
  }
  return out;
}

function fieldDetail(name: string, parent: Schema, short: boolean, level: number, doc: Doc): string {
  const ind = level * 2;
  const f = parent.properties![name]!;
  let out = `${indent(name, ind)}\t<${typeGuess(f, doc)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += enumText(f, false, 4, ind);
  out += '\n';
  if (!short) {
    out += `${indent(wrap(f.description || '<no description>', 78 - ind), ind + 2)}\n`;
    if (f.externalDocs) {
      out += `\n${indent('EXTERNAL DOCS:', ind + 2)}\n`;
      if (f.externalDocs.description) out += `${indent(wrap(f.externalDocs.description, 76 - ind), ind + 4)}\n`;
      if (f.externalDocs.url) out += `${indent(`URL: ${f.externalDocs.url}`, ind + 4)}\n`;
    }
    out += '\n';
  }
  return out;
}

function fieldList(s: Schema, level: number, recursive: boolean, history: Set<string>, doc: Doc): string {
  const ref = s.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history);
  if (ref) next.add(ref);
  const r = resolve(ref, doc) ?? s;
  let out = '';
  for (const k of Object.keys(r.properties ?? {}).sort()) {
    out += fieldDetail(k, r, recursive, level, doc);
    if (recursive) out += fieldList(r.properties![k]!, level + 1, recursive, next, doc);
  }
  for (const a of r.allOf ?? []) out += fieldList(a, level, recursive, next, doc);
  if (r.items) out += fieldList(r.items, level, recursive, next, doc);
  const m = mapOf(r);
  if (m) out += fieldList(m, level, recursive, next, doc);
  return out;
}

/**
 * output follows a field path down a schema and renders the FIELD,
 * DESCRIPTION and FIELDS sections of kubectl explain's plaintext template.
 * It returns '' when the path leads nowhere.
 */
export function output(s: Schema, path: string[], recursive: boolean, history: Set<string>, doc: Doc): string {
  const ref = s.$ref ?? '';
  const next = new Set(history);
  if (ref) next.add(ref);
  const r = resolve(ref, doc) ?? s;
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(wrap(description(r, doc) || '<empty>', 76), 4)}\n`;
    if (r.externalDocs) {
      out += '\nEXTERNAL DOCS:\n';
      if (r.externalDocs.description) out += `${indent(wrap(r.externalDocs.description, 76), 4)}\n`;
      if (r.externalDocs.url) out += `${indent(`URL: ${r.externalDocs.url}`, 4)}\n`;
    }
    const fields = fieldList(r, 1, recursive, new Set(), doc);
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const sub = r.properties?.[path[0]!];
  if (sub) {
    let head = '';
    if (path.length === 1) head = `FIELD: ${path[0]} <${typeGuess(sub, doc)}>\n${enumText(sub, true, -1, 0)}\n\n`;
    return head + output(sub, path.slice(1), recursive, new Set(), doc);
  }
  if (r.items) return output(r.items, path, recursive, next, doc);
  const m = mapOf(r);
  if (m) return output(m, path, recursive, next, doc);
  for (const a of r.allOf ?? []) {
    const o = output(a, path, recursive, next, doc);
    if (o) return o;
  }
  return '';
}
