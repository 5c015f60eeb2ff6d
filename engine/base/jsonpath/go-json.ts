/**
 * JSON as kubectl prints it: Go's json.MarshalIndent with four spaces. Objects
 * that came from the server are unstructured maps, whose keys Go sorts;
 * objects kubectl builds itself (generators) keep their struct order, so the
 * caller chooses. Go escapes <, > and & (and U+2028/2029) in strings.
 */
export function toGoJson(value: unknown, opts: { sortKeys: boolean }): string {
  return encode(value, '', opts.sortKeys) + '\n';
}

function encodeString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encode(v: unknown, indent: string, sortKeys: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return encodeString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? formatNumber(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = indent + '    ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + encode(x, inner, sortKeys)).join(',\n')}\n${indent}]`;
  }
  const obj = v as Record<string, unknown>;
  let keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (sortKeys) keys = keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${encodeString(k)}: ${encode(obj[k], inner, sortKeys)}`).join(',\n')}\n${indent}}`;
}

/** formatNumber prints numbers as Go's encoding/json does (integers plainly, floats shortest, exponent past 1e21). */
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const [m, e] = n.toExponential().split('e');
    const en = Number(e);
    return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  return String(n);
}
