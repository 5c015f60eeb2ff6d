import {
  certificateToPem, checkEnd, endDateLine, extText, fingerprintLine, formatName, issuerLine, modulusLine, opensslSerial,
  parseCertificatePem, parseCsrPem, parsePrivateKeyPem, publicKeyToPem, serialLine, signCertificate, startDateLine, subjectKeyIdFor,
  subjectLine, verifyCsr, x509Text, type CertExtension, type Certificate, type HashName, type RsaPrivateKey,
} from '../../pki/index.ts';
import { stack } from './errors.ts';
import { parseExtFile, parseExtLine } from './ext-config.ts';
import { abs, Args, parseOr, readInput, writeOutput, type Ctx } from './io.ts';

type Print = { kind: 'text' | 'subject' | 'issuer' | 'dates' | 'enddate' | 'startdate' | 'serial' | 'fingerprint' | 'modulus' | 'pubkey' } | { kind: 'ext'; names: string[] } | { kind: 'checkend'; seconds: number };

interface X509Opts {
  in?: string;
  out?: string;
  noout: boolean;
  prints: Print[];
  digest: HashName;
  req: boolean;
  ca?: string;
  caKey?: string;
  caSerial?: string;
  createSerial: boolean;
  setSerial?: bigint;
  days: number;
  extfile?: string;
  extensions?: string;
  signkey?: string;
}

const DIGESTS: Record<string, HashName> = { '-sha1': 'sha1', '-sha256': 'sha256', '-sha384': 'sha384', '-sha512': 'sha512', '-sha224': 'sha224' };

function parse(c: Ctx, argv: string[]): X509Opts | undefined {
  const o: X509Opts = { noout: false, prints: [], digest: 'sha1', req: false, createSerial: false, days: 30 };
  const a = new Args(argv, 'x509', c.err);
  for (let arg = a.next(); arg !== undefined; arg = a.next()) {
    const simple: Record<string, Print['kind']> = { '-text': 'text', '-subject': 'subject', '-issuer': 'issuer', '-dates': 'dates', '-enddate': 'enddate', '-startdate': 'startdate', '-serial': 'serial', '-fingerprint': 'fingerprint', '-modulus': 'modulus', '-pubkey': 'pubkey' };
    if (simple[arg]) o.prints.push({ kind: simple[arg] } as Print);
    else if (DIGESTS[arg]) o.digest = DIGESTS[arg]!;
    else if (arg === '-noout') o.noout = true;
    else if (arg === '-req') o.req = true;
    else if (arg === '-CAcreateserial') o.createSerial = true;
    else if (['-in', '-out', '-CA', '-CAkey', '-CAserial', '-extfile', '-extensions', '-signkey', '-key', '-ext', '-nameopt', '-inform', '-outform', '-CAform', '-CAkeyform', '-set_serial', '-certopt', '-passin', '-copy_extensions'].includes(arg)) {
      const v = a.value(arg);
      if (v === undefined) return undefined;
      if (arg === '-in') o.in = v;
      else if (arg === '-out') o.out = v;
      else if (arg === '-CA') o.ca = v;
      else if (arg === '-CAkey') o.caKey = v;
      else if (arg === '-CAserial') o.caSerial = v;
      else if (arg === '-extfile') o.extfile = v;
      else if (arg === '-extensions') o.extensions = v;
      else if (arg === '-signkey' || arg === '-key') o.signkey = v;
      else if (arg === '-ext') o.prints.push({ kind: 'ext', names: v.split(',') });
      else if (arg === '-set_serial') o.setSerial = BigInt(v);
    } else if (arg === '-days') {
      const n = a.number(arg);
      if (n === undefined) return undefined;
      o.days = n;
    } else if (arg === '-checkend') {
      const n = a.number(arg);
      if (n === undefined) return undefined;
      o.prints.push({ kind: 'checkend', seconds: n });
    }
    // OpenSSL takes any other "-name" as a digest name and ignores what it cannot use.
  }
  return o;
}

