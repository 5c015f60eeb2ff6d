/**
 * The kubelet's own certificates under /var/lib/kubelet/pki: the self-signed
 * serving pair (client-go's GenerateSelfSignedCertKey) and the client
 * certificate file the kubelet's certificate store writes.
 */
import { certificateToPem } from './certificate.ts';
import { goTemplate, signCertificate } from './create.ts';
import { issued, type IssuedCert } from './kubeadm-certs.ts';
import { nameFromGo } from './name.ts';
import { OID } from './oids.ts';
import type { RsaPrivateKey } from './rsa.ts';

const HOUR = 3600 * 1000;
const YEAR = 365 * 24 * HOUR;

/** KubeletServing is kubelet.crt (the certificate followed by its CA) and kubelet.key. */
export interface KubeletServing extends IssuedCert {
  caCert: IssuedCert['cert'];
  /** kubelet.crt's content: the serving certificate, then the CA that signed it */
  bundlePem: string;
}

/**
 * kubeletServingCert makes the kubelet's self-signed serving pair: a throwaway
 * CA "<host>-ca@<unix>" (serial 1) signs "<host>@<unix>" (serial 2) for DNS:<host>,
 * both valid from an hour ago for a year.
 */
export function kubeletServingCert(host: string, now: number, caKey: RsaPrivateKey, key: RsaPrivateKey): KubeletServing {
  const unix = Math.floor(now / 1000);
  const validFrom = now - HOUR;
  const ca = signCertificate(goTemplate({
    serial: 1n,
    subject: nameFromGo({ commonName: `${host}-ca@${unix}` }),
    notBefore: validFrom,
    notAfter: validFrom + YEAR,
    publicKey: caKey,
    keyUsage: ['digitalSignature', 'keyEncipherment', 'keyCertSign'],
    basicConstraints: true,
    isCA: true,
  }), { key: caKey });
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
  const cert = signCertificate(goTemplate({
    serial: 2n,
    subject: nameFromGo({ commonName: `${host}@${unix}` }),
    notBefore: validFrom,
    notAfter: validFrom + YEAR,
    publicKey: key,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extKeyUsage: [OID.serverAuth],
    basicConstraints: true,
    ...(isIp ? { ipAddresses: [host] } : { dnsNames: [host] }),
  }, ca), { key: caKey, cert: ca });
  const base = issued(cert, key);
  return { ...base, caCert: ca, bundlePem: base.certPem + certificateToPem(ca) };
}

/** kubeletClientFileName is the store's file name for a pair written at t: kubelet-client-2026-01-05-09-00-00.pem. */
export function kubeletClientFileName(t: number): string {
  const iso = new Date(t).toISOString();
  return `kubelet-client-${iso.slice(0, 10)}-${iso.slice(11, 19).replace(/:/g, '-')}.pem`;
}

/** kubeletClientPem is the content of a kubelet-client-*.pem file: the certificate then its key. */
export function kubeletClientPem(c: IssuedCert): string {
  return c.certPem + c.keyPem;
}
