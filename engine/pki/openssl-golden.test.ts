import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateToPem, parseCertificatePem } from './certificate.ts';
import { parseCsrPem } from './csr.ts';
import { decodePem } from './pem.ts';
import { parsePrivateKeyPem, parsePublicKeyPem, privateKeyToPem, publicKeyToPem } from './keys.ts';
import { verifyCertificateSignature } from './verify.ts';
import { fixtureCertificates, fixtureCsrs } from './testing/fixtures.ts';
import { oursForReq, oursForX509, parseSections } from './testing/golden.ts';

const td = join(import.meta.dirname, 'testdata');
const read = (...p: string[]) => readFileSync(join(td, ...p), 'utf8');

describe('certificates made here, as the real openssl prints them', () => {
  const certs = fixtureCertificates();
  const names = readdirSync(join(td, 'ours')).filter((f) => f.endsWith('.crt')).map((f) => f.slice(0, -4));

  it('regenerates every recorded certificate byte for byte (same seed, same PKI)', () => {
    expect(names.sort()).toEqual(Object.keys(certs).sort());
    for (const n of names) expect(certificateToPem(certs[n]!), n).toBe(read('ours', `${n}.crt`));
  });

  for (const n of names) {
    it(`prints ${n} as openssl does`, () => {
      const c = parseCertificatePem(read('ours', `${n}.crt`));
      for (const [args, want] of parseSections(read('ours', `${n}.txt`))) {
        expect(oursForX509(c, args.split(' ')), `${n}: openssl x509 ${args}`).toBe(want);
      }
    });
  }

  it('writes requests openssl reads, prints and verifies the same way', () => {
    for (const [n, pem] of Object.entries(fixtureCsrs())) {
      expect(pem).toBe(read('ours', `${n}.csr`));
      const r = parseCsrPem(pem);
      for (const [args, want] of parseSections(read('ours', `${n}.txt`))) {
        expect(oursForReq(r, args.split(' ')), `${n}: openssl req ${args}`).toBe(want);
      }
    }
  });

  it('signs leaves that `openssl verify -CAfile` accepts', () => {
    const lines = read('ours', 'verify.txt').trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) expect(l).toMatch(/^ours\/[\w.-]+\.crt: OK$/);
  });
});

describe('artifacts made by the real openssl', () => {
  const o = (n: string) => read('openssl', n);

  for (const n of ['self', 'jane', 'jane-ext']) {
    it(`parses and prints ${n}.crt as openssl does`, () => {
      const c = parseCertificatePem(o(`${n}.crt`));
      for (const [args, want] of parseSections(o(`${n}.crt.txt`))) {
        expect(oursForX509(c, args.split(' ')), `${n}: openssl x509 ${args}`).toBe(want);
      }
    });
  }

  it('verifies signatures openssl made', () => {
    const ca = parseCertificatePem(read('ours', 'ca.crt'));
    const self = parseCertificatePem(o('self.crt'));
    expect(verifyCertificateSignature(self, self)).toBe(true);
    expect(verifyCertificateSignature(parseCertificatePem(o('jane.crt')), ca)).toBe(true);
    expect(verifyCertificateSignature(parseCertificatePem(o('jane-ext.crt')), ca)).toBe(true);
    expect(verifyCertificateSignature(parseCertificatePem(o('jane.crt')), self)).toBe(false);
  });

  for (const n of ['jane', 'jane-ext']) {
    it(`parses, verifies and prints ${n}.csr as openssl does`, () => {
      const r = parseCsrPem(o(`${n}.csr`));
      for (const [args, want] of parseSections(o(`${n}.csr.txt`))) {
        expect(oursForReq(r, args.split(' ')), `${n}: openssl req ${args}`).toBe(want);
      }
    });
  }

  it('reads openssl genrsa keys (PKCS#8) and writes them back in both forms byte for byte', () => {
    const k8 = parsePrivateKeyPem(o('jane.key'));
    const k1 = parsePrivateKeyPem(o('jane.pkcs1.key'));
    expect(k8).toEqual(k1);
    expect(privateKeyToPem(k8, 'pkcs8')).toBe(o('jane.key'));
    expect(privateKeyToPem(k8, 'pkcs1')).toBe(o('jane.pkcs1.key'));
    expect(publicKeyToPem(k8)).toBe(o('jane.pub'));
    expect(parsePublicKeyPem(o('jane.pub')).n).toBe(k8.n);
    expect(decodePem(o('jane.key'))?.label).toBe('PRIVATE KEY');
  });
});
