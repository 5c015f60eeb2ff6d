/** HEX_BYTE spells each byte as two hex digits (every object's uid is built from 16 of them). */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Rand is the engine's one source of randomness: a seeded xoshiro128** generator,
 * so names like web-7d4b9c6f5-x2k8p come out the same in every run with the same seed.
 */
export class Rand {
  private s: Uint32Array;

  constructor(seed: number) {
    this.s = new Uint32Array(4);
    // splitmix32 spreads a small seed over the whole state.
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** state is the generator's position, to save a lab and carry on from the same point. */
  state(): number[] {
    return [...this.s];
  }

  /** setState moves the generator to a position that state() returned. */
  setState(state: readonly number[]): void {
    if (state.length !== 4 || state.some((x) => !Number.isInteger(x) || x < 0 || x > 0xffffffff)) throw new Error('invalid random state');
    this.s.set(state);
  }

  /** uint32 returns the next 32 random bits. */
  uint32(): number {
    const s = this.s as Uint32Array & { [i: number]: number };
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2] = (s[2]! ^ s[0]!) >>> 0;
    s[3] = (s[3]! ^ s[1]!) >>> 0;
    s[1] = (s[1]! ^ s[2]!) >>> 0;
    s[0] = (s[0]! ^ s[3]!) >>> 0;
    s[2] = (s[2]! ^ t) >>> 0;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** float returns a number in [0, 1). */
  float(): number {
    return this.uint32() / 0x100000000;
  }

  /** int returns an integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** pick returns one element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** string returns n characters drawn from alphabet. */
  string(n: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** bytes returns n random bytes. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uint32() & 0xff;
    return out;
  }

  /** uuid returns a version-4 UUID, as Kubernetes uses for metadata.uid. */
  uuid(): string {
    const b = this.bytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    let h = '';
    for (let i = 0; i < 16; i++) h += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX_BYTE[b[i]!];
    return h;
  }

  /** nameSuffix returns Kubernetes' generateName suffix: 5 characters without vowels or confusable digits. */
  nameSuffix(n = 5): string {
    return this.string(n, ALPHANUMS);
  }
}

/** ALPHANUMS is the alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no 0/1/3). */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
