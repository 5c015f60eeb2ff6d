/**
 * Deterministic certificates shared by the tests and by
 * scripts/record-golden/pki-openssl.ts, which records the real OpenSSL's view of them.
 */
import { Rand } from '../../base/rand.ts';
import { certificateToPem, type Certificate } from '../certificate.ts';
import { goTemplate, signCertificate } from '../create.ts';
import { createCsr, csrToPem } from '../csr.ts';
import { ipToBytes } from '../extensions.ts';
import { poolKey } from '../key-pool.ts';
import { createKubeadmPki, type KubeadmPki } from '../kubeadm-pki.ts';
import { nameFromGo, parseSubjectArg, type DistinguishedName } from '../name.ts';
import { OID } from '../oids.ts';

/** FIXTURE_NOW is the lab's default epoch (2026-01-05T09:00:00Z). */
export const FIXTURE_NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

/** fixturePki is a one-control-plane, one-worker cluster. */
export function fixturePki(seed = 42): KubeadmPki {
  return createKubeadmPki({
    controlPlaneHost: 'controlplane',
    controlPlaneIp: '172.30.1.2',
    now: FIXTURE_NOW,
    rand: new Rand(seed),
    nodes: [{ name: 'node01', ip: '172.30.2.2' }],
  });
}

function subj(s: string): DistinguishedName {
  const r = parseSubjectArg(s);
  if ('error' in r) throw new Error(r.error);
  return r.name;
}

/** edgeCertificates exercise the printer's corners: serial forms, escaping, IPv6, pathlen, v1, unknown extensions. */
export function edgeCertificates(pki: KubeadmPki): Record<string, Certificate> {
  const ca = pki.cas['ca']!;
  const key = poolKey(60);
  const day = 24 * 3600 * 1000;
  const base = { notBefore: FIXTURE_NOW, notAfter: FIXTURE_NOW + 30 * day, publicKey: key };
  return {
    'edge-bigserial': signCertificate({
      ...base, serial: 0xf234567890abcdef0123n, subject: subj('/CN=a, b/O=q"uote/OU= lead/L=#hash'),
      extensions: [
        { kind: 'basicConstraints', critical: true, ca: true, pathLen: 0 },
        { kind: 'keyUsage', critical: false, usages: ['digitalSignature', 'nonRepudiation', 'cRLSign'] },
        { kind: 'extKeyUsage', critical: true, usages: [OID.codeSigning, OID.emailProtection, OID.timeStamping, OID.OCSPSigning] },
        { kind: 'subjectAltName', critical: false, names: [
          { type: 'email', value: 'jane@example.com' }, { type: 'uri', value: 'spiffe://cluster.local/ns/x' },
          { type: 'ip', bytes: ipToBytes('fd00:10:96::1')! }, { type: 'dns', value: '*.example.com' },
        ] },
        { kind: 'unknown', oid: '1.2.3.4.5', critical: false, value: Uint8Array.of(0x0c, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f) },
      ],
    }, { key: ca.key, cert: ca.cert }),
    'edge-v1-smallserial': signCertificate({
      ...base, version: 1, serial: 1n, subject: subj('/CN=caf\u00e9/C=DE/emailAddress=jane@example.com'),
    }, { key: ca.key, cert: ca.cert }),
    'edge-maxlong': signCertificate(goTemplate({
      ...base, serial: 0x7fffffffffffffffn, subject: nameFromGo({ commonName: 'x', organization: ['b@c', 'dev'] }),
      keyUsage: ['keyAgreement', 'keyCertSign', 'encipherOnly', 'decipherOnly', 'dataEncipherment'], basicConstraints: true, isCA: true,
    }), { key }),
  };
}

/** fixtureCertificates lists every certificate of the fixture cluster by a file-friendly name. */
export function fixtureCertificates(pki: KubeadmPki = fixturePki()): Record<string, Certificate> {
  const out: Record<string, Certificate> = {};
  for (const [n, c] of Object.entries(pki.cas)) out[n] = c.cert;
  for (const [n, c] of Object.entries(pki.certs)) out[n] = c.cert;
  for (const [n, c] of Object.entries(pki.kubeconfigs)) out[n.replace('.conf', '-conf')] = c.cert;
  for (const [n, k] of Object.entries(pki.kubelets)) {
    out[`kubelet-client-${n}`] = k.client.cert;
    out[`kubelet-serving-${n}`] = k.serving.cert;
    out[`kubelet-serving-ca-${n}`] = k.serving.caCert;
  }
  return { ...out, ...edgeCertificates(pki) };
}

/** fixtureCsrs are requests made by this code, as `openssl req -new` would make them. */
export function fixtureCsrs(): Record<string, string> {
  return {
    jane: csrToPem(createCsr({ subject: subj('/CN=jane/O=dev/O=qa'), key: poolKey(61) })),
    'jane-ext': csrToPem(createCsr({
      subject: subj('/CN=jane'), key: poolKey(61),
      extensions: [
        { kind: 'subjectAltName', critical: false, names: [{ type: 'dns', value: 'jane.example.com' }, { type: 'ip', bytes: ipToBytes('10.0.0.1')! }] },
        { kind: 'extKeyUsage', critical: false, usages: [OID.clientAuth] },
      ],
    })),
  };
}

/** pemOf is certificateToPem, re-exported for the recorder. */
export const pemOf = certificateToPem;
