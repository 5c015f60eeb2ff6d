import { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import type { PackError } from './types.ts';

/** Schema describes the shape a YAML node must have. */
export type Schema =
  | { t: 'string'; enum?: readonly string[]; pattern?: RegExp; patternText?: string; markdown?: boolean }
  | { t: 'number'; min?: number; integer?: boolean }
  | { t: 'boolean' }
  | { t: 'array'; of: Schema; minItems?: number }
  | { t: 'map'; of: Schema }
  | { t: 'object'; fields: Record<string, Field> }
  /** tagged: an object whose `key` field picks one of the variants */
  | { t: 'tagged'; key: string; variants: Record<string, Schema> }
  /** oneKey: an object told apart by which one of the variant keys it holds */
  | { t: 'oneKey'; variants: Record<string, Schema>; common?: Record<string, Field> };

/** Field is one property of an object schema. */
export interface Field {
  s: Schema;
  required?: boolean;
}

/** Located locates offsets of a file as 1-based line and column. */
export interface Located {
  file: string;
  lc: LineCounter;
}

/** UNSAFE_MARKUP finds markup that would run or embed code if a renderer let HTML through. */
const UNSAFE_MARKUP = /<\s*(script|iframe|object|embed|style|link|meta|form)\b|\bon[a-z]+\s*=\s*["']|javascript:/i;

/** validateNode checks a node against a schema and returns every mistake, located. */
export function validateNode(node: Node | null | undefined, s: Schema, where: Located, path: string, at: number): PackError[] {
  const errs: PackError[] = [];
  const err = (n: Node | null | undefined, message: string) => {
    const off = n?.range?.[0] ?? at;
    const p = where.lc.linePos(off);
    errs.push({ file: where.file, line: p.line, col: p.col, message: `${path || '(top)'}: ${message}` });
  };
  const here = node?.range?.[0] ?? at;
  switch (s.t) {
    case 'string': {
      if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number') || node.value === null) {
        err(node, 'must be a string');
        break;
      }
      const v = String(node.value);
      if (s.enum && !s.enum.includes(v)) err(node, `must be one of ${s.enum.join(', ')} (got "${v}")`);
      if (s.pattern && !s.pattern.test(v)) err(node, `must match ${s.patternText ?? s.pattern.source} (got "${v}")`);
      if (s.markdown && UNSAFE_MARKUP.test(v)) err(node, `contains HTML that could run code (${UNSAFE_MARKUP.exec(v)![0]}); use plain Markdown`);
      break;
    }
    case 'number':
      if (!isScalar(node) || typeof node.value !== 'number') err(node, 'must be a number');
      else if (s.integer && !Number.isInteger(node.value)) err(node, 'must be a whole number');
      else if (s.min !== undefined && node.value < s.min) err(node, `must be at least ${s.min}`);
      break;
    case 'boolean':
      if (!isScalar(node) || typeof node.value !== 'boolean') err(node, 'must be true or false');
      break;
    case 'array':
      if (!isSeq(node)) {
        err(node, 'must be a list');
        break;
      }
      if (s.minItems && node.items.length < s.minItems) err(node, `must have at least ${s.minItems} item(s)`);
      node.items.forEach((it, i) => errs.push(...validateNode(it as Node, s.of, where, `${path}[${i}]`, here)));
      break;
    case 'map':
      if (!isMap(node)) {
        err(node, 'must be a mapping');
        break;
      }
      for (const pair of node.items) errs.push(...validateNode(pair.value as Node, s.of, where, `${path}.${keyOf(pair.key)}`, (pair.key as Node)?.range?.[0] ?? here));
      break;
    case 'object':
      errs.push(...validateObject(node, s.fields, where, path, here));
      break;
    case 'tagged': {
      if (!isMap(node)) {
        err(node, 'must be a mapping');
        break;
      }
      const tag = node.get(s.key, true) as Node | undefined;
      if (!tag) {
        err(node, `${s.key} is required (one of ${Object.keys(s.variants).join(', ')})`);
        break;
      }
      const name = isScalar(tag) ? String(tag.value) : '';
      const variant = s.variants[name];
      if (!variant) {
        err(tag, `unknown ${s.key} "${name}" (one of ${Object.keys(s.variants).join(', ')})`);
        break;
      }
      errs.push(...validateNode(node, variant, where, path, here));
      break;
    }
    case 'oneKey': {
      if (!isMap(node)) {
        err(node, 'must be a mapping');
        break;
      }
      const keys = node.items.map((p) => keyOf(p.key)).filter((k) => k in s.variants);
      if (keys.length !== 1) {
        err(node, keys.length ? `has both ${keys.join(' and ')}; give one` : `needs one of ${Object.keys(s.variants).join(', ')}`);
        break;
      }
      const k = keys[0]!;
      const fields: Record<string, Field> = { ...(s.common ?? {}), [k]: { s: s.variants[k]!, required: true } };
      errs.push(...validateObject(node, fields, where, path, here));
      break;
    }
  }
  return errs;
}

function validateObject(node: Node | null | undefined, fields: Record<string, Field>, where: Located, path: string, at: number): PackError[] {
  const errs: PackError[] = [];
  const pos = (off: number) => where.lc.linePos(off);
  if (!isMap(node)) {
    const p = pos(node?.range?.[0] ?? at);
    return [{ file: where.file, line: p.line, col: p.col, message: `${path || '(top)'}: must be a mapping` }];
  }
  const seen = new Set<string>();
  for (const pair of node.items) {
    const k = keyOf(pair.key);
    const kOff = (pair.key as Node)?.range?.[0] ?? at;
    const f = fields[k];
    if (!f) {
      const p = pos(kOff);
      errs.push({ file: where.file, line: p.line, col: p.col, message: `${path ? path + '.' : ''}${k}: unknown field (allowed: ${Object.keys(fields).join(', ')})` });
      continue;
    }
    seen.add(k);
    errs.push(...validateNode(pair.value as Node, f.s, where, path ? `${path}.${k}` : k, kOff));
  }
  for (const [k, f] of Object.entries(fields)) {
    if (f.required && !seen.has(k)) {
      const p = pos(node.range?.[0] ?? at);
      errs.push({ file: where.file, line: p.line, col: p.col, message: `${path ? path + '.' : ''}${k}: required field is missing` });
    }
  }
  return errs;
}

function keyOf(k: unknown): string {
  return isScalar(k) ? String(k.value) : String(k);
}
