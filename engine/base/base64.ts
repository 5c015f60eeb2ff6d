/** Base64 without DOM or Node globals (the engine's lib is plain ES2022). */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;
LOOKUP['-'.charCodeAt(0)] = 62;
LOOKUP['_'.charCodeAt(0)] = 63;

/** encodeBase64 encodes bytes as standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '=';
  }
  return out;
}

/** Base64Error reports invalid input the way Go's encoding/base64 does ("illegal base64 data at input byte N"). */
export class Base64Error extends Error {
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

/** decodeBase64 decodes standard or URL-safe base64; whitespace is ignored, padding optional. */
export function decodeBase64(text: string, opts: { strict?: boolean } = {}): Uint8Array {
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  let padSeen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || (!opts.strict && (c === 32 || c === 9))) continue;
    if (c === 61) {
      padSeen = true;
      continue;
    }
    const v = c < 256 ? LOOKUP[c]! : -1;
    if (v < 0 || padSeen) throw new Base64Error(i);
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  if (opts.strict && bits >= 6) throw new Base64Error(text.length);
  return Uint8Array.from(out);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** utf8 encodes a string as UTF-8 bytes. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** fromUtf8 decodes UTF-8 bytes. */
export function fromUtf8(b: Uint8Array): string {
  return decoder.decode(b);
}

/** btoaUtf8 is base64 of a string's UTF-8 bytes. */
export function btoaUtf8(s: string): string {
  return encodeBase64(utf8(s));
}

/** atobUtf8 decodes base64 into a string. */
export function atobUtf8(s: string): string {
  return fromUtf8(decodeBase64(s));
}

/** encodeBase64RawUrl is Go's base64.RawURLEncoding: the URL alphabet, no padding. */
export function encodeBase64RawUrl(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * decodeBase64RawUrl is Go's base64.RawURLEncoding.DecodeString: only the URL
 * alphabet (a "+", "/" or "=" is illegal), newlines skipped, and a lone
 * character at the end is corrupt input, reported at its offset.
 */
export function decodeBase64RawUrl(text: string): Uint8Array {
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  let inQuantum = 0;
  let lastAt = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) continue;
    const v = c === 43 || c === 47 || c >= 256 ? -1 : LOOKUP[c]!;
    if (v < 0) throw new Base64Error(i);
    buf = ((buf << 6) | v) & 0xffffff;
    bits += 6;
    inQuantum = (inQuantum + 1) % 4;
    lastAt = i;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  if (inQuantum === 1) throw new Base64Error(lastAt);
  return Uint8Array.from(out);
}
