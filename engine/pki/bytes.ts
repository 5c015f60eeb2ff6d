/** Byte and BigInt helpers shared by the PKI code (no Node Buffer: the engine runs in a Web Worker). */

/** concatBytes joins byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** bytesEqual compares two byte arrays. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Hex conversions run for every BigInt a signature or a key encoding turns into bytes: table-driven, no regex.
const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** toHex renders bytes as lower-case hex, optionally separated (":" for OpenSSL's colon form). */
export function toHex(b: Uint8Array, sep = ''): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += i > 0 && sep ? sep + HEX_PAIRS[b[i]!]! : HEX_PAIRS[b[i]!]!;
  return s;
}

/** hexDigit is a hex digit's value, or -1 for any other character. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** fromHex parses hex digits (separators such as ':' are skipped; an odd last digit is dropped). */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  let n = 0;
  let high = -1;
  for (let i = 0; i < hex.length; i++) {
    const v = hexDigit(hex.charCodeAt(i));
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  return n === out.length ? out : out.slice(0, n);
}

/** bytesToBigInt reads an unsigned big-endian integer. */
export function bytesToBigInt(b: Uint8Array): bigint {
  if (b.length === 0) return 0n;
  return BigInt('0x' + toHex(b));
}

/** bigIntToBytes writes an unsigned big-endian integer, left-padded with zeros to len bytes when given. */
export function bigIntToBytes(n: bigint, len?: number): Uint8Array {
  if (n < 0n) throw new RangeError('negative integer');
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (n === 0n) hex = '';
  const raw = fromHex(hex);
  if (len === undefined || raw.length === len) return raw.length ? raw : new Uint8Array(1);
  if (raw.length > len) throw new RangeError('integer too large');
  const out = new Uint8Array(len);
  out.set(raw, len - raw.length);
  return out;
}

/** bitLength counts the significant bits of a non-negative integer. */
export function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** modPow computes base^exp mod m with a 4-bit fixed window (RSA's hot loop). */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 1n) return 0n;
  base %= m;
  if (base < 0n) base += m;
  const table: bigint[] = [1n, base];
  for (let i = 2; i < 16; i++) table.push((table[i - 1]! * base) % m);
  const hex = exp.toString(16);
  let r = 1n;
  for (let i = 0; i < hex.length; i++) {
    if (i > 0) {
      r = (r * r) % m;
      r = (r * r) % m;
      r = (r * r) % m;
      r = (r * r) % m;
    }
    const d = parseInt(hex[i]!, 16);
    if (d) r = (r * table[d]!) % m;
  }
  return r;
}

/** modInverse returns a^-1 mod m (extended Euclid); throws when none exists. */
export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new RangeError('not invertible');
  return ((oldS % m) + m) % m;
}

/** gcd is the greatest common divisor. */
export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
