import { describe, expect, it } from 'vitest';
import { Rand } from '../base/rand.ts';
import { createCsr, parseCsrDer } from './csr.ts';
import { signCsr } from './csr-signer.ts';
import { ipToBytes } from './extensions.ts';
import { poolKey } from './key-pool.ts';
import { formatName, parseSubjectArg, type DistinguishedName } from './name.ts';
import { OID } from './oids.ts';
import { verifyCertificateSignature } from './verify.ts';
import { FIXTURE_NOW, fixturePki } from './testing/fixtures.ts';

const subj = (s: string) => (parseSubjectArg(s) as { name: DistinguishedName }).name;

describe('signCsr (kube-controller-manager csrsigner)', () => {
  const pki = fixturePki();
  const ca = { cert: pki.cas['ca']!.cert, key: pki.cas['ca']!.key };
  const csr = createCsr({
    subject: subj('/CN=jane/O=dev/emailAddress=jane@example.com'), key: poolKey(50),
    extensions: [{ kind: 'subjectAltName', critical: false, names: [{ type: 'dns', value: 'jane.dev' }, { type: 'ip', bytes: ipToBytes('10.1.2.3')! }] }],
  });

  it('issues a client certificate in Go subject order with the requested usages', () => {
    const c = signCsr(csr, { ca, usages: ['client auth', 'digital signature', 'key encipherment', 'server auth'], now: FIXTURE_NOW, rand: new Rand(1) });
    if ('error' in c) throw new Error(c.error);
    expect(formatName(c.subject)).toBe('O = dev, CN = jane');
    expect(c.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(c.extKeyUsage).toEqual([OID.serverAuth, OID.clientAuth]);
    expect(c.dnsNames).toEqual(['jane.dev']);
    expect(c.ipAddresses).toEqual(['10.1.2.3']);
    expect(c.notBefore).toBe(FIXTURE_NOW - 300_000);
    expect(c.notAfter).toBe(FIXTURE_NOW + 365 * 86400_000 - 300_000);
    expect(c.authorityKeyId).toEqual(ca.cert.subjectKeyId);
    expect(verifyCertificateSignature(c, ca.cert)).toBe(true);
  });

  it('honours expirationSeconds without backdating short lifetimes', () => {
    const c = signCsr(csr, { ca, usages: ['client auth'], now: FIXTURE_NOW, rand: new Rand(1), expirationSeconds: 3600 });
    expect('notAfter' in c && c.notAfter).toBe(FIXTURE_NOW + 3600_000);
  });

  it('refuses unknown usages and tampered requests', () => {
    expect(signCsr(csr, { ca, usages: ['client auth', 'teleport'], now: FIXTURE_NOW, rand: new Rand(1) })).toEqual({ error: 'unrecognized usage values: ["teleport"]' });
    const der = csr.der.slice();
    der[der.length - 1] = der[der.length - 1]! ^ 1;
    expect(signCsr(parseCsrDer(der), { ca, usages: ['client auth'], now: FIXTURE_NOW, rand: new Rand(1) })).toEqual({ error: 'crypto/rsa: verification error' });
  });
});
