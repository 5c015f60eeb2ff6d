/**
 * How the apiserver (1.34) prints values inside validation messages.
 * field.Error renders a non-scalar bad value with encoding/json, which sorts
 * map keys; messages built with fmt.Sprintf("%#v") keep Go's syntax.
 */

/** sortedMap copies a map with its keys sorted, as encoding/json writes maps. */
export function sortedMap<T>(m: Record<string, T> | undefined | null): Record<string, T> | null {
  if (!m) return null;
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k]!;
  return out;
}

/** goStringSlice renders a []string with %#v: []string{"a", "b"}. */
export function goStringSlice(v: string[] | undefined | null): string {
  if (!v) return '[]string(nil)';
  return `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}`;
}

/**
 * selectorValue is a metav1.LabelSelector as encoding/json writes it:
 * matchLabels (sorted) then matchExpressions, empty ones omitted.
 */
export function selectorValue(sel: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined | null): unknown {
  if (!sel) return null;
  const out: Record<string, unknown> = {};
  if (sel.matchLabels && Object.keys(sel.matchLabels).length) out.matchLabels = sortedMap(sel.matchLabels);
  if (sel.matchExpressions && sel.matchExpressions.length) out.matchExpressions = sel.matchExpressions;
  return out;
}