function loadKey(c: Ctx, text: string | undefined, path: string, what: 'private key' | 'CA private key'): RsaPrivateKey | undefined {
  if (text === undefined) return undefined;
  return parseOr(c, text, path, what, parsePrivateKeyPem);
}

/** printFields writes the requested fields in command-line order; it returns the exit code of -checkend. */
function printFields(c: Ctx, cert: Certificate, o: X509Opts): { text: string; code: number } {
  let text = '';
  let code = 0;
  for (const pr of o.prints) {
    switch (pr.kind) {
      case 'text': text += x509Text(cert); break;
      case 'subject': text += subjectLine(cert.subject) + '\n'; break;
      case 'issuer': text += issuerLine(cert) + '\n'; break;
      case 'dates': text += startDateLine(cert) + '\n' + endDateLine(cert) + '\n'; break;
      case 'startdate': text += startDateLine(cert) + '\n'; break;
      case 'enddate': text += endDateLine(cert) + '\n'; break;
      case 'serial': text += serialLine(cert) + '\n'; break;
      case 'fingerprint': text += fingerprintLine(cert, o.digest) + '\n'; break;
      case 'modulus': text += modulusLine(cert.publicKey) + '\n'; break;
      case 'pubkey': text += cert.publicKey.kind === 'rsa' ? publicKeyToPem(cert.publicKey) : ''; break;
      case 'ext': {
        const r = extText(cert, pr.names);
        text += r.stdout;
        if (r.stderr) c.err(r.stderr);
        break;
      }
      case 'checkend': {
        const r = checkEnd(cert, c.p.sys.runtime.now, pr.seconds);
        text += r.text + '\n';
        if (r.expires) code = 1;
        break;
      }
    }
  }
  return { text, code };
}

/** extensionsFrom reads -extfile into extensions, adding OpenSSL 3's default key identifiers. */
function extensionsFrom(c: Ctx, o: X509Opts, subjectKey: Certificate['publicKey'], issuerKeyId: Uint8Array | undefined): CertExtension[] | undefined | 'none' {
  if (!o.extfile) return 'none';
  let text: string;
  try {
    text = c.p.fs.readFile(abs(c.p, o.extfile));
  } catch {
    c.err(`Error opening extfile ${o.extfile}\n` + stack('80000002', 'system library', 'BIO_new_file', 'No such file or directory', `../crypto/bio/bss_file.c:67:calling fopen(${o.extfile}, rb)`));
    return undefined;
  }
  const parsed = parseExtFile(text, o.extensions);
  if (parsed.error) {
    c.err(parsed.error + '\n');
    return undefined;
  }
  const exts: CertExtension[] = [];
  let ski = true;
  let aki = true;
  for (const [k, v] of parsed.lines) {
    const r = parseExtLine(k, v);
    if (r.error) {
      c.err(r.error + '\n');
      return undefined;
    }
    if (r.ext) exts.push(r.ext);
    if (r.ski === false) ski = false;
    if (r.aki === false) aki = false;
  }
  if (ski && subjectKey.kind === 'rsa') exts.push({ kind: 'subjectKeyIdentifier', critical: false, keyId: subjectKeyIdFor(subjectKey) });
  if (aki && issuerKeyId) exts.push({ kind: 'authorityKeyIdentifier', critical: false, keyId: issuerKeyId });
  return exts;
}

/** nextSerial reads, increments and saves the CA serial file (-CAserial / -CAcreateserial). */
function nextSerial(c: Ctx, o: X509Opts): bigint | undefined {
  if (o.setSerial !== undefined) return o.setSerial;
  const file = o.caSerial ?? `${o.ca!.replace(/\.[^./]*$/, '')}.srl`;
  let serial: bigint;
  try {
    serial = BigInt('0x' + c.p.fs.readFile(abs(c.p, file)).trim()) + 1n;
  } catch {
    if (!o.createSerial) {
      c.err(`${file}: No such file or directory\n` + stack('80000002', 'system library', 'BIO_new_file', 'No such file or directory', `../crypto/bio/bss_file.c:67:calling fopen(${file}, r)`) + stack('10000080', 'BIO routines', 'BIO_new_file', 'no such file', '../crypto/bio/bss_file.c:75:'));
      return undefined;
    }
    serial = opensslSerial(c.p.sys.runtime.rand);
  }
  const hex = serial.toString(16).toUpperCase();
  if (!writeOutput(c, file, (hex.length % 2 ? '0' + hex : hex) + '\n')) return undefined;
  return serial;
}

