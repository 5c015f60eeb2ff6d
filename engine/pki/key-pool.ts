/**
 * KeyPool hands out the pre-generated RSA-2048 keys of key-pool-data.ts in an
 * order drawn from the engine's seeded Rand: each cluster gets distinct keys,
 * the same seed gives the same keys, and nothing is generated at boot.
 */
import { decodeBase64 } from '../base/base64.ts';
import type { Rand } from '../base/rand.ts';
import { bytesToBigInt } from './bytes.ts';
import { KEY_POOL_DATA } from './key-pool-data.ts';
import { generateRsaKey } from './rsa-keygen.ts';
import { rsaKeyFromPrimes, type RsaPrivateKey } from './rsa.ts';

// Derived keys are immutable, so every pool shares one cache.
const derived = new Map<number, RsaPrivateKey>();

/** poolKey derives the pool's i-th key from its stored primes. */
export function poolKey(i: number): RsaPrivateKey {
  let k = derived.get(i);
  if (!k) {
    const [p, q] = KEY_POOL_DATA[i]!.split(':').map((s) => bytesToBigInt(decodeBase64(s))) as [bigint, bigint];
    k = rsaKeyFromPrimes(p, q);
    derived.set(i, k);
  }
  return k;
}

/** KeyPool is one cluster's supply of RSA keys. */
export class KeyPool {
  private readonly left: number[];

  constructor(private readonly rand: Rand) {
    this.left = KEY_POOL_DATA.map((_, i) => i);
  }

  /** remaining counts the pooled keys not yet handed out. */
  get remaining(): number {
    return this.left.length;
  }

  /** take returns an unused pooled RSA-2048 key, or undefined when the pool is empty. */
  take(): RsaPrivateKey | undefined {
    if (this.left.length === 0) return undefined;
    const j = this.rand.int(this.left.length);
    const i = this.left[j]!;
    this.left[j] = this.left[this.left.length - 1]!;
    this.left.pop();
    return poolKey(i);
  }

  /** newKey returns a key of the given size: pooled for 2048 bits while any are left, generated otherwise. */
  newKey(bits = 2048): RsaPrivateKey {
    if (bits === 2048) {
      const k = this.take();
      if (k) return k;
    }
    return generateRsaKey(bits, this.rand);
  }
}
