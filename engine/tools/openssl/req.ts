import {
  certificateToPem, createCsr, csrToPem, opensslSerial, parseCsrPem, parsePrivateKeyPem, parseSubjectArg,
  privateKeyToPem, publicKeyToPem, reqText, signCertificate, subjectKeyIdFor, subjectLine, verifyCsr,
  type CertExtension, type DistinguishedName, type RsaPrivateKey,
} from '../../pki/index.ts';
import { parseExtLine } from './ext-config.ts';
import { Args, parseOr, readInput, writeOutput, type Ctx } from './io.ts';
import { keyPoolFor, progressDots } from './keypool.ts';

interface ReqOpts {
  in?: string;
  out?: string;
  key?: string;
  keyout?: string;
  newkey?: number;
  subj?: string;
  x509: boolean;
  isNew: boolean;
  noout: boolean;
  text: boolean;
  subject: boolean;
  verify: boolean;
  pubkey: boolean;
  nodes: boolean;
  days: number;
  addext: string[];
}

function parse(c: Ctx, argv: string[]): ReqOpts | undefined {
  const o: ReqOpts = { x509: false, isNew: false, noout: false, text: false, subject: false, verify: false, pubkey: false, nodes: false, days: 30, addext: [] };
  const a = new Args(argv, 'req', c.err);
  for (let arg = a.next(); arg !== undefined; arg = a.next()) {
    if (arg === '-new') o.isNew = true;
    else if (arg === '-x509') o.x509 = true;
    else if (arg === '-noout') o.noout = true;
    else if (arg === '-text') o.text = true;
    else if (arg === '-subject') o.subject = true;
    else if (arg === '-verify') o.verify = true;
    else if (arg === '-pubkey') o.pubkey = true;
    else if (arg === '-nodes' || arg === '-noenc') o.nodes = true;
    else if (arg === '-days') {
      const n = a.number(arg);
      if (n === undefined) return undefined;
      o.days = n;
    } else if (['-in', '-out', '-key', '-keyout', '-newkey', '-subj', '-addext', '-config', '-extensions', '-reqexts', '-passout', '-passin', '-inform', '-outform', '-keyform', '-nameopt'].includes(arg)) {
      const v = a.value(arg);
      if (v === undefined) return undefined;
      if (arg === '-in') o.in = v;
      else if (arg === '-out') o.out = v;
      else if (arg === '-key') o.key = v;
      else if (arg === '-keyout') o.keyout = v;
      else if (arg === '-subj') o.subj = v;
      else if (arg === '-addext') o.addext.push(v);
      else if (arg === '-newkey') {
        const m = /^rsa:(\d+)$/.exec(v);
        if (!m) {
          c.err(`req: Unknown algorithm ${v.split(':')[0]}\n`);
          return undefined;
        }
        o.newkey = Number(m[1]);
        o.isNew = true;
      }
    } else if (['-sha256', '-sha1', '-sha512', '-batch', '-utf8', '-copy_extensions'].includes(arg)) {
      continue;
    } else {
      c.err(`req: Unknown option or message digest: ${arg.replace(/^-/, '')}\nreq: Use -help for summary.\n`);
      return undefined;
    }
  }
  return o;
}

/** promptSubject asks for the DN fields as `openssl req` does without -subj (defaults from openssl.cnf). */
async function promptSubject(c: Ctx): Promise<DistinguishedName | undefined> {
  c.err(`You are about to be asked to enter information that will be incorporated\ninto your certificate request.\nWhat you are about to enter is what is called a Distinguished Name or a DN.\nThere are quite a few fields but you can leave some blank\nFor some fields there will be a default value,\nIf you enter '.', the field will be left blank.\n-----\n`);
  const fields: Array<[string, string, string]> = [['C', 'Country Name (2 letter code)', 'AU'], ['ST', 'State or Province Name (full name)', 'Some-State'], ['L', 'Locality Name (eg, city)', ''], ['O', 'Organization Name (eg, company)', 'Internet Widgits Pty Ltd'], ['OU', 'Organizational Unit Name (eg, section)', ''], ['CN', 'Common Name (e.g. server FQDN or YOUR name)', ''], ['emailAddress', 'Email Address', '']];
  let buffered = '';
  const readLine = async (): Promise<string> => {
    while (!buffered.includes('\n')) {
      const chunk = await c.p.stdin.read();
      if (chunk === null) break;
      buffered += chunk;
    }
    const i = buffered.indexOf('\n');
    const line = i < 0 ? buffered : buffered.slice(0, i);
    buffered = i < 0 ? '' : buffered.slice(i + 1);
    return line;
  };
  let subj = '';
  for (const [k, q, d] of fields) {
    c.err(`${q} [${d}]:`);
    const v = (await readLine()).trim();
    const val = v === '' ? d : v === '.' ? '' : v;
    if (val !== '') subj += `/${k}=${val.replace(/\//g, '\\/')}`;
  }
  c.err(`\nPlease enter the following 'extra' attributes\nto be sent with your certificate request\nA challenge password []:An optional company name []:`);
  await readLine();
  await readLine();
  const r = parseSubjectArg(subj || '/');
  return 'error' in r ? undefined : r.name;
}