/** runX509 is `openssl x509`: print a certificate, or sign a request with -req. */
export async function runX509(c: Ctx, argv: string[]): Promise<number> {
  const o = parse(c, argv);
  if (!o) return 1;
  let cert: Certificate | undefined;
  if (o.req) {
    const text = await readInput(c, o.in, 'certificate request');
    if (text === undefined) return 1;
    const csr = parseOr(c, text, o.in, 'certificate request', parseCsrPem);
    if (!csr) return 1;
    if (!verifyCsr(csr)) {
      c.err('Certificate request self-signature did not match the contents\n');
      return 1;
    }
    c.err(`Certificate request self-signature ok\nsubject=${formatName(csr.subject)}\n`);
    const now = c.p.sys.runtime.now;
    const notAfter = now + o.days * 86400_000;
    if (o.ca) {
      const caText = await readInput(c, o.ca, 'CA certificate');
      if (caText === undefined) return 1;
      const caCert = parseOr(c, caText, o.ca, 'CA certificate', parseCertificatePem);
      if (!caCert) return 1;
      const keyPath = o.caKey ?? o.ca;
      const caKey = loadKey(c, await readInput(c, keyPath, 'CA private key'), keyPath, 'CA private key');
      if (!caKey) return 1;
      if (caCert.publicKey.kind !== 'rsa' || caCert.publicKey.n !== caKey.n) {
        c.err('CA certificate and CA private key do not match\n' + stack('05800074', 'x509 certificate routines', 'X509_check_private_key', 'key values mismatch', '../crypto/x509/x509_cmp.c:403:'));
        return 1;
      }
      const exts = extensionsFrom(c, o, csr.publicKey, caCert.subjectKeyId ?? (caCert.publicKey.kind === 'rsa' ? subjectKeyIdFor(caCert.publicKey) : undefined));
      if (exts === undefined) return 1;
      const serial = nextSerial(c, o);
      if (serial === undefined) return 1;
      if (csr.publicKey.kind !== 'rsa') return 1;
      cert = signCertificate({ serial, subject: csr.subject, notBefore: now, notAfter, publicKey: csr.publicKey, version: exts === 'none' ? 1 : 3, extensions: exts === 'none' ? [] : exts }, { key: caKey, cert: caCert });
    } else {
      if (!o.signkey) {
        c.err('x509: We need a private key to sign with, use -key or -CAkey or -CA with private key\n');
        return 1;
      }
      const key = loadKey(c, await readInput(c, o.signkey, 'private key'), o.signkey, 'private key');
      if (!key || csr.publicKey.kind !== 'rsa') return 1;
      const exts = extensionsFrom(c, o, csr.publicKey, subjectKeyIdFor(csr.publicKey));
      if (exts === undefined) return 1;
      cert = signCertificate({ serial: opensslSerial(c.p.sys.runtime.rand), subject: csr.subject, notBefore: now, notAfter, publicKey: csr.publicKey, version: exts === 'none' ? 1 : 3, extensions: exts === 'none' ? [] : exts }, { key });
    }
  } else {
    const text = await readInput(c, o.in, 'certificate');
    if (text === undefined) {
      c.err('Unable to load certificate\n');
      return 1;
    }
    cert = parseOr(c, text, o.in, 'certificate', parseCertificatePem);
    if (!cert) {
      c.err('Unable to load certificate\n');
      return 1;
    }
  }
  // The printed fields and the certificate both go to -out (or stdout), fields first.
  const { text, code } = printFields(c, cert, o);
  const body = text + (o.noout ? '' : certificateToPem(cert));
  if (body !== '' && !writeOutput(c, o.out, body)) return 1;
  return code;
}
