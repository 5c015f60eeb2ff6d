/** Issuing kubeadm's certificates one at a time (init, renew, join of a control-plane node). */
import type { Rand } from '../base/rand.ts';
import { certificateToPem, type Certificate } from './certificate.ts';
import { goTemplate, signCertificate } from './create.ts';
import { privateKeyToPem } from './keys.ts';
import {
  CA_VALIDITY_MS, CERT_BACKDATE_MS, CERT_VALIDITY_MS, type CertSpec, type ClusterSettings,
} from './kubeadm-specs.ts';
import { commonName, nameFromGo, organizations } from './name.ts';
import type { RsaPrivateKey } from './rsa.ts';
import { kubeadmSerial } from './serial.ts';

/** IssuedCert is a certificate with its key, parsed and as PEM text. */
export interface IssuedCert {
  cert: Certificate;
  key: RsaPrivateKey;
  certPem: string;
  /** PKCS#1 ("RSA PRIVATE KEY"), as kubeadm writes keys */
  keyPem: string;
}

/** issued wraps a certificate and key with their PEM forms. */
export function issued(cert: Certificate, key: RsaPrivateKey): IssuedCert {
  return { cert, key, certPem: certificateToPem(cert), keyPem: privateKeyToPem(key, 'pkcs1') };
}

/** newKubeadmCA makes a self-signed CA as pkiutil.NewCertificateAuthority does (10 years, SAN = its CN). */
export function newKubeadmCA(commonNameValue: string, key: RsaPrivateKey, now: number, rand: Rand, validityMs = CA_VALIDITY_MS): IssuedCert {
  const cert = signCertificate(goTemplate({
    serial: kubeadmSerial(rand),
    subject: nameFromGo({ commonName: commonNameValue }),
    notBefore: now - CERT_BACKDATE_MS,
    notAfter: now + validityMs,
    publicKey: key,
    keyUsage: ['digitalSignature', 'keyEncipherment', 'keyCertSign'],
    basicConstraints: true,
    isCA: true,
    dnsNames: [commonNameValue],
  }), { key });
  return issued(cert, key);
}

/** LeafConfig is pkiutil.CertConfig: what a leaf certificate says. */
export interface LeafConfig {
  commonName: string;
  organization?: readonly string[];
  usages: readonly string[];
  dnsNames?: readonly string[];
  ipAddresses?: readonly string[];
}

/** newKubeadmLeaf signs a leaf as pkiutil.NewSignedCert does (1 year, digitalSignature + keyEncipherment, CA:FALSE). */
export function newKubeadmLeaf(cfg: LeafConfig, key: RsaPrivateKey, ca: IssuedCert, now: number, rand: Rand, validityMs = CERT_VALIDITY_MS): IssuedCert {
  const cert = signCertificate(goTemplate({
    serial: kubeadmSerial(rand),
    subject: nameFromGo({ commonName: cfg.commonName, organization: cfg.organization ?? [] }),
    notBefore: now - CERT_BACKDATE_MS,
    notAfter: now + validityMs,
    publicKey: key,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extKeyUsage: cfg.usages,
    basicConstraints: true,
    isCA: false,
    dnsNames: [...new Set(cfg.dnsNames ?? [])].sort(),
    ipAddresses: [...new Set(cfg.ipAddresses ?? [])],
  }, ca.cert), { key: ca.key, cert: ca.cert });
  return issued(cert, key);
}

/** leafConfigFor resolves a CertSpec against the cluster settings. */
export function leafConfigFor(spec: CertSpec, s: ClusterSettings): LeafConfig {
  const alt = spec.altNames?.(s);
  return {
    commonName: spec.commonName(s),
    organization: spec.organization ?? [],
    usages: spec.usages ?? [],
    dnsNames: alt?.dns ?? [],
    ipAddresses: alt?.ips ?? [],
  };
}

/**
 * renewCertificate re-issues a certificate as `kubeadm certs renew` does: the
 * subject, SANs and extended usages are read from the existing certificate and a
 * new validity starts now. kubeadm also replaces the private key: pass a fresh
 * key from the KeyPool to do the same, or the old key to keep it.
 */
export function renewCertificate(
  old: Certificate,
  ca: IssuedCert,
  o: { now: number; rand: Rand; key: RsaPrivateKey; validityMs?: number },
): IssuedCert {
  return newKubeadmLeaf({
    commonName: commonName(old.subject),
    organization: organizations(old.subject),
    usages: old.extKeyUsage,
    dnsNames: old.dnsNames,
    ipAddresses: old.ipAddresses,
  }, o.key, ca, o.now, o.rand, o.validityMs);
}
