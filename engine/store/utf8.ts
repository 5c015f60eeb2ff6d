/**
 * UTF-8 helpers. TextEncoder and TextDecoder exist in every place the engine
 * runs (browsers, Web Workers, Node) but are not part of the ES2022 library
 * the engine compiles against, so their few members used here are declared
 * locally.
 */

interface Utf8Encoder {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

interface Utf8Decoder {
  decode(input: Uint8Array): string;
}

declare const TextEncoder: new () => Utf8Encoder;
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => Utf8Decoder;

/** utf8 encodes strings (one shared encoder). */
export const utf8: Utf8Encoder = new TextEncoder();

/** utf8Strict decodes UTF-8 and throws on malformed input. */
export const utf8Strict: Utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** utf8Length returns the number of bytes s takes in UTF-8, without encoding it. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      // A surrogate pair is one 4-byte character: 2 units, 4 bytes.
      if (d >= 0xdc00 && d < 0xe000) {
        n += 2;
        i++;
      } else n += 2;
    } else n += 2;
  }
  return n;
}
