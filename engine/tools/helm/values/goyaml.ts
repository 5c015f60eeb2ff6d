import { stringify } from 'yaml';

/** sortKeys orders every map's keys as Go's encoders do (encoding/json sorts map keys). */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}

/**
 * goYaml is YAML as helm writes it (sigs.k8s.io/yaml: JSON first, so map keys
 * sorted; gopkg.in/yaml: a list's items at its key's indentation, no line folding).
 */
export function goYaml(v: unknown): string {
  return stringify(sortKeys(v), { lineWidth: 0, indentSeq: false });
}

/** goJson is encoding/json's Marshal: keys sorted, <, > and & escaped as in HTML. */
export function goJson(v: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(v ?? null), null, indent).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
