import { decodeBase64, encodeBase64, fromUtf8, utf8 } from '../../base/base64.ts';

/** b64encode encodes text (its UTF-8 bytes) to base64. */
export function b64encode(text: string): string {
  return text === '' ? '' : encodeBase64(utf8(text));
}

/** b64encodeBytes encodes raw bytes to base64. */
export function b64encodeBytes(bytes: Uint8Array): string {
  return encodeBase64(bytes);
}

/** b64decode decodes base64, ignoring whitespace; invalid input decodes to nothing, as OpenSSL prints nothing. */
export function b64decode(text: string): string {
  try {
    return fromUtf8(decodeBase64(text.replace(/\s+/g, '')));
  } catch {
    return '';
  }
}
