import type { Rand } from '../../base/rand.ts';
import {
  certificateToPem, goTemplate, nameFromGo, OID, parseCertificatePem, parsePrivateKeyPem, privateKeyToPem, publicOf, signCertificate, signerSerial,
  type Certificate, type KeyUsageName, type RsaPrivateKey,
} from '../../pki/index.ts';

/** CertificateSpec is the part of a cert-manager Certificate the issuers read. */
export interface CertificateSpec {
  secretName: string;
  commonName?: string;
  dnsNames?: string[];
  ipAddresses?: string[];
  duration?: string;
  renewBefore?: string;
  isCA?: boolean;
  usages?: string[];
  subject?: { organizations?: string[]; organizationalUnits?: string[]; countries?: string[]; provinces?: string[]; localities?: string[] };
  issuerRef: { name: string; kind?: string; group?: string };
}

/** DEFAULT_DURATION_MS is cert-manager's default certificate lifetime (2160h, 90 days). */
export const DEFAULT_DURATION_MS = 2160 * 3600_000;

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3600_000 };

/** parseGoDuration reads a Go duration ("2160h", "1h30m", "90m0s"); undefined when malformed. */
export function parseGoDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) return text === '0' ? 0 : undefined;
  let ms = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) ms += Number(m[1]) * UNIT_MS[m[2]!]!;
  return ms;
}

// cert-manager's usage names, as the CertificateSigningRequest API spells them.
const KEY_USAGES: Record<string, KeyUsageName> = {
  signing: 'digitalSignature',
  'digital signature': 'digitalSignature',
  'content commitment': 'nonRepudiation',
  'key encipherment': 'keyEncipherment',
  'key agreement': 'keyAgreement',
  'data encipherment': 'dataEncipherment',
  'cert sign': 'keyCertSign',
  'crl sign': 'cRLSign',
};
const EXT_USAGES: Record<string, string> = { 'server auth': OID.serverAuth, 'client auth': OID.clientAuth, 'code signing': OID.codeSigning, 'email protection': OID.emailProtection };

/** CaKeyPair is what a CA issuer signs with: its certificate and key, from a kubernetes.io/tls Secret. */
export interface CaKeyPair {
  cert: Certificate;
  certPem: string;
  key: RsaPrivateKey;
}

/** readKeyPair reads a CA Secret's tls.crt and tls.key (base64 data); the error is cert-manager's text. */
export function readKeyPair(data: Record<string, string> | undefined, secretName: string, decode: (b64: string) => string): CaKeyPair | { error: string } {
  const crt = data?.['tls.crt'];
  const key = data?.['tls.key'];
  if (!crt || !key) return { error: `Error getting keypair for CA issuer: error decoding certificate PEM block: secret "${secretName}" has no tls.crt or tls.key` };
  try {
    const certPem = decode(crt);
    const cert = parseCertificatePem(certPem);
    return { cert, certPem, key: parsePrivateKeyPem(decode(key)) };
  } catch (e) {
    return { error: `Error getting keypair for CA issuer: ${(e as Error).message}` };
  }
}

/** IssuedKeyPair is a Secret's worth: certificate, key and the CA that signed it, as PEM. */
export interface IssuedKeyPair {
  certPem: string;
  keyPem: string;
  caPem: string;
  notBefore: number;
  notAfter: number;
}

/**
 * issue signs a certificate for a Certificate's spec with a fresh key: by its
 * own key for a selfSigned issuer, else by the CA key pair. The usages default
 * to cert-manager's "digital signature, key encipherment" (plus "cert sign"
 * for a CA).
 */
export function issue(spec: CertificateSpec, key: RsaPrivateKey, by: CaKeyPair | 'self', now: number, rand: Rand): IssuedKeyPair | { error: string } {
  const duration = spec.duration ? parseGoDuration(spec.duration) : DEFAULT_DURATION_MS;
  if (duration === undefined) return { error: `spec.duration: invalid duration "${spec.duration}"` };
  const usages = spec.usages ?? ['digital signature', 'key encipherment'];
  const keyUsage = new Set<KeyUsageName>(usages.flatMap((u) => (KEY_USAGES[u] ? [KEY_USAGES[u]!] : [])));
  if (spec.isCA) keyUsage.add('keyCertSign');
  const ext = usages.flatMap((u) => (EXT_USAGES[u] ? [EXT_USAGES[u]!] : []));
  const s = spec.subject ?? {};
  const subject = nameFromGo({ commonName: spec.commonName, organization: s.organizations, organizationalUnit: s.organizationalUnits, country: s.countries, province: s.provinces, locality: s.localities });
  const notBefore = now;
  const notAfter = now + duration;
  const cert = signCertificate(
    goTemplate(
      {
        serial: signerSerial(rand),
        subject,
        notBefore,
        notAfter,
        publicKey: publicOf(key),
        keyUsage: ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign'].filter((k) => keyUsage.has(k as KeyUsageName)) as KeyUsageName[],
        extKeyUsage: ext,
        basicConstraints: true,
        isCA: !!spec.isCA,
        dnsNames: spec.dnsNames ?? [],
        ipAddresses: spec.ipAddresses ?? [],
      },
      by === 'self' ? undefined : by.cert,
    ),
    by === 'self' ? { key } : { key: by.key, cert: by.cert },
  );
  const certPem = certificateToPem(cert);
  return { certPem, keyPem: privateKeyToPem(key), caPem: by === 'self' ? certPem : by.certPem, notBefore, notAfter };
}
