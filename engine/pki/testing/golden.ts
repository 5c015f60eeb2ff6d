/** Helpers for comparing engine/pki output with recorded OpenSSL output. */
import type { Certificate } from '../certificate.ts';
import type { CertificateRequest } from '../csr.ts';
import { verifyCsr } from '../csr.ts';
import {
  endDateLine, extText, fingerprintLine, issuerLine, modulusLine, serialLine, startDateLine, subjectLine,
} from '../openssl-fields.ts';
import { reqText, x509Text } from '../openssl-text.ts';

/** parseSections splits a recorded file into "### args" → output. */
export function parseSections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = text.split(/^### (.*)\n/m);
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i]!, parts[i + 1] ?? '');
  return out;
}

/** oursForX509 is what this code prints for `openssl x509 -in f <args>` (stdout then stderr). */
export function oursForX509(c: Certificate, args: readonly string[]): string {
  const key = args.join(' ');
  if (key === '-noout -text') return x509Text(c);
  if (key === '-noout -subject') return subjectLine(c.subject) + '\n';
  if (key === '-noout -issuer') return issuerLine(c) + '\n';
  if (key === '-noout -dates') return `${startDateLine(c)}\n${endDateLine(c)}\n`;
  if (key === '-noout -enddate') return endDateLine(c) + '\n';
  if (key === '-noout -startdate') return startDateLine(c) + '\n';
  if (key === '-noout -serial') return serialLine(c) + '\n';
  if (key === '-noout -fingerprint') return fingerprintLine(c) + '\n';
  if (key === '-noout -fingerprint -sha256') return fingerprintLine(c, 'sha256') + '\n';
  if (key === '-noout -modulus') return modulusLine(c.publicKey) + '\n';
  if (args[1] === '-ext') {
    const r = extText(c, args[2]!.split(','));
    return r.stdout + r.stderr;
  }
  throw new Error(`no formatter for ${key}`);
}

/** oursForReq is what this code prints for `openssl req -in f <args>`. */
export function oursForReq(r: CertificateRequest, args: readonly string[]): string {
  const key = args.join(' ');
  if (key === '-noout -text') return reqText(r);
  if (key === '-noout -subject') return subjectLine(r.subject) + '\n';
  if (key === '-noout -verify') return verifyCsr(r) ? 'Certificate request self-signature verify OK\n' : 'Certificate request self-signature verify failure\n';
  throw new Error(`no formatter for ${key}`);
}
