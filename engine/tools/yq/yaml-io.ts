import { Document, isMap, isScalar, isSeq, parseAllDocuments, Pair, Scalar, type Node as YamlNode } from 'yaml';
import { fromJS, isObject, type Value } from '../jq/values.ts';
import { compare } from '../jq/values.ts';

/**
 * YAML in and out for yq: documents are read with the `yaml` package, turned
 * into jq values for the interpreter, and written back by reconciling the
 * result with the original document, so untouched nodes keep their comments,
 * quoting and flow style (as yq does on go-yaml's node tree).
 */
export interface ParsedDoc {
  value: Value;
  doc: Document;
}

export class YamlError extends Error {}

export function parseDocuments(text: string): ParsedDoc[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return [];
  const out: ParsedDoc[] = [];
  for (const d of docs) {
    const err = d.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? 1;
      throw new YamlError(`yaml: line ${line}: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    // an empty stream (or a trailing ---) holds no value
    if (d.contents === null && out.length > 0) continue;
    out.push({ value: fromJS(d.toJS({ mapAsMap: true, maxAliasCount: -1 })), doc: d });
  }
  return out;
}

const STRINGIFY = { indentSeq: true, lineWidth: 0, flowCollectionPadding: false } as const;

/** toYamlText renders a value as a fresh YAML document (yq's -P, or results with no source node). */
export function toYamlText(v: Value, indent: number): string {
  const d = new Document(toPlain(v));
  return d.toString({ ...STRINGIFY, indent });
}

/** toPlain converts jq values to what the yaml package stringifies (Maps stay Maps, keeping order). */
function toPlain(v: Value): unknown {
  if (Array.isArray(v)) return v.map(toPlain);
  if (isObject(v)) return new Map([...v].map(([k, x]) => [k, toPlain(x)]));
  return v;
}

function scalarEquals(node: Scalar, v: Value): boolean {
  const nv = node.value;
  if (nv === null || nv === undefined) return v === null;
  if (typeof nv === 'boolean' || typeof nv === 'number' || typeof nv === 'string') return compare(nv, v) === 0;
  return false;
}

/** reconcile makes node hold v, reusing every node (and its comments and style) that already does. */
function reconcile(doc: Document, node: unknown, v: Value): unknown {
  if (isScalar(node) && !Array.isArray(v) && !isObject(v)) {
    // update the scalar in place: its anchor, comment and quoting stay, as yq's node updates keep them
    if (!scalarEquals(node, v)) node.value = v;
    return node;
  }
  if (isMap(node) && isObject(v)) {
    // an empty flow map ({}) that gains entries is written in block style, as go-yaml does
    if (node.items.length === 0 && v.size > 0) node.flow = false;
    const items: Pair[] = [];
    for (const [k, x] of v) {
      const old = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === k);
      if (old) {
        old.value = reconcile(doc, old.value, x) as YamlNode;
        items.push(old);
      } else items.push(doc.createPair(k, toPlain(x)) as Pair);
    }
    node.items = items;
    return node;
  }
  if (isSeq(node) && Array.isArray(v)) {
    if (node.items.length === 0 && v.length > 0) node.flow = false;
    node.items = v.map((x, i) => reconcile(doc, node.items[i], x));
    return node;
  }
  return doc.createNode(toPlain(v));
}

/** renderResult prints one result of a document: scalars bare (yq unwraps them), collections as YAML keeping the source's comments. */
export function renderResult(v: Value, source: Document | undefined, indent: number, pretty: boolean): string {
  if (!Array.isArray(v) && !isObject(v)) return scalarText(v) + '\n';
  if (!source || pretty) return toYamlText(v, indent);
  const d = source.clone();
  const root = d.contents;
  if ((Array.isArray(v) && isSeq(root)) || (isObject(v) && isMap(root))) {
    d.contents = reconcile(d, root, v) as typeof d.contents;
    return d.toString({ ...STRINGIFY, indent });
  }
  return toYamlText(v, indent);
}

/** scalarText is an unwrapped scalar as yq prints it. */
export function scalarText(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  return String(v);
}

export { fromJS };
