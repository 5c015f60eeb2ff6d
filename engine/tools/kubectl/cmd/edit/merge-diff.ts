import { deepEqual, isPlainObject } from '../../../../base/deep.ts';

/** createMergePatch is jsonpatch.CreateMergePatch: the RFC 7386 patch that turns original into modified. */
export function createMergePatch(original: unknown, modified: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(original) || !isPlainObject(modified)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(modified)) {
    const o = original[k];
    if (isPlainObject(v) && isPlainObject(o)) {
      const sub = createMergePatch(o, v);
      if (sub) out[k] = sub;
    } else if (!deepEqual(o, v)) {
      out[k] = v;
    }
  }
  for (const k of Object.keys(original)) if (!(k in modified)) out[k] = null;
  return Object.keys(out).length ? out : undefined;
}
