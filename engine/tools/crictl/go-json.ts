/**
 * crictl's inspect commands pass the runtime's answer through Go maps before
 * printing it (outputStatusData): encoding/json then sorts every object's keys,
 * escapes <, > and & as \u003c, \u003e, \u0026, and json.Indent indents by two
 * spaces. goMapJson prints a value the same way.
 */
export function goMapJson(value: unknown): string {
  return JSON.stringify(sortDeep(value), null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  // Go compares keys byte-wise; for the ASCII keys of these answers that is code-unit order
  return Object.fromEntries(Object.keys(o).filter((k) => o[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => [k, sortDeep(o[k])]));
}

/** rfc3339Nano is Go's time.Format(time.RFC3339Nano) in UTC: fractional seconds without trailing zeros. */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, (_, f: string) => (/^0+$/.test(f) ? 'Z' : `.${f.replace(/0+$/, '')}Z`));
}

/** ZERO_TIME is Go's zero time.Time as RFC3339Nano: what crictl prints for a start or finish that has not happened. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';
