/** Public keys as found in a SubjectPublicKeyInfo: RSA (usable), EC and others (shown, not used). */
import { expect, readAll, readOid, readSequence, TAG } from './der.ts';
import { decodePkcs1PublicKey } from './keys.ts';
import { OID } from './oids.ts';
import type { RsaPublicKey } from './rsa.ts';

/** EcPublicKey is an elliptic-curve key, kept for display (kubelet client certificates use P-256). */
export interface EcPublicKey {
  readonly kind: 'ec';
  /** curve OID (1.2.840.10045.3.1.7 is P-256) */
  readonly curve: string;
  /** the uncompressed point 04‖X‖Y */
  readonly point: Uint8Array;
  readonly bits: number;
}

/** UnknownPublicKey is any other algorithm. */
export interface UnknownPublicKey {
  readonly kind: 'unknown';
  readonly algorithm: string;
  readonly bits: number;
}

/** PublicKey is the key of a certificate or CSR. */
export type PublicKey = RsaPublicKey | EcPublicKey | UnknownPublicKey;

/** parseSpki decodes a SubjectPublicKeyInfo without throwing on algorithms it does not know. */
export function parseSpki(spki: Uint8Array): PublicKey {
  const f = readSequence(spki);
  const alg = readAll(expect(f[0], TAG.SEQUENCE).value);
  const algorithm = readOid(alg[0]);
  const bits = expect(f[1], TAG.BIT_STRING).value.subarray(1);
  if (algorithm === OID.rsaEncryption) return decodePkcs1PublicKey(bits);
  if (algorithm === OID.ecPublicKey) {
    const curve = alg[1]?.tag === TAG.OID ? readOid(alg[1]) : '';
    return { kind: 'ec', curve, point: bits.slice(), bits: ((bits.length - 1) / 2) * 8 };
  }
  return { kind: 'unknown', algorithm, bits: 0 };
}
