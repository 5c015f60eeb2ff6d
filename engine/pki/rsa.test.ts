import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rand } from '../base/rand.ts';
import { modInverse, modPow } from './bytes.ts';
import { poolKey } from './key-pool.ts';
import { KEY_POOL_DATA } from './key-pool-data.ts';
import { KeyParseError, parsePrivateKeyPem, parsePublicKeyPem, privateKeyToPem, publicKeyToPem } from './keys.ts';
import { generateRsaKey, isProbablePrime } from './rsa-keygen.ts';
import { rsaSign, rsaVerify } from './rsa.ts';

const td = join(import.meta.dirname, 'testdata');
const enc = new TextEncoder();

describe('RSA', () => {
  it('derives pool keys that re-encode to the bytes openssl genrsa wrote', () => {
    const k = poolKey(0);
    expect(privateKeyToPem(k, 'pkcs1')).toBe(readFileSync(join(td, 'keypool-first.pkcs1.pem'), 'utf8'));
    expect(privateKeyToPem(k, 'pkcs8')).toBe(readFileSync(join(td, 'keypool-first.pkcs8.pem'), 'utf8'));
    expect(KEY_POOL_DATA.length).toBeGreaterThanOrEqual(48);
  });

  it('signs with CRT and verifies; any change breaks the signature', () => {
    const k = poolKey(3);
    const msg = enc.encode('kube-apiserver');
    const sig = rsaSign(k, 'sha256', msg);
    expect(sig.length).toBe(256);
    // The CRT result equals the plain m^d mod n.
    expect(modPow(modPow(BigInt('0x' + Buffer.from(sig).toString('hex')), k.e, k.n), k.d, k.n)).toBe(BigInt('0x' + Buffer.from(sig).toString('hex')));
    expect(rsaVerify(k, 'sha256', msg, sig)).toBe(true);
    expect(rsaVerify(k, 'sha256', enc.encode('kube-apiserveR'), sig)).toBe(false);
    expect(rsaVerify(poolKey(4), 'sha256', msg, sig)).toBe(false);
    expect(rsaVerify(k, 'sha1', msg, sig)).toBe(false);
    expect(rsaVerify(k, 'sha256', msg, sig.subarray(1))).toBe(false);
  });

  it('generates real keys deterministically from the seed', () => {
    const a = generateRsaKey(768, new Rand(3));
    expect(a.bits).toBe(768);
    expect(a.p * a.q).toBe(a.n);
    expect((a.e * a.d) % ((a.p - 1n) * (a.q - 1n) / 2n) === 1n || (a.e * a.d) % (a.p - 1n) === 1n % (a.p - 1n)).toBe(true);
    expect(a.qi).toBe(modInverse(a.q, a.p));
    const sig = rsaSign(a, 'sha256', enc.encode('x'));
    expect(rsaVerify(a, 'sha256', enc.encode('x'), sig)).toBe(true);
    expect(generateRsaKey(768, new Rand(3)).n).toBe(a.n);
    expect(() => generateRsaKey(100, new Rand(1))).toThrow(RangeError);
  });

  it('tells primes from composites', () => {
    const r = new Rand(1);
    const mersenne = (1n << 127n) - 1n;
    expect(isProbablePrime(mersenne, r)).toBe(true);
    expect(isProbablePrime(mersenne * 3n, r)).toBe(false);
    expect(isProbablePrime(561n, r)).toBe(false); // a Carmichael number
    expect(isProbablePrime(poolKey(0).p, r)).toBe(true);
    expect(isProbablePrime(poolKey(0).n, r)).toBe(false);
  });

  it('reads keys in every PEM form and refuses what is not a key', () => {
    const k = poolKey(5);
    expect(parsePrivateKeyPem(privateKeyToPem(k, 'pkcs8'))).toEqual(k);
    expect(parsePrivateKeyPem(privateKeyToPem(k, 'pkcs1'))).toEqual(k);
    expect(parsePublicKeyPem(publicKeyToPem(k, 'pkcs1')).n).toBe(k.n);
    expect(parsePublicKeyPem(publicKeyToPem(k)).e).toBe(65537n);
    expect(() => parsePrivateKeyPem(publicKeyToPem(k))).toThrow(KeyParseError);
    expect(() => parsePrivateKeyPem('-----BEGIN RSA PRIVATE KEY-----\nMAA=\n-----END RSA PRIVATE KEY-----\n')).toThrow(KeyParseError);
  });
});

describe('malformed input', () => {
  it('throws typed errors the tools can turn into their own messages', async () => {
    const { parseCertificatePem, CertificateParseError } = await import('./certificate.ts');
    const { parseCsrPem, CsrParseError } = await import('./csr.ts');
    expect(() => parseCertificatePem('nothing here')).toThrow(CertificateParseError);
    expect(() => parseCertificatePem('-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n')).toThrow(CertificateParseError);
    expect(() => parseCsrPem('-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n')).toThrow(CsrParseError);
  });
});
