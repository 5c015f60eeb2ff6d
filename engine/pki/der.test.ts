import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigIntToBytes, bytesToBigInt, modInverse, modPow } from './bytes.ts';
import { integer, oid, readInteger, readOid, readTlv } from './der.ts';
import { ipToBytes, ipToString } from './extensions.ts';
import { decodePem, encodePem } from './pem.ts';

describe('DER, PEM and address round trips', () => {
  it('encodes and decodes integers and OIDs', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 2100n) }), (n) => {
      expect(readInteger(readTlv(integer(n)))).toBe(n);
      expect(bytesToBigInt(bigIntToBytes(n))).toBe(n);
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 8 }),
      (a, b, rest) => {
        const dotted = [a, b, ...rest].join('.');
        expect(readOid(readTlv(oid(dotted)))).toBe(dotted);
      }));
  });

  it('wraps any bytes in PEM and back', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
      expect(decodePem(encodePem('CERTIFICATE', b))!.der).toEqual(b);
    }));
  });

  it('parses and prints IP addresses as Go does', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => {
      expect(ipToString(ipToBytes(ip)!)).toBe(ip);
    }));
    expect(ipToString(ipToBytes('::1')!)).toBe('::1');
    expect(ipToString(ipToBytes('fd00:10:96:0:0:0:0:1')!)).toBe('fd00:10:96::1');
    expect(ipToString(ipToBytes('1:0:0:2:0:0:0:3')!)).toBe('1:0:0:2::3');
    expect(ipToBytes('1.2.3')).toBeUndefined();
    expect(ipToBytes('256.1.1.1')).toBeUndefined();
    expect(ipToBytes('1::2::3')).toBeUndefined();
  });

  it('does modular arithmetic right', () => {
    fc.assert(fc.property(fc.bigInt({ min: 2n, max: 1n << 200n }), fc.bigInt({ min: 0n, max: 1n << 64n }), (m, e) => {
      const p = 1000003n;
      expect(modPow(m, e, p)).toBe(naive(m % p, e, p));
      if (m % p !== 0n) expect((modInverse(m, p) * m) % p).toBe(1n);
    }), { numRuns: 50 });
  });
});

function naive(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}
