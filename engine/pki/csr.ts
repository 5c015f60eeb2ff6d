/**
 * PKCS#10 certificate signing requests: made by `openssl req -new` (and by the
 * kubelet's TLS bootstrap), read and checked by the CertificateSigningRequest
 * API and the signer that issues a certificate from them.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Name } from '@peculiar/asn1-x509';
import { signatureAlgorithm } from './create.ts';
import {
  bitString, contextTag, DerError, expect, oid, readAll, readInteger, readOid, readSequence, sequence, TAG, tlv,
} from './der.ts';
import { decodeExtensionsDer, encodeExtensionsDer, ipToString, type CertExtension } from './extensions.ts';
import type { HashName } from './hash.ts';
import { encodeSpki } from './keys.ts';
import { nameFromAsn, nameToAsn, type DistinguishedName } from './name.ts';
import { OID } from './oids.ts';
import { decodePemAll, encodePem } from './pem.ts';
import { parseSpki, type PublicKey } from './public-key.ts';
import { rsaSign, type RsaPrivateKey } from './rsa.ts';
import { verifySignature } from './verify.ts';

/** CertificateRequest is a parsed PKCS#10 request. */
export interface CertificateRequest {
  readonly der: Uint8Array;
  /** DER of certificationRequestInfo, exactly as signed */
  readonly info: Uint8Array;
  /** 0 for every request in use */
  readonly version: number;
  readonly subject: DistinguishedName;
  readonly subjectDer: Uint8Array;
  readonly publicKey: PublicKey;
  readonly spki: Uint8Array;
  /** extensions from the extensionRequest attribute, in order */
  readonly extensions: readonly CertExtension[];
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
}

/** CsrOptions is what `openssl req -new -key k -subj … [-addext …]` puts in a request. */
export interface CsrOptions {
  subject: DistinguishedName;
  key: RsaPrivateKey;
  extensions?: readonly CertExtension[];
  hash?: HashName;
}

/** createCsr builds and signs a request. */
export function createCsr(o: CsrOptions): CertificateRequest {
  const hash = o.hash ?? 'sha256';
  const attrs = o.extensions && o.extensions.length > 0
    ? sequence(oid(OID.extensionRequest), tlv(TAG.SET, encodeExtensionsDer(o.extensions)))
    : new Uint8Array(0);
  const info = sequence(
    Uint8Array.of(0x02, 0x01, 0x00),
    new Uint8Array(AsnConvert.serialize(nameToAsn(o.subject))),
    encodeSpki(o.key),
    contextTag(0, attrs),
  );
  const sig = rsaSign(o.key, hash, info);
  const der = sequence(info, new Uint8Array(AsnConvert.serialize(signatureAlgorithm(hash))), bitString(sig));
  return parseCsrDer(der);
}

/** CsrParseError says why bytes are not a certificate request. */
export class CsrParseError extends Error {}

/** parseCsrDer decodes a DER request. */
export function parseCsrDer(der: Uint8Array): CertificateRequest {
  try {
    const [infoT, algT, sigT] = readSequence(der);
    const info = readAll(expect(infoT, TAG.SEQUENCE).value);
    const subjectT = expect(info[1], TAG.SEQUENCE);
    const spkiT = expect(info[2], TAG.SEQUENCE);
    let extensions: CertExtension[] = [];
    const attrsT = info[3];
    if (attrsT && attrsT.tag === 0xa0) {
      for (const a of readAll(attrsT.value)) {
        const [typeT, valuesT] = readAll(expect(a, TAG.SEQUENCE).value);
        if (readOid(typeT) !== OID.extensionRequest) continue;
        const first = readAll(expect(valuesT, TAG.SET).value)[0];
        if (first) extensions = decodeExtensionsDer(first.raw);
      }
    }
    const alg = readAll(expect(algT, TAG.SEQUENCE).value);
    const dnsNames: string[] = [];
    const ipAddresses: string[] = [];
    for (const e of extensions) {
      if (e.kind !== 'subjectAltName') continue;
      for (const n of e.names) {
        if (n.type === 'dns') dnsNames.push(n.value);
        if (n.type === 'ip') ipAddresses.push(ipToString(n.bytes));
      }
    }
    return {
      der: der.slice(),
      info: infoT!.raw.slice(),
      version: Number(readInteger(info[0])),
      subject: nameFromAsn(AsnConvert.parse(subjectT.raw, Name)),
      subjectDer: subjectT.raw.slice(),
      publicKey: parseSpki(spkiT.raw),
      spki: spkiT.raw.slice(),
      extensions,
      signatureAlgorithm: readOid(alg[0]),
      signature: expect(sigT, TAG.BIT_STRING).value.slice(1),
      dnsNames,
      ipAddresses,
    };
  } catch (e) {
    if (e instanceof DerError || e instanceof Error) throw new CsrParseError(`malformed certificate request: ${e.message}`);
    throw e;
  }
}

/** parseCsrPem reads the first "CERTIFICATE REQUEST" block of a PEM text. */
export function parseCsrPem(text: string): CertificateRequest {
  const b = decodePemAll(text).find((x) => x.label === 'CERTIFICATE REQUEST' || x.label === 'NEW CERTIFICATE REQUEST');
  if (!b) throw new CsrParseError('no certificate request found');
  return parseCsrDer(b.der);
}

/** csrToPem writes a request as OpenSSL does. */
export function csrToPem(r: Pick<CertificateRequest, 'der'>): string {
  return encodePem('CERTIFICATE REQUEST', r.der);
}

/** verifyCsr checks the request's self-signature (proof that its author holds the key). */
export function verifyCsr(r: CertificateRequest): boolean {
  return verifySignature(r.publicKey, r.signatureAlgorithm, r.info, r.signature);
}
