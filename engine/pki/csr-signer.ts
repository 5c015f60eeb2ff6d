/**
 * The kube-controller-manager's CSR signer (pkg/controller/certificates/signer):
 * issues a certificate from an approved CertificateSigningRequest with the
 * cluster CA, following its PermissiveSigningPolicy.
 */
import type { Rand } from '../base/rand.ts';
import type { Certificate } from './certificate.ts';
import { goTemplate, signCertificate } from './create.ts';
import { verifyCsr, type CertificateRequest } from './csr.ts';
import type { KeyUsageName } from './extensions.ts';
import { nameFromGo, type DistinguishedName } from './name.ts';
import { OID } from './oids.ts';
import type { RsaPrivateKey, RsaPublicKey } from './rsa.ts';
import { signerSerial } from './serial.ts';

const KEY_USAGES: Record<string, KeyUsageName> = {
  signing: 'digitalSignature',
  'digital signature': 'digitalSignature',
  'content commitment': 'nonRepudiation',
  'key encipherment': 'keyEncipherment',
  'key agreement': 'keyAgreement',
  'data encipherment': 'dataEncipherment',
  'cert sign': 'keyCertSign',
  'crl sign': 'cRLSign',
  'encipher only': 'encipherOnly',
  'decipher only': 'decipherOnly',
};

// Ordered as Go's x509.ExtKeyUsage constants, which is how the signer sorts them.
const EXT_KEY_USAGES: [string, string][] = [
  ['any', '2.5.29.37.0'],
  ['server auth', OID.serverAuth],
  ['client auth', OID.clientAuth],
  ['code signing', OID.codeSigning],
  ['email protection', OID.emailProtection],
  ['s/mime', OID.emailProtection],
  ['ipsec end system', '1.3.6.1.5.5.7.3.5'],
  ['ipsec tunnel', '1.3.6.1.5.5.7.3.6'],
  ['ipsec user', '1.3.6.1.5.5.7.3.7'],
  ['timestamping', OID.timeStamping],
  ['ocsp signing', OID.OCSPSigning],
  ['microsoft sgc', '1.3.6.1.4.1.311.10.3.3'],
  ['netscape sgc', '2.16.840.1.113730.4.1'],
];

/** DEFAULT_SIGNING_DURATION_MS is --cluster-signing-duration's default (8760h). */
export const DEFAULT_SIGNING_DURATION_MS = 365 * 24 * 3600 * 1000;
const BACKDATE_MS = 5 * 60 * 1000;
const SHORT_MS = 8 * 3600 * 1000;

/** SignerOptions configure one issuance. */
export interface SignerOptions {
  ca: { cert: Certificate; key: RsaPrivateKey };
  /** spec.usages of the CertificateSigningRequest ("digital signature", "client auth", …) */
  usages: readonly string[];
  now: number;
  rand: Rand;
  /** spec.expirationSeconds, if set */
  expirationSeconds?: number;
  /** --cluster-signing-duration */
  signingDurationMs?: number;
}

/** goNameOf re-orders a subject the way Go's pkix.Name round trip does (C, ST, L, O, OU, CN), dropping other attributes. */
export function goNameOf(dn: DistinguishedName): DistinguishedName {
  const pick = (oid: string) => dn.flatMap((r) => r.filter((a) => a.oid === oid).map((a) => a.value));
  const cn = pick(OID.commonName);
  return nameFromGo({
    country: pick(OID.countryName),
    province: pick(OID.stateOrProvinceName),
    locality: pick(OID.localityName),
    organization: pick(OID.organizationName),
    organizationalUnit: pick(OID.organizationalUnitName),
    commonName: cn[cn.length - 1] ?? '',
  });
}

/** signerIssue builds the certificate the signer would issue for this subject, key and SANs. */
export function signerIssue(
  req: { subject: DistinguishedName; publicKey: RsaPublicKey; dnsNames?: readonly string[]; ipAddresses?: readonly string[] },
  o: SignerOptions,
): Certificate | { error: string } {
  const keyUsage: KeyUsageName[] = [];
  const ext = new Set<string>();
  const unknown: string[] = [];
  for (const u of o.usages) {
    if (KEY_USAGES[u]) keyUsage.push(KEY_USAGES[u]);
    else if (EXT_KEY_USAGES.some(([n]) => n === u)) ext.add(EXT_KEY_USAGES.find(([n]) => n === u)![1]);
    else unknown.push(u);
  }
  if (unknown.length > 0) return { error: `unrecognized usage values: [${unknown.map((u) => JSON.stringify(u)).join(' ')}]` };
  const signerNotAfter = o.ca.cert.notAfter;
  let ttl = o.signingDurationMs ?? DEFAULT_SIGNING_DURATION_MS;
  if (o.expirationSeconds !== undefined) ttl = Math.min(ttl, Math.max(600, o.expirationSeconds) * 1000);
  const notBefore = o.now - BACKDATE_MS;
  let notAfter = ttl < SHORT_MS ? o.now + ttl : o.now + ttl - BACKDATE_MS;
  if (notAfter >= signerNotAfter) notAfter = signerNotAfter;
  if (notBefore >= signerNotAfter) return { error: `the signer has expired: NotAfter=${new Date(signerNotAfter).toISOString()}` };
  const ordered = EXT_KEY_USAGES.map(([, oid]) => oid).filter((oid, i, a) => ext.has(oid) && a.indexOf(oid) === i);
  return signCertificate(goTemplate({
    serial: signerSerial(o.rand),
    subject: goNameOf(req.subject),
    notBefore,
    notAfter,
    publicKey: req.publicKey,
    keyUsage: KEY_USAGE_ORDER.filter((k) => keyUsage.includes(k)),
    extKeyUsage: ordered,
    basicConstraints: true,
    isCA: false,
    dnsNames: req.dnsNames ?? [],
    ipAddresses: req.ipAddresses ?? [],
  }, o.ca.cert), o.ca);
}

const KEY_USAGE_ORDER: KeyUsageName[] = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign',
  'encipherOnly', 'decipherOnly',
];

/** signCsr issues a certificate for an approved request, after checking its self-signature. */
export function signCsr(csr: CertificateRequest, o: SignerOptions): Certificate | { error: string } {
  if (!verifyCsr(csr)) return { error: 'crypto/rsa: verification error' };
  if (csr.publicKey.kind !== 'rsa') return { error: 'unsupported public key type in certificate request' };
  return signerIssue({ subject: csr.subject, publicKey: csr.publicKey, dnsNames: csr.dnsNames, ipAddresses: csr.ipAddresses }, o);
}
