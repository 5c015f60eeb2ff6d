/** PEM armour (RFC 7468), as OpenSSL and Go's encoding/pem write and read it. */
import { decodeBase64, encodeBase64 } from '../base/base64.ts';

/** PemBlock is one "-----BEGIN <label>-----" section. */
export interface PemBlock {
  label: string;
  der: Uint8Array;
  /** headers such as "Proc-Type" of legacy encrypted keys */
  headers?: Record<string, string>;
}

/** encodePem wraps DER in PEM with 64-character lines and a trailing newline. */
export function encodePem(label: string, der: Uint8Array): string {
  const b64 = encodeBase64(der);
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + '\n';
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** decodePemAll returns every PEM block in text, in order; malformed blocks are skipped, as Go's pem.Decode does. */
export function decodePemAll(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1]!;
    let body = m[2]!;
    let headers: Record<string, string> | undefined;
    const split = body.match(/^((?:[A-Za-z-]+: .*\r?\n)+)\r?\n/);
    if (split) {
      headers = {};
      for (const line of split[1]!.split(/\r?\n/)) {
        const i = line.indexOf(': ');
        if (i > 0) headers[line.slice(0, i)] = line.slice(i + 2);
      }
      body = body.slice(split[0].length);
    }
    if (!/^[A-Za-z0-9+/=\s]*$/.test(body)) continue;
    try {
      out.push(headers ? { label, der: decodeBase64(body), headers } : { label, der: decodeBase64(body) });
    } catch {
      continue;
    }
  }
  return out;
}

/** decodePem returns the first block with one of the given labels (any label when none given). */
export function decodePem(text: string, ...labels: string[]): PemBlock | undefined {
  return decodePemAll(text).find((b) => labels.length === 0 || labels.includes(b.label));
}