/** runReq is `openssl req`: show a request, make one (-new), or make a self-signed certificate (-x509). */
export async function runReq(c: Ctx, argv: string[]): Promise<number> {
  const o = parse(c, argv);
  if (!o) return 1;
  const rand = c.p.sys.runtime.rand;
  if (!o.isNew && !o.x509) {
    const text = await readInput(c, o.in, 'certificate request');
    if (text === undefined) return 1;
    const csr = parseOr(c, text, o.in, 'certificate request', parseCsrPem);
    if (!csr) return 1;
    if (o.verify) c.err(verifyCsr(csr) ? 'Certificate request self-signature verify OK\n' : 'Certificate request self-signature verify failure\n');
    let out = '';
    if (o.text) out += reqText(csr);
    if (o.subject) out += subjectLine(csr.subject) + '\n';
    if (o.pubkey && csr.publicKey.kind === 'rsa') out += publicKeyToPem(csr.publicKey);
    if (!o.noout) out += csrToPem(csr);
    return writeOutput(c, o.out, out) ? 0 : 1;
  }
  let key: RsaPrivateKey | undefined;
  if (o.key) {
    const text = await readInput(c, o.key, 'private key');
    if (text === undefined) return 1;
    key = parseOr(c, text, o.key, 'private key', parsePrivateKeyPem);
    if (!key) return 1;
  } else {
    key = keyPoolFor(c.p.sys.runtime).newKey(o.newkey ?? 2048);
    c.err(progressDots(c.p.sys.runtime));
    if (!o.nodes) {
      c.err('Enter PEM pass phrase:');
      c.err('\nreq: the lab does not encrypt keys; use -nodes (-noenc)\n');
      return 1;
    }
    if (!writeOutput(c, o.keyout ?? 'privkey.pem', privateKeyToPem(key, 'pkcs8'), 0o600)) return 1;
  }
  let subject: DistinguishedName | undefined;
  if (o.subj !== undefined) {
    const r = parseSubjectArg(o.subj);
    if ('error' in r) {
      c.err(`req: ${r.error}\n`);
      return 1;
    }
    for (const w of r.warnings) c.err(w + '\n');
    subject = r.name;
  } else {
    subject = await promptSubject(c);
    if (!subject) return 1;
  }
  const exts: CertExtension[] = [];
  for (const a of o.addext) {
    const eq = a.indexOf('=');
    const r = parseExtLine(a.slice(0, eq).trim(), a.slice(eq + 1).trim());
    if (r.error || !r.ext) {
      c.err(`req: ${r.error ?? 'Error adding extension'}\n`);
      return 1;
    }
    exts.push(r.ext);
  }
  if (o.x509) {
    const now = c.p.sys.runtime.now;
    const ski = subjectKeyIdFor(key);
    const cert = signCertificate({
      serial: opensslSerial(rand), subject, notBefore: now, notAfter: now + o.days * 86400_000, publicKey: key,
      extensions: [{ kind: 'subjectKeyIdentifier', critical: false, keyId: ski }, { kind: 'authorityKeyIdentifier', critical: false, keyId: ski }, { kind: 'basicConstraints', critical: true, ca: true }, ...exts],
    }, { key });
    return writeOutput(c, o.out, certificateToPem(cert)) ? 0 : 1;
  }
  const csr = createCsr({ subject, key, extensions: exts });
  let out = o.text ? reqText(csr) : '';
  if (!o.noout) out += csrToPem(csr);
  return writeOutput(c, o.out, out) ? 0 : 1;
}
