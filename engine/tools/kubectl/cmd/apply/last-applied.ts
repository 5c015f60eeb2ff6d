import type { KObject } from '../../../../api/types.ts';

/** LAST_APPLIED is the annotation client-side apply keeps the applied configuration in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** sortedJson is how kubectl serialises the last-applied annotation: compact JSON with sorted keys (unstructured). */
export function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${goString(k)}:${sortedJson(o[k])}`)
      .join(',')}}`;
  }
  if (typeof v === 'string') return goString(v);
  return JSON.stringify(v);
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** withoutLastApplied returns obj without the annotation (and without an emptied annotations map). */
export function withoutLastApplied(obj: KObject): KObject {
  const ann = { ...(obj.metadata?.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  const meta: Record<string, unknown> = { ...obj.metadata };
  if (Object.keys(ann).length) meta.annotations = ann;
  else delete meta.annotations;
  return { ...obj, metadata: meta as KObject['metadata'] };
}

/** withLastApplied returns the manifest annotated with its own last-applied configuration. */
export function withLastApplied(obj: KObject): KObject {
  const clean = withoutLastApplied(obj);
  // kubectl sets the annotations of the unstructured manifest to a non-nil map before
  // serialising it, so the recorded configuration always carries "annotations":{}.
  const recorded = { ...clean, metadata: { ...clean.metadata, annotations: clean.metadata.annotations ?? {} } };
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(clean.metadata.annotations ?? {}), [LAST_APPLIED]: `${sortedJson(recorded)}\n` } } };
}

/** lastAppliedOf parses the annotation of a live object (undefined when absent or unreadable). */
export function lastAppliedOf(live: KObject): Record<string, unknown> | undefined {
  const text = live.metadata?.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
