/**
 * Real RSA key generation (random primes checked with Miller–Rabin), for
 * `openssl genrsa` when the pre-generated pool is used up or another size is asked.
 * It is slow in JavaScript (about a second for 2048 bits) but exact: randomness
 * comes from the engine's seeded Rand, so the same seed makes the same key.
 */
import type { Rand } from '../base/rand.ts';
import { bitLength, bytesToBigInt, gcd, modPow } from './bytes.ts';
import { DEFAULT_E, rsaKeyFromPrimes, type RsaPrivateKey } from './rsa.ts';

const SMALL_PRIMES: number[] = [];
for (let n = 3; SMALL_PRIMES.length < 300; n += 2) {
  if (SMALL_PRIMES.every((p) => n % p !== 0)) SMALL_PRIMES.push(n);
}

function randomBits(rand: Rand, bits: number): bigint {
  const bytes = rand.bytes(Math.ceil(bits / 8));
  const excess = bytes.length * 8 - bits;
  bytes[0] = bytes[0]! & (0xff >> excess);
  return bytesToBigInt(bytes);
}

/** isProbablePrime runs trial division then `rounds` Miller–Rabin rounds with bases drawn from rand. */
export function isProbablePrime(n: bigint, rand: Rand, rounds = 20): boolean {
  if (n < 2n) return false;
  for (const p of SMALL_PRIMES) {
    const bp = BigInt(p);
    if (n === bp) return true;
    if (n % bp === 0n) return false;
  }
  if (n % 2n === 0n) return false;
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  const bits = bitLength(n);
  for (let i = 0; i < rounds; i++) {
    let a = 0n;
    while (a < 2n || a > n - 2n) a = randomBits(rand, bits);
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let witness = true;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) {
        witness = false;
        break;
      }
    }
    if (witness) return false;
  }
  return true;
}

/** randomPrime draws a prime of exactly `bits` bits with the top two bits set (so p·q has full size). */
export function randomPrime(bits: number, rand: Rand, e: bigint = DEFAULT_E): bigint {
  for (;;) {
    let c = randomBits(rand, bits);
    c |= (1n << BigInt(bits - 1)) | (1n << BigInt(bits - 2)) | 1n;
    // One quick Miller–Rabin round weeds out composites before the full test.
    if (!isProbablePrime(c, rand, 1)) continue;
    if (gcd(e, c - 1n) !== 1n) continue;
    if (isProbablePrime(c, rand, bits >= 1024 ? 8 : 20)) return c;
  }
}

/** generateRsaKey makes a new RSA key of `bits` bits (at least 512) with e = 65537. */
export function generateRsaKey(bits: number, rand: Rand): RsaPrivateKey {
  if (!Number.isInteger(bits) || bits < 512) throw new RangeError(`invalid RSA key size ${bits}`);
  const pBits = Math.ceil(bits / 2);
  const qBits = bits - pBits;
  for (;;) {
    const p = randomPrime(pBits, rand);
    const q = randomPrime(qBits, rand);
    if (p === q) continue;
    const key = rsaKeyFromPrimes(p > q ? p : q, p > q ? q : p);
    if (key.bits === bits) return key;
  }
}
