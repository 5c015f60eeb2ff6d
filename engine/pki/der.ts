/**
 * A minimal DER reader and writer. The certificate structure itself goes through
 * @peculiar/asn1-x509; this covers what that library has no schema for (RSA keys,
 * PKCS#8, PKCS#10) and the raw byte slices a signature covers, which must be
 * taken from the input exactly as written rather than re-encoded.
 */
import { bigIntToBytes, bytesToBigInt, concatBytes } from './bytes.ts';

/** Tag numbers of the universal types used here. */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** DerError is thrown on malformed input; callers turn it into the tool's own error text. */
export class DerError extends Error {}

/** Tlv is one decoded element: its identifier octet, content and the exact bytes it came from. */
export interface Tlv {
  tag: number;
  /** content bytes (a view into the input) */
  value: Uint8Array;
  /** the whole element, header included (a view into the input) */
  raw: Uint8Array;
}

/** readTlv decodes the element starting at offset. */
export function readTlv(buf: Uint8Array, offset = 0): Tlv {
  if (offset + 2 > buf.length) throw new DerError('truncated element');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
  let len = buf[offset + 1]!;
  let p = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > buf.length) throw new DerError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]!;
    p += n;
  }
  if (p + len > buf.length) throw new DerError('truncated element');
  return { tag, value: buf.subarray(p, p + len), raw: buf.subarray(offset, p + len) };
}

/** readAll decodes the consecutive elements inside a constructed value. */
export function readAll(content: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let off = 0;
  while (off < content.length) {
    const t = readTlv(content, off);
    out.push(t);
    off += t.raw.length;
  }
  return out;
}

/** readSequence decodes buf as one SEQUENCE and returns its children, checking nothing trails it. */
export function readSequence(buf: Uint8Array, tag: number = TAG.SEQUENCE): Tlv[] {
  const t = readTlv(buf, 0);
  if (t.tag !== tag) throw new DerError(`expected tag 0x${tag.toString(16)}, got 0x${t.tag.toString(16)}`);
  return readAll(t.value);
}

/** expect checks an element's tag and returns it. */
export function expect(t: Tlv | undefined, tag: number): Tlv {
  if (!t) throw new DerError('missing element');
  if (t.tag !== tag) throw new DerError(`expected tag 0x${tag.toString(16)}, got 0x${t.tag.toString(16)}`);
  return t;
}

/** readInteger decodes a non-negative INTEGER. */
export function readInteger(t: Tlv | undefined): bigint {
  const v = expect(t, TAG.INTEGER).value;
  if (v.length > 0 && v[0]! & 0x80) throw new DerError('negative integer');
  return bytesToBigInt(v);
}

/** readOid decodes an OBJECT IDENTIFIER into dotted form. */
export function readOid(t: Tlv | undefined): string {
  const v = expect(t, TAG.OID).value;
  if (v.length === 0) throw new DerError('empty OID');
  const parts: number[] = [];
  let acc = 0;
  for (const b of v) {
    acc = acc * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(acc);
      acc = 0;
    }
  }
  const first = parts.shift()!;
  const a = first < 40 ? 0 : first < 80 ? 1 : 2;
  return [a, first - 40 * a, ...parts].join('.');
}

function encodeLength(len: number): Uint8Array {
  if (len < 0x80) return Uint8Array.of(len);
  const bytes: number[] = [];
  while (len > 0) {
    bytes.unshift(len & 0xff);
    len = Math.floor(len / 256);
  }
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** tlv encodes one element. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(tag), encodeLength(content.length), content);
}

/** sequence encodes a SEQUENCE of already-encoded elements. */
export function sequence(...items: Uint8Array[]): Uint8Array {
  return tlv(TAG.SEQUENCE, concatBytes(...items));
}

/** integer encodes a non-negative INTEGER (a leading zero keeps it positive). */
export function integer(n: bigint | number): Uint8Array {
  let b = bigIntToBytes(BigInt(n));
  if (b[0]! & 0x80) b = concatBytes(Uint8Array.of(0), b);
  return tlv(TAG.INTEGER, b);
}

/** oid encodes an OBJECT IDENTIFIER from dotted form. */
export function oid(dotted: string): Uint8Array {
  const p = dotted.split('.').map(Number);
  const arcs = [p[0]! * 40 + p[1]!, ...p.slice(2)];
  const out: number[] = [];
  for (const arc of arcs) {
    const enc: number[] = [arc & 0x7f];
    let v = Math.floor(arc / 128);
    while (v > 0) {
      enc.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(...enc);
  }
  return tlv(TAG.OID, Uint8Array.from(out));
}

/** NULL is the encoded ASN.1 NULL. */
export const NULL = Uint8Array.of(0x05, 0x00);

/** octetString encodes an OCTET STRING. */
export function octetString(b: Uint8Array): Uint8Array {
  return tlv(TAG.OCTET_STRING, b);
}

/** bitString encodes a BIT STRING with no unused bits. */
export function bitString(b: Uint8Array): Uint8Array {
  return tlv(TAG.BIT_STRING, concatBytes(Uint8Array.of(0), b));
}

/** contextTag wraps content in a context-specific tag (constructed unless told otherwise). */
export function contextTag(n: number, content: Uint8Array, constructed = true): Uint8Array {
  return tlv((constructed ? 0xa0 : 0x80) | n, content);
}
