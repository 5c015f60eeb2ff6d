/**
 * Certificate parses any X.509 certificate (ours or one written by the real
 * OpenSSL) into a plain object, keeping the exact bytes that were signed.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate as AsnCertificate } from '@peculiar/asn1-x509';
import { bytesToBigInt } from './bytes.ts';
import { expect, readAll, readInteger, readOid, readSequence, TAG, type Tlv } from './der.ts';
import { decodeExtensionsDer, ipToString, type CertExtension, type KeyUsageName } from './extensions.ts';
import { nameFromAsn, type DistinguishedName } from './name.ts';
import { decodePemAll, encodePem } from './pem.ts';
import { parseSpki, type PublicKey } from './public-key.ts';

/** Certificate is a parsed X.509 certificate. Times are milliseconds since the epoch. */
export interface Certificate {
  /** the DER bytes of the whole certificate */
  readonly der: Uint8Array;
  /** the DER of tbsCertificate, exactly as signed */
  readonly tbs: Uint8Array;
  /** 1 or 3 */
  readonly version: number;
  readonly serial: bigint;
  /** the serial's content octets as encoded (a leading 00 included), which OpenSSL prints */
  readonly serialBytes: Uint8Array;
  /** OID of the signature algorithm */
  readonly signatureAlgorithm: string;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  /** DER of the issuer and subject names, compared byte for byte when chaining */
  readonly issuerDer: Uint8Array;
  readonly subjectDer: Uint8Array;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly publicKey: PublicKey;
  /** DER of SubjectPublicKeyInfo */
  readonly spki: Uint8Array;
  /** extensions in the order they appear */
  readonly extensions: readonly CertExtension[];
  readonly signature: Uint8Array;
  /** basicConstraints CA:TRUE */
  readonly isCA: boolean;
  readonly keyUsage: readonly KeyUsageName[];
  /** extended key usage OIDs */
  readonly extKeyUsage: readonly string[];
  readonly dnsNames: readonly string[];
  /** IP SANs in Go's net.IP.String form ("10.96.0.1", "::1") */
  readonly ipAddresses: readonly string[];
  readonly subjectKeyId?: Uint8Array;
  readonly authorityKeyId?: Uint8Array;
}

/** CertificateParseError says why bytes are not a certificate. */
export class CertificateParseError extends Error {}

/** parseCertificateDer decodes one DER certificate. */
export function parseCertificateDer(der: Uint8Array): Certificate {
  try {
    return parse(der);
  } catch (e) {
    throw new CertificateParseError(`malformed certificate: ${(e as Error).message}`);
  }
}

function parse(der: Uint8Array): Certificate {
  const parts = readSequence(der);
  const asn = AsnConvert.parse(der, AsnCertificate);
  const tbsParts = readSequence(parts[0]!.raw);
  const off = tbsParts[0]!.tag === 0xa0 ? 1 : 0;
  const t = asn.tbsCertificate;
  const extDer = tbsParts.find((p) => p.tag === 0xa3)?.value;
  const extensions = extDer ? decodeExtensionsDer(extDer) : [];
  const serialBytes = new Uint8Array(t.serialNumber);
  const c: Certificate = {
    der: der.slice(),
    tbs: parts[0]!.raw.slice(),
    version: t.version + 1,
    serial: bytesToBigInt(serialBytes),
    serialBytes,
    signatureAlgorithm: asn.signatureAlgorithm.algorithm,
    issuer: nameFromAsn(t.issuer),
    subject: nameFromAsn(t.subject),
    issuerDer: tbsParts[off + 2]!.raw.slice(),
    subjectDer: tbsParts[off + 4]!.raw.slice(),
    notBefore: t.validity.notBefore.getTime().getTime(),
    notAfter: t.validity.notAfter.getTime().getTime(),
    publicKey: parseSpki(tbsParts[off + 5]!.raw),
    spki: tbsParts[off + 5]!.raw.slice(),
    extensions,
    signature: new Uint8Array(asn.signatureValue),
    ...summarise(extensions),
  };
  return c;
}

/**
 * builtCertificate reads a certificate this module's caller has just built
 * (create.ts), whose names are known: the same object parseCertificateDer
 * makes, from the DER reader alone. asn1-schema's full parse costs more than
 * the rest of building a certificate, and a cluster's boot builds dozens.
 */
