/**
 * A reader for the declaration files of the `kubernetes-types` package (which
 * are generated from the Kubernetes OpenAPI definitions and have a fixed,
 * simple shape): imports, documented interfaces with one field per line,
 * inline string maps, and type aliases.
 */

/** TypeExpr is a field's type as the declarations write it. */
export type TypeExpr =
  | { t: 'string' }
  | { t: 'number' }
  | { t: 'boolean' }
  | { t: 'literal'; value: string }
  | { t: 'array'; items: TypeExpr }
  | { t: 'map'; values: TypeExpr }
  | { t: 'union'; of: TypeExpr[] }
  | { t: 'ref'; name: string };

/** Field is one property of an interface. */
export interface Field {
  name: string;
  optional: boolean;
  type: TypeExpr;
  doc?: string;
}

/** Decl is an interface or a type alias of one module. */
export type Decl = { kind: 'interface'; name: string; doc?: string; fields: Field[] } | { kind: 'alias'; name: string; doc?: string; type: TypeExpr };

/** Module is one declaration file: its imports (name → module path) and declarations. */
export interface Module {
  path: string;
  imports: Map<string, string>;
  decls: Decl[];
}

/** parseType reads a type expression such as `Array<Container>`, `number | string`, `"v1"`. */
export function parseType(src: string): TypeExpr {
  const s = src.trim().replace(/;$/, '').trim();
  const parts = splitTop(s, '|');
  if (parts.length > 1) return { t: 'union', of: parts.map(parseType) };
  if (s === 'string') return { t: 'string' };
  if (s === 'number') return { t: 'number' };
  if (s === 'boolean') return { t: 'boolean' };
  if (/^"[^"]*"$/.test(s)) return { t: 'literal', value: s.slice(1, -1) };
  const arr = /^Array<(.*)>$/.exec(s);
  if (arr) return { t: 'array', items: parseType(arr[1]!) };
  if (s.endsWith('[]')) return { t: 'array', items: parseType(s.slice(0, -2)) };
  const map = /^\{\s*\[\w+: string\]: (.*?);?\s*\}$/s.exec(s);
  if (map) return { t: 'map', values: parseType(map[1]!) };
  if (/^[A-Za-z_][\w.]*$/.test(s)) return { t: 'ref', name: s };
  throw new Error(`unsupported type: ${s}`);
}

function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '<' || ch === '{' || ch === '(') depth++;
    if (ch === '>' || ch === '}' || ch === ')') depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim());
}

function cleanDoc(raw: string): string {
  return raw
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

/** parseModule reads one declaration file. */
export function parseModule(path: string, text: string): Module {
  const imports = new Map<string, string>();
  const decls: Decl[] = [];
  const lines = text.split('\n');
  let doc: string | undefined;
  let i = 0;
  const takeDoc = () => {
    const d = doc;
    doc = undefined;
    return d;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    const t = line.trim();
    const imp = /^import \{ (.*) \} from "(.*)";$/.exec(t);
    if (imp) {
      for (const n of imp[1]!.split(',')) imports.set(n.trim(), resolve(path, imp[2]!));
      i++;
      continue;
    }
    if (t.startsWith('/**')) {
      let raw = line;
      while (!raw.trimEnd().endsWith('*/')) raw += '\n' + lines[++i]!;
      doc = cleanDoc(raw.trim());
      i++;
      continue;
    }
    const alias = /^export type (\w+) = (.*);$/.exec(t);
    if (alias) {
      decls.push({ kind: 'alias', name: alias[1]!, doc: takeDoc(), type: parseType(alias[2]!) });
      i++;
      continue;
    }
    const iface = /^export interface (\w+) \{(\})?$/.exec(t);
    if (iface) {
      const d: Decl = { kind: 'interface', name: iface[1]!, doc: takeDoc(), fields: [] };
      decls.push(d);
      i++;
      if (iface[2]) continue;
      let fdoc: string | undefined;
      while (i < lines.length && lines[i]!.trim() !== '}') {
        const fl = lines[i]!;
        const ft = fl.trim();
        if (ft.startsWith('/**')) {
          let raw = fl;
          while (!raw.trimEnd().endsWith('*/')) raw += '\n' + lines[++i]!;
          fdoc = cleanDoc(raw.trim());
          i++;
          continue;
        }
        const fm = /^(?:readonly )?("[^"]+"|[\w$]+)(\?)?: (.*)$/.exec(ft);
        if (!fm) throw new Error(`${path}:${i + 1}: cannot read field: ${ft}`);
        let typeSrc = fm[3]!;
        if (typeSrc === '{') {
          while (!lines[i]!.trim().startsWith('}')) typeSrc += ' ' + lines[++i]!.trim();
          typeSrc = typeSrc.replace(/\};?$/, '}');
        }
        d.fields.push({ name: fm[1]!.replace(/^"|"$/g, ''), optional: fm[2] === '?', type: parseType(typeSrc), ...(fdoc ? { doc: fdoc } : {}) });
        fdoc = undefined;
        i++;
      }
      i++;
      continue;
    }
    i++;
  }
  return { path, imports, decls };
}

/** resolve joins a relative module specifier to the importing module's path ("core/v1" + "../meta/v1" → "meta/v1"). */
export function resolve(from: string, spec: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of spec.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}
