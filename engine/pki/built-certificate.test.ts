import { describe, expect, it } from 'vitest';
import { parseCertificateDer, type Certificate } from './certificate.ts';
import { signCertificate } from './create.ts';
import { poolKey } from './key-pool.ts';
import { kubeletServingCert } from './kubelet-certs.ts';
import { nameFromGo } from './name.ts';
import { edgeCertificates, FIXTURE_NOW, fixturePki } from './testing/fixtures.ts';

// signCertificate reads what it built without asn1-schema's parse: the result must be what that parse gives.
describe('certificates read back as they are built', () => {
  const pki = fixturePki();
  const built: Record<string, Certificate> = {
    ...Object.fromEntries(Object.entries(pki.cas).map(([n, c]) => [`ca:${n}`, c.cert])),
    ...Object.fromEntries(Object.entries(pki.certs).map(([n, c]) => [n, c.cert])),
    ...Object.fromEntries(Object.entries(pki.kubeconfigs).map(([n, c]) => [n, c.cert])),
    ...Object.fromEntries(Object.entries(pki.kubelets).flatMap(([n, k]) => [[`${n}:client`, k.client.cert], [`${n}:serving`, k.serving.cert], [`${n}:serving-ca`, k.serving.caCert]])),
    ...edgeCertificates(pki),
    'ipv4-host': kubeletServingCert('10.0.0.7', FIXTURE_NOW + 123, poolKey(3), poolKey(4)).cert,
    // After 2049 X.509 times are GeneralizedTime; a template's milliseconds are kept there.
    'generalized-time': signCertificate({
      serial: 7n, subject: nameFromGo({ commonName: 'late', organization: ['Ünïcode Org'] }), notBefore: Date.UTC(2051, 1, 2, 3, 4, 5, 678),
      notAfter: Date.UTC(2060, 0, 1), publicKey: poolKey(5), hash: 'sha384',
    }, { key: poolKey(5) }),
    'v1-sha1': signCertificate({ serial: 1n, subject: nameFromGo({ commonName: 'old' }), notBefore: FIXTURE_NOW + 999, notAfter: FIXTURE_NOW + 5000, publicKey: poolKey(6), version: 1, hash: 'sha1' }, { key: pki.cas['ca']!.key, cert: pki.cas['ca']!.cert }),
  };

  for (const [name, cert] of Object.entries(built)) {
    it(name, () => {
      expect(cert).toEqual(parseCertificateDer(cert.der));
    });
  }
});
