import { ALPHANUMS } from '../../base/rand.ts';

/** fnv32a is the 32-bit FNV-1a hash of a string's UTF-8 bytes. */
export function fnv32a(s: string): number {
  const bytes = new TextEncoder().encode(s);
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * safeEncodeString is apimachinery's rand.SafeEncodeString: each character
 * mapped into the alphabet without vowels, so hashes never spell words.
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += ALPHANUMS[ch.codePointAt(0)! % ALPHANUMS.length];
  return out;
}

/** canonicalJson renders a value with sorted object keys, so equal templates hash equally. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * computeHash is controller.ComputeHash: the FNV-32a hash of the pod template
 * (plus the collision count, when there is one), as the safe-encoded decimal
 * string used for pod-template-hash and the ReplicaSet/ControllerRevision names.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let s = canonicalJson(template);
  if (collisionCount !== undefined && collisionCount !== null) s += `#${collisionCount}`;
  return safeEncodeString(String(fnv32a(s)));
}
