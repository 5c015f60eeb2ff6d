/**
 * RSA with BigInt: PKCS#1 v1.5 signatures (RSASSA-PKCS1-v1_5), the only scheme
 * kubeadm, the apiserver's ServiceAccount tokens and OpenSSL's defaults use.
 * Everything is synchronous; private-key operations use the CRT parameters.
 */
import { bigIntToBytes, bitLength, bytesToBigInt, concatBytes, fromHex, gcd, modInverse, modPow } from './bytes.ts';
import { DIGEST_INFO_PREFIX, digest, type HashName } from './hash.ts';
import { isRehearsalSignature, presigned, signedSlowly } from './presign.ts';

/** RsaPublicKey is a modulus and a public exponent. */
export interface RsaPublicKey {
  readonly kind: 'rsa';
  readonly n: bigint;
  readonly e: bigint;
  /** modulus size in bits (2048 for every key kubeadm makes) */
  readonly bits: number;
}

/** RsaPrivateKey carries every PKCS#1 field, so it serialises exactly as OpenSSL writes it. */
export interface RsaPrivateKey extends RsaPublicKey {
  readonly d: bigint;
  readonly p: bigint;
  readonly q: bigint;
  readonly dp: bigint;
  readonly dq: bigint;
  readonly qi: bigint;
}

/** DEFAULT_E is the public exponent everyone uses (F4). */
export const DEFAULT_E = 65537n;

/**
 * rsaKeyFromPrimes derives a full private key from its two primes. d is taken
 * modulo lcm(p-1, q-1), as OpenSSL 3 computes it, so a key rebuilt from its primes
 * re-encodes to the same bytes OpenSSL wrote.
 */
export function rsaKeyFromPrimes(p: bigint, q: bigint, e: bigint = DEFAULT_E): RsaPrivateKey {
  const n = p * q;
  const p1 = p - 1n;
  const q1 = q - 1n;
  const lambda = (p1 / gcd(p1, q1)) * q1;
  const d = modInverse(e, lambda);
  return { kind: 'rsa', n, e, bits: bitLength(n), d, p, q, dp: d % p1, dq: d % q1, qi: modInverse(q, p) };
}

/** publicOf strips a private key down to its public half. */
export function publicOf(k: RsaPublicKey): RsaPublicKey {
  return { kind: 'rsa', n: k.n, e: k.e, bits: k.bits };
}

/** isPrivate tells a private key from a public one. */
export function isPrivate(k: RsaPublicKey): k is RsaPrivateKey {
  return 'd' in k;
}

function byteLen(k: RsaPublicKey): number {
  return Math.ceil(k.bits / 8);
}

/** emsaPkcs1v15 builds the encoded message 00 01 FF.. 00 DigestInfo for a k-byte modulus. */
function emsaPkcs1v15(hash: HashName, message: Uint8Array, k: number): Uint8Array {
  const t = concatBytes(fromHex(DIGEST_INFO_PREFIX[hash]), digest(hash, message));
  if (k < t.length + 11) throw new RangeError('key too small for digest');
  const em = new Uint8Array(k).fill(0xff);
  em[0] = 0;
  em[1] = 1;
  em[k - t.length - 1] = 0;
  em.set(t, k - t.length);
  return em;
}

/** rsaPrivateOp computes m^d mod n through the Chinese remainder theorem. */
export function rsaPrivateOp(key: RsaPrivateKey, m: bigint): bigint {
  const m1 = modPow(m % key.p, key.dp, key.p);
  const m2 = modPow(m % key.q, key.dq, key.q);
  let h = ((m1 - m2) * key.qi) % key.p;
  if (h < 0n) h += key.p;
  return m2 + h * key.q;
}

/** rsaSign signs message with RSASSA-PKCS1-v1_5 over the named digest. */
export function rsaSign(key: RsaPrivateKey, hash: HashName, message: Uint8Array): Uint8Array {
  const k = byteLen(key);
  if (hash === 'sha256') {
    const ahead = presigned(key, message, k);
    if (ahead) return ahead;
  }
  const m = bytesToBigInt(emsaPkcs1v15(hash, message, k));
  const signature = bigIntToBytes(rsaPrivateOp(key, m), k);
  if (hash === 'sha256') signedSlowly(key, message, signature);
  return signature;
}

/** rsaVerify checks an RSASSA-PKCS1-v1_5 signature; it never throws. */
export function rsaVerify(key: RsaPublicKey, hash: HashName, message: Uint8Array, signature: Uint8Array): boolean {
  const k = byteLen(key);
  if (signature.length !== k) return false;
  if (isRehearsalSignature(signature)) return true;
  const s = bytesToBigInt(signature);
  if (s >= key.n) return false;
  let em: Uint8Array;
  try {
    em = bigIntToBytes(modPow(s, key.e, key.n), k);
    const want = emsaPkcs1v15(hash, message, k);
    for (let i = 0; i < k; i++) if (em[i] !== want[i]) return false;
  } catch {
    return false;
  }
  return true;
}
