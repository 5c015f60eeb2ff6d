import { modulusLine, parsePrivateKeyPem, parsePublicKeyPem, privateKeyToPem, publicKeyToPem } from '../../pki/index.ts';
import { stack } from './errors.ts';
import { Args, parseOr, readInput, writeOutput, type Ctx } from './io.ts';
import { keyPoolFor } from './keypool.ts';

/** runGenrsa is `openssl genrsa [-out file] [bits]`: a PKCS#8 key, as OpenSSL 3 writes it. */
export async function runGenrsa(c: Ctx, argv: string[]): Promise<number> {
  const a = new Args(argv, 'genrsa', c.err);
  let out: string | undefined;
  let bits = 2048;
  let traditional = false;
  for (let arg = a.next(); arg !== undefined; arg = a.next()) {
    if (arg === '-out') {
      const v = a.value(arg);
      if (v === undefined) return 1;
      out = v;
    } else if (arg === '-traditional') traditional = true;
    else if (arg.startsWith('-')) {
      const name = arg.slice(1);
      if (['aes128', 'aes256', 'des3'].includes(name)) continue;
      c.err(`genrsa: Unknown cipher: ${name}\n` + stack('0308010C', 'digital envelope routines', 'inner_evp_generic_fetch', 'unsupported', `../crypto/evp/evp_fetch.c:386:Global default library context, Algorithm (${name} : 0), Properties (<null>)`));
      return 1;
    } else if (!/^\d+$/.test(arg)) {
      c.err(`genrsa: Can't parse "${arg}" as a number\n`);
      return 1;
    } else bits = Number(arg);
  }
  if (bits < 512) {
    c.err(`genrsa: Error generating RSA key\n`);
    return 1;
  }
  const key = keyPoolFor(c.p.sys.runtime).newKey(bits);
  return writeOutput(c, out, privateKeyToPem(key, traditional ? 'pkcs1' : 'pkcs8'), 0o600) ? 0 : 1;
}

/** runRsa is `openssl rsa`: -pubout, -modulus, -check, re-encoding. */
export async function runRsa(c: Ctx, argv: string[]): Promise<number> {
  const a = new Args(argv, 'rsa', c.err);
  let inPath: string | undefined;
  let out: string | undefined;
  let pubout = false;
  let pubin = false;
  let noout = false;
  let modulus = false;
  let check = false;
  let traditional = false;
  for (let arg = a.next(); arg !== undefined; arg = a.next()) {
    if (arg === '-in' || arg === '-out' || arg === '-passin' || arg === '-inform' || arg === '-outform') {
      const v = a.value(arg);
      if (v === undefined) return 1;
      if (arg === '-in') inPath = v;
      if (arg === '-out') out = v;
    } else if (arg === '-pubout' || arg === '-RSAPublicKey_out') pubout = true;
    else if (arg === '-pubin') pubin = true;
    else if (arg === '-noout') noout = true;
    else if (arg === '-modulus') modulus = true;
    else if (arg === '-check') check = true;
    else if (arg === '-traditional') traditional = true;
    else {
      c.err(`rsa: Unknown option: ${arg}\nrsa: Use -help for summary.\n`);
      return 1;
    }
  }
  const text = await readInput(c, inPath, pubin ? 'public key' : 'private key');
  if (text === undefined) return 1;
  const key = pubin ? parseOr(c, text, inPath, 'public key', parsePublicKeyPem) : parseOr(c, text, inPath, 'private key', parsePrivateKeyPem);
  if (!key) return 1;
  let body = '';
  if (modulus) body += modulusLine({ ...key, kind: 'rsa' }) + '\n';
  if (check && !pubin) body += 'RSA key ok\n';
  if (!noout) {
    c.err('writing RSA key\n');
    body += pubout || pubin ? publicKeyToPem(key) : privateKeyToPem(key as Parameters<typeof privateKeyToPem>[0], traditional ? 'pkcs1' : 'pkcs8');
  }
  return writeOutput(c, out, body, pubout ? 0o644 : 0o600) ? 0 : 1;
}
