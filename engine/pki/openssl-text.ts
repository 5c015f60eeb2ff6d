/**
 * The text of `openssl x509 -noout -text` and `openssl req -noout -text`,
 * byte-identical to OpenSSL 3.0 (crypto/x509/t_x509.c, t_req.c) for the
 * certificates and requests this lab makes.
 */
import { bigIntToBytes, bitLength, toHex } from './bytes.ts';
import type { Certificate } from './certificate.ts';
import type { CertificateRequest } from './csr.ts';
import { extensionBlock } from './openssl-ext-text.ts';
import { formatName } from './name.ts';
import { OID, SIGNATURE_ALGORITHMS } from './oids.ts';
import type { PublicKey } from './public-key.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** opensslTime prints a time as ASN1_TIME_print does: "Jan  5 09:00:00 2026 GMT". */
export function opensslTime(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

/** signatureAlgorithmName is OpenSSL's long name for a signature algorithm OID. */
export function signatureAlgorithmName(oid: string): string {
  if (oid === OID.ecdsaWithSHA256) return 'ecdsa-with-SHA256';
  return SIGNATURE_ALGORITHMS[oid]?.name ?? oid;
}

// ASN1_buf_print: 15 bytes a line.
function hexBlock(b: Uint8Array, indent: number): string {
  const pad = ' '.repeat(indent);
  let out = '';
  for (let i = 0; i < b.length; i += 15) {
    out += pad + toHex(b.subarray(i, i + 15), ':') + (i + 15 < b.length ? ':' : '') + '\n';
  }
  return out;
}

/** publicKeyText is the "Subject Public Key Info" block (indent 12 for its first line). */
export function publicKeyText(k: PublicKey, indent = 12): string {
  const pad = ' '.repeat(indent);
  if (k.kind === 'rsa') {
    let mod = bigIntToBytes(k.n);
    if (mod[0]! & 0x80) mod = Uint8Array.of(0, ...mod);
    return `${pad}Public Key Algorithm: rsaEncryption\n${pad}    Public-Key: (${bitLength(k.n)} bit)\n${pad}    Modulus:\n` +
      hexBlock(mod, indent + 8) + `${pad}    Exponent: ${k.e} (0x${k.e.toString(16)})\n`;
  }
  if (k.kind === 'ec') {
    const p256 = k.curve === OID.prime256v1;
    return `${pad}Public Key Algorithm: id-ecPublicKey\n${pad}    Public-Key: (${k.bits} bit)\n${pad}    pub:\n` +
      hexBlock(k.point, indent + 8) + (p256 ? `${pad}    ASN1 OID: prime256v1\n${pad}    NIST CURVE: P-256\n` : `${pad}    ASN1 OID: ${k.curve}\n`);
  }
  return `${pad}Public Key Algorithm: ${k.algorithm}\n${pad}    Unable to load Public Key\n`;
}

/** serialText is the "Serial Number:" line(s): decimal when it fits a signed 64-bit long, else colon hex. */
export function serialText(c: Pick<Certificate, 'serialBytes' | 'serial'>): string {
  let mag = c.serialBytes;
  while (mag.length > 1 && mag[0] === 0) mag = mag.subarray(1);
  if (mag.length <= 8 && c.serial <= 0x7fffffffffffffffn) {
    return `        Serial Number: ${c.serial} (0x${c.serial.toString(16)})\n`;
  }
  return `        Serial Number:\n            ${toHex(mag, ':')}\n`;
}

/** signatureDump is X509_signature_dump: 18 bytes a line at indent 8. */
export function signatureDump(sig: Uint8Array): string {
  let out = '';
  for (let i = 0; i < sig.length; i += 18) {
    out += '        ' + toHex(sig.subarray(i, i + 18), ':') + (i + 18 < sig.length ? ':' : '') + '\n';
  }
  return out;
}

/** x509Text is `openssl x509 -noout -text`. */
export function x509Text(c: Certificate): string {
  const sigName = signatureAlgorithmName(c.signatureAlgorithm);
  let out = 'Certificate:\n    Data:\n';
  out += `        Version: ${c.version} (0x${(c.version - 1).toString(16)})\n`;
  out += serialText(c);
  out += `        Signature Algorithm: ${sigName}\n`;
  out += `        Issuer: ${formatName(c.issuer)}\n`;
  out += `        Validity\n            Not Before: ${opensslTime(c.notBefore)}\n            Not After : ${opensslTime(c.notAfter)}\n`;
  out += `        Subject: ${formatName(c.subject)}\n`;
  out += '        Subject Public Key Info:\n' + publicKeyText(c.publicKey);
  if (c.extensions.length > 0) {
    out += '        X509v3 extensions:\n' + c.extensions.map((e) => extensionBlock(e, 12)).join('');
  }
  out += `    Signature Algorithm: ${sigName}\n    Signature Value:\n` + signatureDump(c.signature);
  return out;
}

/** reqText is `openssl req -noout -text` for a certificate request. */
export function reqText(r: CertificateRequest): string {
  const sigName = signatureAlgorithmName(r.signatureAlgorithm);
  let out = 'Certificate Request:\n    Data:\n';
  out += `        Version: ${r.version + 1} (0x${r.version.toString(16)})\n`;
  out += `        Subject: ${formatName(r.subject)}\n`;
  out += '        Subject Public Key Info:\n' + publicKeyText(r.publicKey);
  out += '        Attributes:\n';
  // OpenSSL 3.0 prints "(none)" when no attribute other than the extension request is present.
  if (r.extensions.length === 0) out += '            (none)\n';
  out += '            Requested Extensions:\n' + r.extensions.map((e) => extensionBlock(e, 16)).join('');
  out += `    Signature Algorithm: ${sigName}\n    Signature Value:\n` + signatureDump(r.signature);
  return out;
}
