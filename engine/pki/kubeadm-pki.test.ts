import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rand } from '../base/rand.ts';
import { parseCertificatePem } from './certificate.ts';
import { KeyPool, poolKey } from './key-pool.ts';
import { parsePrivateKeyPem } from './keys.ts';
import { renewCertificate } from './kubeadm-certs.ts';
import { commonName, formatName, organizations } from './name.ts';
import { OID } from './oids.ts';
import { clientCertVerifier, verifyCertificateSignature } from './verify.ts';
import { FIXTURE_NOW, fixturePki } from './testing/fixtures.ts';

const td = join(import.meta.dirname, 'testdata');
const DAY = 24 * 3600 * 1000;

describe('createKubeadmPki', () => {
  const pki = fixturePki();
  const cp = pki.files['controlplane']!;

  it('writes every file kubeadm init writes on the control plane, with kubeadm modes', () => {
    const pkiFiles = ['ca', 'apiserver', 'apiserver-kubelet-client', 'front-proxy-ca', 'front-proxy-client', 'apiserver-etcd-client',
      'etcd/ca', 'etcd/server', 'etcd/peer', 'etcd/healthcheck-client'];
    for (const f of pkiFiles) {
      expect(cp[`/etc/kubernetes/pki/${f}.crt`]?.mode, f).toBe(0o644);
      expect(cp[`/etc/kubernetes/pki/${f}.key`]?.mode, f).toBe(0o600);
      expect(cp[`/etc/kubernetes/pki/${f}.key`]!.content).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    }
    expect(cp['/etc/kubernetes/pki/sa.pub']!.content).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    for (const k of ['admin', 'super-admin', 'controller-manager', 'scheduler', 'kubelet']) {
      expect(cp[`/etc/kubernetes/${k}.conf`]?.mode, k).toBe(0o600);
    }
    expect(cp['/var/lib/kubelet/pki/kubelet-client-2026-01-05-09-00-00.pem']).toBeDefined();
    expect(pki.symlinks['controlplane']).toEqual({
      '/var/lib/kubelet/pki/kubelet-client-current.pem': '/var/lib/kubelet/pki/kubelet-client-2026-01-05-09-00-00.pem',
    });
  });

  it('gives each certificate its kubeadm subject, issuer, usages and lifetime', () => {
    const c = (path: string) => parseCertificatePem(cp[path]!.content);
    const ca = c('/etc/kubernetes/pki/ca.crt');
    expect(formatName(ca.subject)).toBe('CN = kubernetes');
    expect(ca.isCA).toBe(true);
    expect(ca.dnsNames).toEqual(['kubernetes']);
    expect(ca.notAfter - FIXTURE_NOW).toBe(3650 * DAY);
    expect(FIXTURE_NOW - ca.notBefore).toBe(5 * 60 * 1000);
    const api = c('/etc/kubernetes/pki/apiserver.crt');
    expect(api.dnsNames).toEqual(['controlplane', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local']);
    expect(api.ipAddresses).toEqual(['10.96.0.1', '172.30.1.2']);
    expect(api.extKeyUsage).toEqual([OID.serverAuth]);
    expect(api.notAfter - FIXTURE_NOW).toBe(365 * DAY);
    expect(verifyCertificateSignature(api, ca)).toBe(true);
    const etcd = c('/etc/kubernetes/pki/etcd/server.crt');
    expect(commonName(etcd.subject)).toBe('controlplane');
    expect(etcd.ipAddresses).toEqual(['172.30.1.2', '127.0.0.1', '::1']);
    expect(verifyCertificateSignature(etcd, c('/etc/kubernetes/pki/etcd/ca.crt'))).toBe(true);
    expect(verifyCertificateSignature(etcd, ca)).toBe(false);
    expect(organizations(c('/etc/kubernetes/pki/apiserver-kubelet-client.crt').subject)).toEqual(['kubeadm:cluster-admins']);
    expect(formatName(pki.kubeconfigs['admin.conf']!.cert.subject)).toBe('O = kubeadm:cluster-admins, CN = kubernetes-admin');
    expect(formatName(pki.kubeconfigs['super-admin.conf']!.cert.subject)).toBe('O = system:masters, CN = kubernetes-super-admin');
    expect(formatName(pki.kubeconfigs['kubelet.conf']!.cert.subject)).toBe('O = system:nodes, CN = system:node:controlplane');
  });

  it('lays out admin.conf exactly as client-go writes it', () => {
    expect(cp['/etc/kubernetes/admin.conf']!.content).toBe(readFileSync(join(td, 'kubeconfig-admin.yaml'), 'utf8'));
  });

  it('gives a worker the bootstrap-written kubelet.conf, the CA and its own kubelet certificates', () => {
    const w = pki.files['node01']!;
    expect(w['/etc/kubernetes/kubelet.conf']!.content).toBe(readFileSync(join(td, 'kubeconfig-kubelet-node.yaml'), 'utf8'));
    expect(w['/etc/kubernetes/pki/ca.crt']!.content).toBe(pki.cas['ca']!.certPem);
    const pem = w['/var/lib/kubelet/pki/kubelet-client-2026-01-05-09-00-00.pem']!.content;
    const client = parseCertificatePem(pem);
    expect(formatName(client.subject)).toBe('O = system:nodes, CN = system:node:node01');
    expect(parsePrivateKeyPem(pem).n).toBe((client.publicKey as { n: bigint }).n);
    const serving = parseCertificatePem(w['/var/lib/kubelet/pki/kubelet.crt']!.content);
    expect(formatName(serving.subject)).toBe(`CN = node01@${FIXTURE_NOW / 1000}`);
    expect(formatName(serving.issuer)).toBe(`CN = node01-ca@${FIXTURE_NOW / 1000}`);
    expect(serving.dnsNames).toEqual(['node01']);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(fixturePki().cas['ca']!.certPem).toBe(pki.cas['ca']!.certPem);
    expect(fixturePki(43).cas['ca']!.certPem).not.toBe(pki.cas['ca']!.certPem);
    const moduli = new Set([...Object.values(pki.certs), ...Object.values(pki.cas)].map((c) => c.key.n));
    expect(moduli.size).toBe(Object.keys(pki.certs).length + Object.keys(pki.cas).length);
  });

  it('authenticates kubeconfig users by their client certificate, as the apiserver does', () => {
    const v = clientCertVerifier(pki.cas['ca']!.certPem);
    expect(v.verify(pki.kubeconfigs['admin.conf']!.certPem, FIXTURE_NOW)).toEqual({ commonName: 'kubernetes-admin', organizations: ['kubeadm:cluster-admins'] });
    expect(v.verify(pki.kubelets['node01']!.client.certPem, FIXTURE_NOW)).toEqual({ commonName: 'system:node:node01', organizations: ['system:nodes'] });
    const late = v.verify(pki.kubeconfigs['admin.conf']!.certPem, FIXTURE_NOW + 366 * DAY);
    expect('error' in late && late.error).toMatch(/x509: certificate has expired or is not yet valid: current time 2027-01-06T09:00:00Z is after 2027-01-05T09:00:00Z$/);
    const foreign = v.verify(pki.certs['etcd-healthcheck-client']!.certPem, FIXTURE_NOW);
    expect('error' in foreign && foreign.error).toMatch(/x509: certificate signed by unknown authority$/);
    const server = v.verify(pki.certs['apiserver']!.certPem, FIXTURE_NOW);
    expect('error' in server && server.error).toMatch(/incompatible key usage$/);
  });

  it('renews a certificate with the same names and a new validity', () => {
    const old = pki.certs['apiserver']!;
    const later = FIXTURE_NOW + 300 * DAY;
    const r = renewCertificate(old.cert, pki.cas['ca']!, { now: later, rand: new Rand(9), key: poolKey(63) });
    expect(r.cert.subject).toEqual(old.cert.subject);
    expect(r.cert.dnsNames).toEqual(old.cert.dnsNames);
    expect(r.cert.ipAddresses).toEqual(old.cert.ipAddresses);
    expect(r.cert.notAfter).toBe(later + 365 * DAY);
    expect(r.cert.serial).not.toBe(old.cert.serial);
    expect(verifyCertificateSignature(r.cert, pki.cas['ca']!.cert)).toBe(true);
  });

  it('draws pool keys in a seeded order and generates more when the pool runs dry', () => {
    const a = new KeyPool(new Rand(5));
    const b = new KeyPool(new Rand(5));
    const ka = [a.take(), a.take()].map((k) => k!.n);
    expect([b.take(), b.take()].map((k) => k!.n)).toEqual(ka);
    expect(ka[0]).not.toBe(ka[1]);
    while (a.take());
    expect(a.remaining).toBe(0);
    const gen = a.newKey(512);
    expect(gen.bits).toBe(512);
    expect(gen.p * gen.q).toBe(gen.n);
  });
});
