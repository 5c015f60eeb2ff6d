/**
 * Live oracle: certificates, requests and keys made here with a different seed
 * than the golden files, judged by /usr/bin/openssl on the spot.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certificateToPem } from './certificate.ts';
import { csrToPem, parseCsrPem } from './csr.ts';
import { privateKeyToPem } from './keys.ts';
import { createKubeadmPki } from './kubeadm-pki.ts';
import { Rand } from '../base/rand.ts';
import { X509_ARGS, REQ_ARGS } from './testing/golden-cases.ts';
import { oursForReq, oursForX509 } from './testing/golden.ts';
import { fixtureCsrs } from './testing/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'pki-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const openssl = (...args: string[]) => {
  const r = spawnSync('openssl', args);
  return r.stdout.toString() + r.stderr.toString();
};

describe('the real openssl on freshly made PKI', () => {
  const now = Date.UTC(2027, 5, 30, 23, 59, 59);
  const pki = createKubeadmPki({
    controlPlaneHost: 'master-1', controlPlaneIp: '192.168.56.10', now, rand: new Rand(7), dnsDomain: 'lab.local',
    controlPlaneEndpoint: 'k8s.example.com:6443', certSANs: ['10.0.0.10', 'api.example.com'], serviceIp: '10.100.0.1',
  });

  it('prints every certificate exactly as we do', () => {
    const all = { ...pki.cas, ...pki.certs };
    for (const [name, c] of Object.entries(all)) {
      const f = join(dir, `${name.replace('/', '-')}.crt`);
      writeFileSync(f, c.certPem);
      // Every form for the apiserver certificate, the full text for the rest (each openssl run costs ~35 ms).
      for (const args of name === 'apiserver' ? X509_ARGS : X509_ARGS.slice(0, 1)) {
        expect(oursForX509(c.cert, args), `${name} ${args.join(' ')}`).toBe(openssl('x509', '-in', f, ...args));
      }
    }
  });

  it('accepts our signatures in openssl verify and reads our keys', () => {
    const ca = join(dir, 'ca.crt');
    writeFileSync(ca, pki.cas['ca']!.certPem);
    const leaf = join(dir, 'admin.crt');
    writeFileSync(leaf, pki.kubeconfigs['admin.conf']!.certPem);
    expect(openssl('verify', '-attime', String(now / 1000), '-CAfile', ca, leaf)).toBe(`${leaf}: OK\n`);
    const key = join(dir, 'admin.key');
    writeFileSync(key, privateKeyToPem(pki.kubeconfigs['admin.conf']!.key, 'pkcs8'));
    expect(openssl('rsa', '-in', key, '-check', '-noout')).toBe('RSA key ok\n');
    expect(openssl('x509', '-in', leaf, '-noout', '-modulus')).toBe(openssl('rsa', '-in', key, '-noout', '-modulus'));
  });

  it('prints and verifies our requests exactly as we do', () => {
    for (const [name, pem] of Object.entries(fixtureCsrs())) {
      const f = join(dir, `${name}.csr`);
      writeFileSync(f, csrToPem(parseCsrPem(pem)));
      for (const args of REQ_ARGS) expect(oursForReq(parseCsrPem(pem), args)).toBe(openssl('req', '-in', f, ...args));
    }
  });

  it('puts the endpoint and extra SANs in the apiserver certificate', () => {
    expect(pki.certs['apiserver']!.cert.dnsNames).toEqual([
      'api.example.com', 'k8s.example.com', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.lab.local', 'master-1',
    ]);
    expect(pki.certs['apiserver']!.cert.ipAddresses).toEqual(['10.100.0.1', '192.168.56.10', '10.0.0.10']);
    expect(pki.kubeconfigs['admin.conf']!.server).toBe('https://k8s.example.com:6443');
    expect(pki.kubeconfigs['scheduler.conf']!.server).toBe('https://192.168.56.10:6443');
    expect(certificateToPem(pki.cas['ca']!.cert)).toBe(pki.cas['ca']!.certPem);
  });
});
