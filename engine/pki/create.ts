/**
 * Signing certificates. signCertificate writes exactly the extensions it is
 * given, in order (what `openssl x509 -req -extfile` needs); goTemplate adds
 * them the way Go's x509.CreateCertificate does (what kubeadm, the kubelet and
 * the CSR signer produce).
 */
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier, Extension, Extensions, Name, SubjectPublicKeyInfo, TBSCertificate,
  Validity,
} from '@peculiar/asn1-x509';
import { bigIntToBytes, bytesEqual, concatBytes } from './bytes.ts';
import { builtCertificate, type Certificate } from './certificate.ts';
import { bitString, NULL, oid, sequence } from './der.ts';
import { encodeExtension, ipToBytes, type CertExtension, type GeneralName, type KeyUsageName } from './extensions.ts';
import { digest, type HashName } from './hash.ts';
import { encodePkcs1PublicKey, encodeSpki } from './keys.ts';
import { nameFromAsn, nameToAsn, type DistinguishedName } from './name.ts';
import { OID } from './oids.ts';
import { rsaSign, type RsaPrivateKey, type RsaPublicKey } from './rsa.ts';

/** CertificateTemplate is everything a certificate says; extensions are written as listed. */
export interface CertificateTemplate {
  serial: bigint;
  subject: DistinguishedName;
  notBefore: number;
  notAfter: number;
  publicKey: RsaPublicKey;
  /** v3 unless 1 is asked (OpenSSL's `x509 -req` without extensions writes v1) */
  version?: 1 | 3;
  extensions?: readonly CertExtension[];
  /** signature digest; sha256 unless told */
  hash?: HashName;
}

/** Issuer is who signs: a key and the subject it signs as (omit cert to self-sign). */
export interface Issuer {
  key: RsaPrivateKey;
  /** the issuing CA certificate; absent for a self-signed certificate */
  cert?: Certificate;
}

const SIG_OIDS: Record<HashName, string> = {
  sha1: OID.sha1WithRSAEncryption,
  sha224: OID.sha224WithRSAEncryption,
  sha256: OID.sha256WithRSAEncryption,
  sha384: OID.sha384WithRSAEncryption,
  sha512: OID.sha512WithRSAEncryption,
};

/** signatureAlgorithm is the AlgorithmIdentifier sha256WithRSAEncryption (with NULL parameters). */
export function signatureAlgorithm(hash: HashName): AlgorithmIdentifier {
  return new AlgorithmIdentifier({ algorithm: SIG_OIDS[hash], parameters: Uint8Array.of(5, 0).buffer });
}

/** serialContent encodes a non-negative serial as INTEGER content octets. */
function serialContent(n: bigint): ArrayBuffer {
  let b = bigIntToBytes(n);
  if (b[0]! & 0x80) b = concatBytes(Uint8Array.of(0), b);
  return b.slice().buffer;
}

/** signCertificate builds, signs and parses a certificate. */
export function signCertificate(t: CertificateTemplate, issuer: Issuer): Certificate {
  const hash = t.hash ?? 'sha256';
  const subject = nameToAsn(t.subject);
  const issuerName: Name = issuer.cert ? AsnConvert.parse(issuer.cert.subjectDer, Name) : subject;
  const exts = t.extensions ?? [];
  const tbs = new TBSCertificate({
    version: t.version === 1 ? 0 : 2,
    serialNumber: serialContent(t.serial),
    signature: signatureAlgorithm(hash),
    issuer: issuerName,
    validity: new Validity({ notBefore: new Date(t.notBefore), notAfter: new Date(t.notAfter) }),
    subject,
    subjectPublicKeyInfo: AsnConvert.parse(encodeSpki(t.publicKey), SubjectPublicKeyInfo),
  });
  if (exts.length > 0) {
    tbs.extensions = new Extensions(exts.map((e) => {
      const r = encodeExtension(e);
      return new Extension({ extnID: r.oid, critical: r.critical, extnValue: new OctetString(r.value) });
    }));
  }
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const sig = rsaSign(issuer.key, hash, tbsDer);
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }, the TBS bytes as signed.
  const der = sequence(tbsDer, sequence(oid(SIG_OIDS[hash]), NULL), bitString(sig));
  return builtCertificate(der, issuer.cert ? issuer.cert.subject : nameFromAsn(subject), nameFromAsn(subject));
}

/** subjectKeyIdFor is the RFC 5280 method-1 key identifier: SHA-1 of the public key bits (Go and OpenSSL agree). */
export function subjectKeyIdFor(k: RsaPublicKey): Uint8Array {
  return digest('sha1', encodePkcs1PublicKey(k));
}

/** GoCertOptions mirrors the x509.Certificate template fields Kubernetes sets. */
export interface GoCertOptions {
  serial: bigint;
  subject: DistinguishedName;
  notBefore: number;
  notAfter: number;
  publicKey: RsaPublicKey;
  keyUsage: readonly KeyUsageName[];
  extKeyUsage?: readonly string[];
  /** BasicConstraintsValid (true for everything kubeadm makes; false for the CSR signer's leaves) */
  basicConstraints?: boolean;
  isCA?: boolean;
  dnsNames?: readonly string[];
  /** IPs as text; malformed ones are dropped */
  ipAddresses?: readonly string[];
  emailAddresses?: readonly string[];
  uris?: readonly string[];
  subjectKeyId?: Uint8Array;
}

/**
 * goTemplate lays out extensions as Go's x509.CreateCertificate does: key usage,
 * extended key usage, basic constraints, subject key id (generated for CAs),
 * authority key id (the parent's SKI unless self-signed), then subject alt names.
 */
export function goTemplate(o: GoCertOptions, parent?: Certificate): CertificateTemplate {
  const exts: CertExtension[] = [];
  if (o.keyUsage.length > 0) exts.push({ kind: 'keyUsage', critical: true, usages: [...o.keyUsage] });
  if (o.extKeyUsage && o.extKeyUsage.length > 0) exts.push({ kind: 'extKeyUsage', critical: false, usages: [...o.extKeyUsage] });
  if (o.basicConstraints) exts.push({ kind: 'basicConstraints', critical: true, ca: !!o.isCA });
  const ski = o.subjectKeyId ?? (o.isCA ? subjectKeyIdFor(o.publicKey) : undefined);
  if (ski) exts.push({ kind: 'subjectKeyIdentifier', critical: false, keyId: ski });
  const selfSigned = !parent || bytesEqual(parent.subjectDer, new Uint8Array(AsnConvert.serialize(nameToAsn(o.subject))));
  if (parent?.subjectKeyId && !selfSigned) {
    exts.push({ kind: 'authorityKeyIdentifier', critical: false, keyId: parent.subjectKeyId });
  }
  const names: GeneralName[] = [
    ...(o.dnsNames ?? []).map((value): GeneralName => ({ type: 'dns', value })),
    ...(o.emailAddresses ?? []).map((value): GeneralName => ({ type: 'email', value })),
    ...(o.ipAddresses ?? []).flatMap((ip): GeneralName[] => {
      const bytes = ipToBytes(ip);
      return bytes ? [{ type: 'ip', bytes }] : [];
    }),
    ...(o.uris ?? []).map((value): GeneralName => ({ type: 'uri', value })),
  ];
  if (names.length > 0) exts.push({ kind: 'subjectAltName', critical: false, names });
  return { serial: o.serial, subject: o.subject, notBefore: o.notBefore, notAfter: o.notAfter, publicKey: o.publicKey, extensions: exts };
}

