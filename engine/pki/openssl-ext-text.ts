/** How OpenSSL 3.0 names and prints each X.509 v3 extension (crypto/x509/v3_*.c). */
import { toHex } from './bytes.ts';
import type { CertExtension, GeneralName, KeyUsageName } from './extensions.ts';
import { EKU_NAMES, OID } from './oids.ts';

const EXT_NAMES: Record<string, string> = {
  [OID.basicConstraints]: 'X509v3 Basic Constraints',
  [OID.keyUsage]: 'X509v3 Key Usage',
  [OID.extKeyUsage]: 'X509v3 Extended Key Usage',
  [OID.subjectAltName]: 'X509v3 Subject Alternative Name',
  [OID.subjectKeyIdentifier]: 'X509v3 Subject Key Identifier',
  [OID.authorityKeyIdentifier]: 'X509v3 Authority Key Identifier',
};

const KIND_OIDS: Record<Exclude<CertExtension['kind'], 'unknown'>, string> = {
  basicConstraints: OID.basicConstraints,
  keyUsage: OID.keyUsage,
  extKeyUsage: OID.extKeyUsage,
  subjectAltName: OID.subjectAltName,
  subjectKeyIdentifier: OID.subjectKeyIdentifier,
  authorityKeyIdentifier: OID.authorityKeyIdentifier,
};

/** extensionOid is the OID of a decoded extension. */
export function extensionOid(e: CertExtension): string {
  return e.kind === 'unknown' ? e.oid : KIND_OIDS[e.kind];
}

/** extensionTitle is the line OpenSSL prints above an extension's value ("X509v3 Key Usage: critical"). */
export function extensionTitle(e: CertExtension): string {
  const oid = extensionOid(e);
  return `${EXT_NAMES[oid] ?? oid}: ${e.critical ? 'critical' : ''}`;
}

const KEY_USAGE_TEXT: Record<KeyUsageName, string> = {
  digitalSignature: 'Digital Signature',
  nonRepudiation: 'Non Repudiation',
  keyEncipherment: 'Key Encipherment',
  dataEncipherment: 'Data Encipherment',
  keyAgreement: 'Key Agreement',
  keyCertSign: 'Certificate Sign',
  cRLSign: 'CRL Sign',
  encipherOnly: 'Encipher Only',
  decipherOnly: 'Decipher Only',
};

/** opensslIp prints an address as OpenSSL does: dotted IPv4, or eight upper-case hex groups for IPv6. */
export function opensslIp(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  if (b.length === 16) {
    const g: string[] = [];
    for (let i = 0; i < 16; i += 2) g.push(((b[i]! << 8) | b[i + 1]!).toString(16).toUpperCase());
    return g.join(':');
  }
  return '<invalid>';
}

function generalName(n: GeneralName): string {
  switch (n.type) {
    case 'dns': return `DNS:${n.value}`;
    case 'email': return `email:${n.value}`;
    case 'uri': return `URI:${n.value}`;
    case 'ip': return `IP Address:${opensslIp(n.bytes)}`;
  }
}

/** colonHexUpper is OpenSSL's i2s_ASN1_OCTET_STRING: "AB:CD:…". */
export function colonHexUpper(b: Uint8Array): string {
  return toHex(b, ':').toUpperCase();
}

// ASN1_STRING_print: the raw bytes with unprintable ones shown as '.'.
function rawText(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += (c > 0x7e || (c < 0x20 && c !== 10 && c !== 13)) ? '.' : String.fromCharCode(c);
  return s;
}

/** extensionValueLines is the extension's value as OpenSSL prints it, one string per line (without indent). */
export function extensionValueLines(e: CertExtension): string[] {
  switch (e.kind) {
    case 'basicConstraints':
      return [`CA:${e.ca ? 'TRUE' : 'FALSE'}${e.pathLen !== undefined ? `, pathlen:${e.pathLen}` : ''}`];
    case 'keyUsage':
      return [e.usages.map((u) => KEY_USAGE_TEXT[u]).join(', ')];
    case 'extKeyUsage':
      return [e.usages.map((o) => EKU_NAMES[o] ?? o).join(', ')];
    case 'subjectAltName':
      return [e.names.map(generalName).join(', ')];
    case 'subjectKeyIdentifier':
      return [colonHexUpper(e.keyId)];
    case 'authorityKeyIdentifier':
      return e.keyId ? [colonHexUpper(e.keyId)] : [];
    case 'unknown':
      return [rawText(e.value)];
  }
}

/** extensionBlock prints title and value lines at OpenSSL's indents (title at `indent`, value 4 further). */
export function extensionBlock(e: CertExtension, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines = extensionValueLines(e).map((l) => `${pad}    ${l}\n`).join('');
  return `${pad}${extensionTitle(e)}\n${lines}`;
}
