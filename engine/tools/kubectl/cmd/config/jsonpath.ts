/**
 * A small JSONPath evaluator for `config view -o jsonpath=…`: literal text
 * and {…} expressions with .field, ['field'], [n], [*], ..field-free paths and
 * [?(@.field=='value')] filters. Several results are joined by a space and
 * maps or lists print as compact JSON, as kubectl's jsonpath printer does.
 */
export function evalJsonPath(template: string, data: unknown): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = template.indexOf('}', open);
    if (close < 0) throw new Error(`error parsing jsonpath ${template}, unclosed action`);
    const expr = template.slice(open + 1, close).trim();
    out += evaluate(expr, data).map(show).join(' ');
    i = close + 1;
  }
  return out;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  return JSON.stringify(sorted(v));
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])]));
}

function evaluate(expr: string, data: unknown): unknown[] {
  let cur: unknown[] = [data];
  let rest = expr.replace(/^\$/, '');
  while (rest.length) {
    let m: RegExpExecArray | null;
    if ((m = /^\.([\w@$-]+)/.exec(rest))) {
      cur = cur.flatMap((v) => (isObj(v) && m![1]! in v ? [v[m![1]!]] : []));
    } else if ((m = /^\[\*\]/.exec(rest)) || (m = /^\.\*/.exec(rest))) {
      cur = cur.flatMap((v) => (Array.isArray(v) ? v : isObj(v) ? Object.values(v) : []));
    } else if ((m = /^\[(-?\d+)\]/.exec(rest))) {
      const n = Number(m[1]);
      cur = cur.flatMap((v) => (Array.isArray(v) && v.at(n) !== undefined ? [v.at(n)] : []));
    } else if ((m = /^\['([^']*)'\]/.exec(rest)) || (m = /^\["([^"]*)"\]/.exec(rest))) {
      cur = cur.flatMap((v) => (isObj(v) && m![1]! in v ? [v[m![1]!]] : []));
    } else if ((m = /^\[\?\(@((?:\.[\w-]+)+)\s*(==|!=)\s*(?:'([^']*)'|"([^"]*)"|(-?\d+))\)\]/.exec(rest))) {
      const path = m[1]!.slice(1).split('.');
      const want = m[3] ?? m[4] ?? m[5]!;
      const op = m[2];
      cur = cur.flatMap((v) => (Array.isArray(v) ? v : [])).filter((item) => {
        let x: unknown = item;
        for (const p of path) x = isObj(x) ? x[p] : undefined;
        return op === '==' ? String(x) === want : String(x) !== want;
      });
    } else {
      throw new Error(`error parsing jsonpath {${expr}}, unrecognized character in action: U+${rest.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${rest[0]}'`);
    }
    rest = rest.slice(m[0].length);
  }
  return cur;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
