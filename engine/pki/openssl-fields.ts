/**
 * The one-line outputs of `openssl x509` (-subject, -issuer, -enddate,
 * -startdate, -dates, -serial, -fingerprint, -modulus, -checkend, -ext) and
 * `openssl req -subject`, as OpenSSL 3.0 prints them.
 */
import { bigIntToBytes, toHex } from './bytes.ts';
import type { Certificate } from './certificate.ts';
import { digest, type HashName } from './hash.ts';
import { formatName, type DistinguishedName } from './name.ts';
import { extensionBlock, extensionOid } from './openssl-ext-text.ts';
import { OID } from './oids.ts';
import { opensslTime } from './openssl-text.ts';
import type { PublicKey } from './public-key.ts';

/** subjectLine is "subject=CN = kubernetes" (also `openssl req -noout -subject`). */
export function subjectLine(subject: DistinguishedName): string {
  return `subject=${formatName(subject)}`;
}

/** issuerLine is "issuer=CN = kubernetes". */
export function issuerLine(c: Certificate): string {
  return `issuer=${formatName(c.issuer)}`;
}

/** startDateLine is "notBefore=Jan  5 08:55:00 2026 GMT". */
export function startDateLine(c: Certificate): string {
  return `notBefore=${opensslTime(c.notBefore)}`;
}

/** endDateLine is "notAfter=Jan  5 09:00:00 2027 GMT". */
export function endDateLine(c: Certificate): string {
  return `notAfter=${opensslTime(c.notAfter)}`;
}

/** serialLine is "serial=1A2B…" (upper-case hex, even length). */
export function serialLine(c: Certificate): string {
  return `serial=${toHex(bigIntToBytes(c.serial)).toUpperCase()}`;
}

/**
 * fingerprintLine is "SHA1 Fingerprint=AB:…" by default; with another digest OpenSSL
 * 3 labels it with the name it was asked for ("sha256 Fingerprint=…").
 */
export function fingerprintLine(c: Certificate, hash: HashName = 'sha1', label?: string): string {
  const name = label ?? (hash === 'sha1' ? 'SHA1' : hash);
  return `${name} Fingerprint=${toHex(digest(hash, c.der), ':').toUpperCase()}`;
}

/** modulusLine is "Modulus=C2F1…" for an RSA key. */
export function modulusLine(k: PublicKey): string {
  if (k.kind !== 'rsa') return 'Modulus=No modulus for this public key type';
  return `Modulus=${k.n.toString(16).toUpperCase()}`;
}

/** checkEnd answers `-checkend seconds`: the text and whether the certificate expires within them (exit code 1). */
export function checkEnd(c: Certificate, now: number, seconds: number): { text: string; expires: boolean } {
  const expires = now + seconds * 1000 > c.notAfter;
  return { text: expires ? 'Certificate will expire' : 'Certificate will not expire', expires };
}

const EXT_ARG_OIDS: Record<string, string> = {
  basicConstraints: OID.basicConstraints,
  keyUsage: OID.keyUsage,
  extendedKeyUsage: OID.extKeyUsage,
  subjectAltName: OID.subjectAltName,
  subjectKeyIdentifier: OID.subjectKeyIdentifier,
  authorityKeyIdentifier: OID.authorityKeyIdentifier,
};

/**
 * extText answers `-ext subjectAltName,keyUsage`: the named extensions in the
 * certificate's own order, at indent 0. Names OpenSSL does not know are ignored;
 * when nothing matches it says so on stderr (and still exits 0).
 */
export function extText(c: Certificate, names: readonly string[]): { stdout: string; stderr: string } {
  const wanted = new Set(names.map((n) => EXT_ARG_OIDS[n]).filter((o): o is string => !!o));
  const found = c.extensions.filter((e) => wanted.has(extensionOid(e)));
  if (found.length === 0) return { stdout: '', stderr: 'No extensions in certificate\n' };
  return { stdout: found.map((e) => extensionBlock(e, 0)).join(''), stderr: '' };
}
