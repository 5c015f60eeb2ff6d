/**
 * Key order and key ranges. etcd keys are bytes compared with bytes.Compare;
 * ours are strings, and the UTF-8 byte order of two strings is their code
 * point order. JavaScript's `<` compares UTF-16 code units instead, which
 * agrees with code point order except when the first difference pairs a
 * surrogate (U+D800–DFFF, half of an astral character) with a character in
 * U+E000–U+FFFF. So the fast native comparison is used whenever one side has
 * no character at or above U+D800, and an exact slow path otherwise.
 */

const HIGH = /[\uD800-\uFFFF]/;

/** hasHighChar says whether s holds a character whose UTF-16 order may differ from its UTF-8 order. */
export function hasHighChar(s: string): boolean {
  return HIGH.test(s);
}

/** compareNative compares by UTF-16 code units: exact whenever one side has no high character. */
export function compareNative(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** compareCodePoints compares two strings in UTF-8 byte (code point) order. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Lift surrogates above U+E000–U+FFFF, where their code points belong.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** compareKeys orders keys exactly as etcd orders their UTF-8 bytes. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (!HIGH.test(a) || !HIGH.test(b)) return a < b ? -1 : 1;
  return compareCodePoints(a, b);
}

/** comparatorFor picks the cheapest exact comparator for comparing q against any key. */
export function comparatorFor(q: string): (a: string, b: string) => number {
  return HIGH.test(q) ? compareCodePoints : compareNative;
}

/**
 * KeyRange is a request's key selection, resolved the way etcd resolves
 * key/range_end: one key, a prefix, a half-open interval, or every key from
 * a start ("\0" as range end). A prefix is kept as a prefix because its byte
 * range end (the last byte plus one) is not always a valid string.
 */
export type KeyRange =
  | { readonly kind: 'single'; readonly key: string }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'range'; readonly start: string; readonly end: string }
  | { readonly kind: 'from'; readonly start: string };

/**
 * keyRange resolves (key, rangeEnd, prefix). As in clientv3, a prefix of ""
 * means every key (key "\0", range end "\0").
 */
export function keyRange(key: string, rangeEnd?: string, prefix?: boolean): KeyRange {
  if (prefix) return key === '' ? { kind: 'from', start: '\0' } : { kind: 'prefix', prefix: key };
  if (rangeEnd === undefined || rangeEnd === '') return { kind: 'single', key };
  if (rangeEnd === '\0') return { kind: 'from', start: key };
  return { kind: 'range', start: key, end: rangeEnd };
}

/** rangeStart is the first key a range may hold. */
export function rangeStart(r: KeyRange): string {
  switch (r.kind) {
    case 'single':
      return r.key;
    case 'prefix':
      return r.prefix;
    default:
      return r.start;
  }
}

/** inRange says whether key k lies in r. */
export function inRange(r: KeyRange, k: string): boolean {
  switch (r.kind) {
    case 'single':
      return k === r.key;
    case 'prefix':
      return k.startsWith(r.prefix);
    case 'range':
      return compareKeys(k, r.start) >= 0 && compareKeys(k, r.end) < 0;
    case 'from':
      return compareKeys(k, r.start) >= 0;
  }
}

/**
 * pastEnd says whether key k, met while walking the sorted keys upward from
 * rangeStart(r), is already beyond the range (so the walk can stop).
 */
export function pastEnd(r: KeyRange, k: string): boolean {
  switch (r.kind) {
    case 'single':
      return k !== r.key;
    case 'prefix':
      return !k.startsWith(r.prefix);
    case 'range':
      return compareKeys(k, r.end) >= 0;
    case 'from':
      return false;
  }
}
