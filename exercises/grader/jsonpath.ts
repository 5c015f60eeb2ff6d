/**
 * A small JSONPath evaluator with kubectl's template syntax, for checks:
 * `{.spec.replicas}`, `{.items[*].metadata.name}`, `{.spec.containers[0].image}`,
 * `{.status.conditions[?(@.type=="Ready")].status}`, `{.data.ca\.crt}`, `..name`,
 * and literal text between templates. Results print as kubectl prints them:
 * several values joined by a space, objects and lists as JSON.
 * (kubectl's own jsonpath printer lives with the printers; this one only reads.)
 */

type Seg = { k: 'key'; name: string } | { k: 'index'; i: number } | { k: 'slice'; start?: number; end?: number } | { k: 'all' } | { k: 'deep'; name: string } | { k: 'filter'; path: Seg[]; op?: string; value?: unknown };

/** JsonPathError is a template that cannot be parsed. */
export class JsonPathError extends Error {}

/** evalJsonPath evaluates a template against a value; a path that finds nothing prints as empty. */
export function evalJsonPath(template: string, data: unknown): string {
  let out = '';
  let i = 0;
  const t = template.includes('{') ? template : `{${template}}`;
  while (i < t.length) {
    const open = t.indexOf('{', i);
    if (open < 0) {
      out += t.slice(i);
      break;
    }
    out += t.slice(i, open);
    const close = t.indexOf('}', open);
    if (close < 0) throw new JsonPathError(`unclosed action in ${template}`);
    out += evalExpr(t.slice(open + 1, close).trim(), data).map(show).join(' ');
    i = close + 1;
  }
  return out;
}

/** queryJsonPath returns the values a single path selects. */
export function queryJsonPath(path: string, data: unknown): unknown[] {
  return evalExpr(path.replace(/^\{|\}$/g, '').trim(), data);
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function evalExpr(expr: string, data: unknown): unknown[] {
  if (expr.startsWith('"') && expr.endsWith('"')) return [expr.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t')];
  const segs = parsePath(expr.replace(/^\$/, ''));
  return apply(segs, [data]);
}

function apply(segs: Seg[], start: unknown[]): unknown[] {
  let cur = start;
  for (const s of segs) {
    const next: unknown[] = [];
    for (const v of cur) step(s, v, next);
    cur = next;
  }
  return cur;
}

function step(s: Seg, v: unknown, out: unknown[]): void {
  switch (s.k) {
    case 'key':
      if (v && typeof v === 'object' && !Array.isArray(v) && s.name in (v as object)) out.push((v as Record<string, unknown>)[s.name]);
      return;
    case 'index':
      if (Array.isArray(v)) {
        const i = s.i < 0 ? v.length + s.i : s.i;
        if (i >= 0 && i < v.length) out.push(v[i]);
      }
      return;
    case 'slice':
      if (Array.isArray(v)) out.push(...v.slice(s.start ?? 0, s.end ?? v.length));
      return;
    case 'all':
      if (Array.isArray(v)) out.push(...v);
      else if (v && typeof v === 'object') out.push(...Object.values(v));
      return;
    case 'deep':
      deep(v, s.name, out);
      return;
    case 'filter':
      if (!Array.isArray(v)) return;
      for (const item of v) {
        const got = apply(s.path, [item]);
        if (s.op === undefined ? got.length > 0 : got.some((g) => compare(g, s.op!, s.value))) out.push(item);
      }
  }
}

function deep(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) for (const x of v) deep(x, name, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === name) out.push(x);
      deep(x, name, out);
    }
  }
}

function compare(a: unknown, op: string, b: unknown): boolean {
  const x = typeof b === 'number' ? Number(a) : String(a);
  switch (op) {
    case '==':
      return x === b;
    case '!=':
      return x !== b;
    case '<':
      return (x as number) < (b as number);
    case '>':
      return (x as number) > (b as number);
    case '<=':
      return (x as number) <= (b as number);
    case '>=':
      return (x as number) >= (b as number);
  }
  return false;
}

function parsePath(p: string): Seg[] {
  const segs: Seg[] = [];
  let i = 0;
  const name = (): string => {
    let s = '';
    while (i < p.length && p[i] !== '.' && p[i] !== '[') {
      if (p[i] === '\\' && i + 1 < p.length) i++;
      s += p[i++];
    }
    return s;
  };
  while (i < p.length) {
    if (p.startsWith('..', i)) {
      i += 2;
      segs.push({ k: 'deep', name: name() });
    } else if (p[i] === '.') {
      i++;
      const n = name();
      if (n === '*') segs.push({ k: 'all' });
      else if (n) segs.push({ k: 'key', name: n });
    } else if (p[i] === '[') {
      const close = matchBracket(p, i);
      const inner = p.slice(i + 1, close).trim();
      i = close + 1;
      segs.push(bracket(inner));
    } else {
      segs.push({ k: 'key', name: name() });
    }
  }
  return segs;
}

function matchBracket(p: string, i: number): number {
  let depth = 0;
  let q = '';
  for (let j = i; j < p.length; j++) {
    const c = p[j]!;
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  throw new JsonPathError(`unterminated [ in ${p}`);
}

function bracket(inner: string): Seg {
  if (inner === '*') return { k: 'all' };
  if (/^-?\d+$/.test(inner)) return { k: 'index', i: Number(inner) };
  const sl = /^(-?\d*):(-?\d*)$/.exec(inner);
  if (sl) return { k: 'slice', start: sl[1] ? Number(sl[1]) : undefined, end: sl[2] ? Number(sl[2]) : undefined };
  const q = /^['"](.*)['"]$/.exec(inner);
  if (q) return { k: 'key', name: q[1]! };
  const f = /^\?\(\s*@(.*?)\s*(?:(==|!=|<=|>=|<|>)\s*(.+?))?\s*\)$/.exec(inner);
  if (f) {
    const raw = f[3];
    let value: unknown;
    if (raw !== undefined) value = /^['"].*['"]$/.test(raw) ? raw.slice(1, -1) : Number.isNaN(Number(raw)) ? raw : Number(raw);
    return { k: 'filter', path: parsePath(f[1]!), op: f[2], value };
  }
  throw new JsonPathError(`unsupported [${inner}]`);
}