export function builtCertificate(der: Uint8Array, issuer: DistinguishedName, subject: DistinguishedName): Certificate {
  const parts = readSequence(der);
  const tbsParts = readSequence(parts[0]!.raw);
  const off = tbsParts[0]!.tag === 0xa0 ? 1 : 0;
  const validity = readAll(expect(tbsParts[off + 3], TAG.SEQUENCE).value);
  const extDer = tbsParts.find((p) => p.tag === 0xa3)?.value;
  const extensions = extDer ? decodeExtensionsDer(extDer) : [];
  const serialBytes = expect(tbsParts[off], TAG.INTEGER).value.slice();
  const spki = tbsParts[off + 5]!.raw.slice();
  return {
    der: der.slice(),
    tbs: parts[0]!.raw.slice(),
    version: off ? Number(readInteger(readSequence(tbsParts[0]!.raw, 0xa0)[0])) + 1 : 1,
    serial: bytesToBigInt(serialBytes),
    serialBytes,
    signatureAlgorithm: readOid(readSequence(parts[1]!.raw)[0]),
    issuer,
    subject,
    issuerDer: tbsParts[off + 2]!.raw.slice(),
    subjectDer: tbsParts[off + 4]!.raw.slice(),
    notBefore: readTime(validity[0]),
    notAfter: readTime(validity[1]),
    publicKey: parseSpki(spki),
    spki,
    extensions,
    signature: expect(parts[2], TAG.BIT_STRING).value.slice(1),
    ...summarise(extensions),
  };
}

/** readTime decodes a UTCTime (YYMMDDHHMMSSZ, years from 1950) or a GeneralizedTime (fractions allowed). */
function readTime(t: Tlv | undefined): number {
  if (!t || (t.tag !== TAG.UTC_TIME && t.tag !== TAG.GENERALIZED_TIME)) throw new Error('expected a time');
  const s = String.fromCharCode(...t.value);
  const m = t.tag === TAG.UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/.exec(s);
  if (!m) throw new Error(`bad time ${s}`);
  let year = Number(m[1]);
  if (t.tag === TAG.UTC_TIME) year += year < 50 ? 2000 : 1900;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
}

function summarise(exts: readonly CertExtension[]) {
  let isCA = false;
  let keyUsage: KeyUsageName[] = [];
  let extKeyUsage: string[] = [];
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  let subjectKeyId: Uint8Array | undefined;
  let authorityKeyId: Uint8Array | undefined;
  for (const e of exts) {
    if (e.kind === 'basicConstraints') isCA = e.ca;
    else if (e.kind === 'keyUsage') keyUsage = e.usages;
    else if (e.kind === 'extKeyUsage') extKeyUsage = e.usages;
    else if (e.kind === 'subjectKeyIdentifier') subjectKeyId = e.keyId;
    else if (e.kind === 'authorityKeyIdentifier') authorityKeyId = e.keyId;
    else if (e.kind === 'subjectAltName') {
      for (const n of e.names) {
        if (n.type === 'dns') dnsNames.push(n.value);
        else if (n.type === 'ip') ipAddresses.push(ipToString(n.bytes));
      }
    }
  }
  return {
    isCA, keyUsage, extKeyUsage, dnsNames, ipAddresses,
    ...(subjectKeyId ? { subjectKeyId } : {}),
    ...(authorityKeyId ? { authorityKeyId } : {}),
  };
}

/** parseCertificatesPem returns every certificate of a PEM bundle, in order. */
export function parseCertificatesPem(text: string): Certificate[] {
  return decodePemAll(text).filter((b) => b.label === 'CERTIFICATE').map((b) => parseCertificateDer(b.der));
}

/** parseCertificatePem returns the first certificate of a PEM file. */
export function parseCertificatePem(text: string): Certificate {
  const block = decodePemAll(text).find((b) => b.label === 'CERTIFICATE');
  if (!block) throw new CertificateParseError('no certificate found');
  return parseCertificateDer(block.der);
}

/** certificateToPem writes a certificate as a "CERTIFICATE" PEM block. */
export function certificateToPem(c: Pick<Certificate, 'der'>): string {
  return encodePem('CERTIFICATE', c.der);
}
