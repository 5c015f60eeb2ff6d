/**
 * RSA key encodings: PKCS#1 ("RSA PRIVATE KEY", what kubeadm writes), PKCS#8
 * ("PRIVATE KEY", what `openssl genrsa` writes in OpenSSL 3), SubjectPublicKeyInfo
 * ("PUBLIC KEY", sa.pub) and PKCS#1 public keys ("RSA PUBLIC KEY").
 */
import { bitLength } from './bytes.ts';
import {
  bitString, DerError, expect, integer, NULL, octetString, oid, readAll, readInteger, readOid, readSequence, readTlv,
  sequence, TAG,
} from './der.ts';
import { OID } from './oids.ts';
import { decodePemAll, encodePem } from './pem.ts';
import type { RsaPrivateKey, RsaPublicKey } from './rsa.ts';

const RSA_ALGORITHM = sequence(oid(OID.rsaEncryption), NULL);

/** encodePkcs1PrivateKey is the DER of RSAPrivateKey (RFC 8017 A.1.2). */
export function encodePkcs1PrivateKey(k: RsaPrivateKey): Uint8Array {
  return sequence(integer(0), integer(k.n), integer(k.e), integer(k.d), integer(k.p), integer(k.q),
    integer(k.dp), integer(k.dq), integer(k.qi));
}

/** encodePkcs8PrivateKey is the DER of an unencrypted PrivateKeyInfo holding an RSA key. */
export function encodePkcs8PrivateKey(k: RsaPrivateKey): Uint8Array {
  return sequence(integer(0), RSA_ALGORITHM, octetString(encodePkcs1PrivateKey(k)));
}

/** encodePkcs1PublicKey is the DER of RSAPublicKey. */
export function encodePkcs1PublicKey(k: RsaPublicKey): Uint8Array {
  return sequence(integer(k.n), integer(k.e));
}

/** encodeSpki is the DER of SubjectPublicKeyInfo for an RSA key. */
export function encodeSpki(k: RsaPublicKey): Uint8Array {
  return sequence(RSA_ALGORITHM, bitString(encodePkcs1PublicKey(k)));
}

/** privateKeyToPem writes a key in PKCS#1 (kubeadm) or PKCS#8 (openssl genrsa) form. */
export function privateKeyToPem(k: RsaPrivateKey, format: 'pkcs1' | 'pkcs8' = 'pkcs1'): string {
  return format === 'pkcs1'
    ? encodePem('RSA PRIVATE KEY', encodePkcs1PrivateKey(k))
    : encodePem('PRIVATE KEY', encodePkcs8PrivateKey(k));
}

/** publicKeyToPem writes "PUBLIC KEY" (SubjectPublicKeyInfo, as sa.pub) or "RSA PUBLIC KEY" (PKCS#1). */
export function publicKeyToPem(k: RsaPublicKey, format: 'spki' | 'pkcs1' = 'spki'): string {
  return format === 'spki'
    ? encodePem('PUBLIC KEY', encodeSpki(k))
    : encodePem('RSA PUBLIC KEY', encodePkcs1PublicKey(k));
}

/** decodePkcs1PrivateKey reads RSAPrivateKey DER. */
export function decodePkcs1PrivateKey(der: Uint8Array): RsaPrivateKey {
  const f = readSequence(der);
  if (f.length < 9 || readInteger(f[0]) !== 0n) throw new DerError('unsupported RSAPrivateKey version');
  const [n, e, d, p, q, dp, dq, qi] = f.slice(1, 9).map(readInteger) as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
  return { kind: 'rsa', n, e, d, p, q, dp, dq, qi, bits: bitLength(n) };
}

/** decodePkcs8PrivateKey reads an unencrypted PrivateKeyInfo holding an RSA key. */
export function decodePkcs8PrivateKey(der: Uint8Array): RsaPrivateKey {
  const f = readSequence(der);
  const alg = readAll(expect(f[1], TAG.SEQUENCE).value);
  if (readOid(alg[0]) !== OID.rsaEncryption) throw new DerError('not an RSA key');
  return decodePkcs1PrivateKey(expect(f[2], TAG.OCTET_STRING).value);
}

/** decodePkcs1PublicKey reads RSAPublicKey DER. */
export function decodePkcs1PublicKey(der: Uint8Array): RsaPublicKey {
  const f = readSequence(der);
  const n = readInteger(f[0]);
  return { kind: 'rsa', n, e: readInteger(f[1]), bits: bitLength(n) };
}

/** decodeSpki reads SubjectPublicKeyInfo DER holding an RSA key. */
export function decodeSpki(der: Uint8Array): RsaPublicKey {
  const f = readSequence(der);
  const alg = readAll(expect(f[0], TAG.SEQUENCE).value);
  if (readOid(alg[0]) !== OID.rsaEncryption) throw new DerError('not an RSA key');
  const bits = expect(f[1], TAG.BIT_STRING).value;
  return decodePkcs1PublicKey(bits.subarray(1));
}

/** KeyParseError explains why no key could be read from a file. */
export class KeyParseError extends Error {}

/**
 * parsePrivateKeyPem reads the first private key in a PEM file, in either PKCS#1 or
 * PKCS#8 form (other blocks, such as a certificate in kubelet-client-current.pem, are skipped).
 */
export function parsePrivateKeyPem(text: string): RsaPrivateKey {
  for (const b of decodePemAll(text)) {
    if (b.label !== 'RSA PRIVATE KEY' && b.label !== 'PRIVATE KEY') continue;
    if (b.headers?.['Proc-Type']) throw new KeyParseError('encrypted private keys are not supported');
    try {
      return b.label === 'RSA PRIVATE KEY' ? decodePkcs1PrivateKey(b.der) : decodePkcs8PrivateKey(b.der);
    } catch (e) {
      throw new KeyParseError(`malformed private key: ${(e as Error).message}`);
    }
  }
  throw new KeyParseError('no private key found');
}

/** parsePublicKeyPem reads a "PUBLIC KEY" or "RSA PUBLIC KEY" block. */
export function parsePublicKeyPem(text: string): RsaPublicKey {
  for (const b of decodePemAll(text)) {
    try {
      if (b.label === 'PUBLIC KEY') return decodeSpki(b.der);
      if (b.label === 'RSA PUBLIC KEY') return decodePkcs1PublicKey(b.der);
    } catch (e) {
      throw new KeyParseError(`malformed public key: ${(e as Error).message}`);
    }
  }
  throw new KeyParseError('no public key found');
}

/** isDer tells whether bytes start like a DER SEQUENCE, for tools that accept -inform DER. */
export function isDer(b: Uint8Array): boolean {
  try {
    return readTlv(b).tag === TAG.SEQUENCE;
  } catch {
    return false;
  }
}
