import { endDateLine, formatName, issuedBy, parseCertificatesPem, startDateLine, verifyCertificateSignature, certificateToPem, type Certificate } from '../../pki/index.ts';
import { NetError } from '../../host/net.ts';
import { readAll } from '../../host/streams.ts';
import { abs, Args, type Ctx } from './io.ts';
import { connectError } from './misc.ts';

function chainLines(chain: Certificate[], showcerts: boolean): string {
  let t = '---\nCertificate chain\n';
  chain.forEach((c, i) => {
    const bits = c.publicKey.kind === 'rsa' ? c.publicKey.bits : 256;
    t += ` ${i} s:${formatName(c.subject)}\n   i:${formatName(c.issuer)}\n   a:PKEY: rsaEncryption, ${bits} (bit); sigalg: RSA-SHA256\n`;
    t += `   v:NotBefore: ${startDateLine(c).slice(10)}; NotAfter: ${endDateLine(c).slice(9)}\n`;
    if (showcerts) t += certificateToPem(c);
  });
  return t;
}

/** runSClient is `openssl s_client -connect host:port [-showcerts] [-CAfile f]` against the lab's TLS listeners. */
export async function runSClient(c: Ctx, argv: string[]): Promise<number> {
  const a = new Args(argv, 's_client', c.err);
  let target: string | undefined;
  let showcerts = false;
  let caFile: string | undefined;
  for (let arg = a.next(); arg !== undefined; arg = a.next()) {
    if (arg === '-connect' || arg === '-servername' || arg === '-CAfile' || arg === '-cert' || arg === '-key') {
      const v = a.value(arg);
      if (v === undefined) return 1;
      if (arg === '-connect') target = v;
      if (arg === '-CAfile') caFile = v;
    } else if (arg === '-showcerts') showcerts = true;
    else if (['-brief', '-quiet', '-no_ign_eof', '-tls1_2', '-tls1_3'].includes(arg)) continue;
    else if (!arg.startsWith('-')) target = arg;
    else {
      c.err(`s_client: Unknown option: ${arg}\ns_client: Use -help for summary.\n`);
      return 1;
    }
  }
  const m = /^(.*):(\d+)$/.exec(target ?? 'localhost:4433');
  const host = m?.[1] || 'localhost';
  const port = Number(m?.[2] ?? 4433);
  const sys = c.p.sys;
  const peer = { host: c.p.hostname, ip: sys.hostIp };
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : host === 'localhost' ? '127.0.0.1' : sys.net.resolve(host, peer);
  if (!ip) {
    c.err(`BIO_lookup_ex:system lib:../crypto/bio/bio_addr.c:738:Name or service not known\nconnect:errno=0\n`);
    return 1;
  }
  let pem: string | undefined;
  try {
    pem = sys.net.dial(peer, ip === '127.0.0.1' ? sys.hostIp : ip, port).tls?.certPem;
  } catch (e) {
    if (e instanceof NetError) {
      c.err(connectError());
      return 1;
    }
    throw e;
  }
  c.out('CONNECTED(00000003)\n');
  if (!pem) {
    c.err('40E7B1C5D27F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:354:\n');
    c.out('---\nno peer certificate available\n---\nNo client certificate CA names sent\n---\nSSL handshake has read 5 bytes and written 305 bytes\nVerification: OK\n---\nNew, (NONE), Cipher is (NONE)\nSecure Renegotiation IS NOT supported\nCompression: NONE\nExpansion: NONE\nNo ALPN negotiated\nEarly data was not sent\nVerify return code: 0 (ok)\n---\n');
    return 1;
  }
  const chain = parseCertificatesPem(pem);
  let roots: Certificate[] = [];
  if (caFile) {
    try {
      roots = parseCertificatesPem(c.p.fs.readFile(abs(c.p, caFile)));
    } catch {
      roots = [];
    }
  }
  const leaf = chain[0]!;
  const trusted = roots.some((r) => issuedBy(leaf, r) && verifyCertificateSignature(leaf, r));
  const code = trusted ? 0 : chain.length === 1 ? 21 : 20;
  const reason = code === 0 ? 'ok' : code === 21 ? 'unable to verify the first certificate' : 'unable to get local issuer certificate';
  if (trusted) c.err(`depth=1 ${formatName(roots.find((r) => issuedBy(leaf, r))!.subject)}\nverify return:1\ndepth=0 ${formatName(leaf.subject)}\nverify return:1\n`);
  else c.err(`depth=0 ${formatName(leaf.subject)}\nverify error:num=20:unable to get local issuer certificate\nverify return:1\ndepth=0 ${formatName(leaf.subject)}\nverify error:num=21:unable to verify the first certificate\nverify return:1\ndepth=0 ${formatName(leaf.subject)}\nverify return:1\n`);
  let t = chainLines(chain, showcerts);
  t += `---\nServer certificate\n${showcerts ? '' : certificateToPem(leaf)}subject=${formatName(leaf.subject)}\nissuer=${formatName(leaf.issuer)}\n`;
  t += '---\nNo client certificate CA names sent\nPeer signing digest: SHA256\nPeer signature type: RSA-PSS\nServer Temp Key: X25519, 253 bits\n---\n';
  t += `SSL handshake has read ${1200 + pem.length} bytes and written 373 bytes\nVerification${code ? ` error: ${reason}` : ': OK'}\n---\n`;
  t += `New, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256\nServer public key is ${leaf.publicKey.kind === 'rsa' ? leaf.publicKey.bits : 256} bit\nSecure Renegotiation IS NOT supported\nCompression: NONE\nExpansion: NONE\nNo ALPN negotiated\nEarly data was not sent\nVerify return code: ${code} (${reason})\n---\n`;
  c.out(t);
  await readAll(c.p.stdin);
  c.out('DONE\n');
  return 0;
}
