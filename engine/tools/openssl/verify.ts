import { formatName, issuedBy, parseCertificatePem, parseCertificatesPem, verifyCertificateSignature, checkValidity, type Certificate } from '../../pki/index.ts';
import { stack } from './errors.ts';
import { abs, Args, type Ctx } from './io.ts';
import { missingFile } from './errors.ts';

/** verifyOne checks a leaf against CA files the way `openssl verify` reports: "f: OK" or the error lines. */
function verifyOne(c: Ctx, name: string, cert: Certificate, roots: Certificate[], untrusted: Certificate[]): boolean {
  const now = c.p.sys.runtime.now;
  const chain = [cert];
  let cur = cert;
  for (let depth = 0; depth < 8; depth++) {
    if (issuedBy(cur, cur) && verifyCertificateSignature(cur, cur)) break;
    const up = [...roots, ...untrusted].find((r) => issuedBy(cur, r) && verifyCertificateSignature(cur, r));
    if (!up) {
      const code = depth === 0 ? 20 : 2;
      const why = depth === 0 ? 'unable to get local issuer certificate' : 'unable to get issuer certificate';
      c.err(`${formatName(cur.subject)}\nerror ${code} at ${depth} depth lookup: ${why}\nerror ${name}: verification failed\n`);
      return false;
    }
    chain.push(up);
    cur = up;
  }
  const top = chain[chain.length - 1]!;
  if (!roots.some((r) => r.der.length === top.der.length && r.der.every((b, i) => b === top.der[i]))) {
    const selfSigned = chain.length === 1;
    c.err(`${formatName(top.subject)}\nerror ${selfSigned ? 18 : 19} at ${chain.length - 1} depth lookup: ${selfSigned ? 'self-signed certificate' : 'self-signed certificate in certificate chain'}\nerror ${name}: verification failed\n`);
    return false;
  }
  for (let i = 0; i < chain.length; i++) {
    const v = checkValidity(chain[i]!, now);
    if (v !== 'valid') {
      c.err(`${formatName(chain[i]!.subject)}\nerror ${v === 'expired' ? 10 : 9} at ${i} depth lookup: certificate ${v === 'expired' ? 'has expired' : 'is not yet valid'}\nerror ${name}: verification failed\n`);
      return false;
    }
  }
  c.out(`${name}: OK\n`);
  return true;
}

/** runVerify is `openssl verify [-CAfile f] [-untrusted f] cert…`. */
export async function runVerify(c: Ctx, argv: string[]): Promise<number> {
  const a = new Args(argv, 'verify', c.err);
  const roots: Certificate[] = [];
  const untrusted: Certificate[] = [];
  const files: string[] = [];
  for (let arg = a.next(); arg !== undefined; arg = a.next()) {
    if (arg === '-CAfile' || arg === '-untrusted') {
      const v = a.value(arg);
      if (v === undefined) return 1;
      let text: string;
      try {
        text = c.p.fs.readFile(abs(c.p, v));
      } catch {
        c.err(`Error loading file ${v}\n` + stack('80000002', 'system library', 'BIO_new_file', 'No such file or directory', `../crypto/bio/bss_file.c:67:calling fopen(${v}, r)`) +
          stack('10000080', 'BIO routines', 'BIO_new_file', 'no such file', '../crypto/bio/bss_file.c:75:') + stack('05880002', 'x509 certificate routines', 'X509_load_cert_crl_file_ex', 'system lib', '../crypto/x509/by_file.c:229:'));
        return 1;
      }
      let certs: Certificate[] = [];
      try {
        certs = parseCertificatesPem(text);
      } catch {
        certs = [];
      }
      (arg === '-CAfile' ? roots : untrusted).push(...certs);
    } else if (arg === '-CApath' || arg === '-attime' || arg === '-purpose') {
      if (a.value(arg) === undefined) return 1;
    } else if (arg.startsWith('-') && arg !== '-') {
      c.err(`verify: Unknown option: ${arg}\nverify: Use -help for summary.\n`);
      return 1;
    } else files.push(arg);
  }
  let ok = true;
  for (const f of files) {
    let text: string;
    try {
      text = c.p.fs.readFile(abs(c.p, f));
    } catch {
      c.err(missingFile('certificate file', f) + 'Unable to load certificate file\n');
      ok = false;
      continue;
    }
    let cert: Certificate;
    try {
      cert = parseCertificatePem(text);
    } catch {
      c.err(`Could not read certificate file from ${f}\n` + stack('1608010C', 'STORE routines', 'ossl_store_handle_load_result', 'unsupported', '../crypto/store/store_result.c:149:') + 'Unable to load certificate file\n');
      ok = false;
      continue;
    }
    if (!verifyOne(c, f, cert, roots, untrusted)) ok = false;
  }
  return ok ? 0 : 2;
}
