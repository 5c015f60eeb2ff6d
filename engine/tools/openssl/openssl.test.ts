import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../base/runtime.ts';
import { createHost } from '../../host/image.ts';
import { runOn, sysFor } from '../../host/systemd/testing/lab.ts';
import { parseCertificatePem, x509Text } from '../../pki/index.ts';
import { fixturePki, FIXTURE_NOW } from '../../pki/testing/fixtures.ts';
import { runOpenssl } from './program.ts';

interface Rec { args: string[]; stdout: string; stderr: string; code: number }
const REC: Rec[] = JSON.parse(readFileSync(new URL('./testdata/openssl-tool.json', import.meta.url), 'utf8'));
const td = (p: string) => readFileSync(new URL(`../../pki/testdata/${p}`, import.meta.url), 'utf8');

function lab() {
  const runtime = new Runtime({ start: FIXTURE_NOW + 3_600_000, seed: 7 });
  const host = createHost({ name: 'controlplane', ip: '192.168.1.10', clock: runtime.clock });
  const pki = fixturePki();
  const files: Record<string, string> = {
    'ca.crt': pki.cas['ca']!.certPem, 'ca.key': pki.cas['ca']!.keyPem, 'apiserver.crt': pki.certs['apiserver']!.certPem,
    'jane.key': td('openssl/jane.key'), 'jane.csr': td('openssl/jane.csr'),
  };
  for (const [n, t] of Object.entries(files)) host.fs.writeFile(`/root/${n}`, t);
  void sysFor;
  return { runtime, host };
}

describe('openssl against recorded outputs', () => {
  it('answers every recorded command line as OpenSSL 3.0 does', async () => {
    const l = lab();
    for (const r of REC) {
      const got = await runOn(l, runOpenssl, ['openssl', ...r.args]);
      expect({ args: r.args.join(' '), stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual({ args: r.args.join(' '), stdout: r.stdout, stderr: r.stderr, code: r.code });
    }
  });

  it('signs a request as v1 without -extfile and as v3 with OpenSSL 3 key identifiers with it', async () => {
    const l = lab();
    l.host.fs.writeFile('/root/ext.cnf', 'subjectAltName=DNS:jane.example.com\nextendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n');
    const a = await runOn(l, runOpenssl, ['openssl', 'x509', '-req', '-in', 'jane.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'jane.crt', '-days', '500']);
    expect(a.code).toBe(0);
    const serial1 = l.host.fs.readFile('/root/ca.srl').trim();
    expect(serial1).toMatch(/^[0-9A-F]{40}$/);
    const v1 = parseCertificatePem(l.host.fs.readFile('/root/jane.crt'));
    expect(x509Text(v1)).toContain('        Version: 1 (0x0)\n');
    expect(v1.notAfter - v1.notBefore).toBe(500 * 86400_000);
    const b = await runOn(l, runOpenssl, ['openssl', 'x509', '-req', '-in', 'jane.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAserial', 'ca.srl', '-days', '30', '-extfile', 'ext.cnf', '-out', 'jane-ext.crt']);
    expect(b.code).toBe(0);
    expect(BigInt('0x' + l.host.fs.readFile('/root/ca.srl').trim())).toBe(BigInt('0x' + serial1) + 1n);
    const mine = x509Text(parseCertificatePem(l.host.fs.readFile('/root/jane-ext.crt')));
    const real = td('openssl/jane-ext.crt.txt').split('### ')[1]!.replace(/^[^\n]*\n/, '');
    const exts = (t: string) => t.slice(t.indexOf('        X509v3 extensions:'), t.indexOf('    Signature Algorithm', t.indexOf('X509v3 extensions')));
    expect(exts(mine)).toBe(exts(real));
    const verify = await runOn(l, runOpenssl, ['openssl', 'verify', '-CAfile', 'ca.crt', 'jane-ext.crt']);
    expect(verify.stdout).toBe('jane-ext.crt: OK\n');
  });

  it('makes keys, requests and self-signed certificates that read back', async () => {
    const l = lab();
    expect((await runOn(l, runOpenssl, ['openssl', 'genrsa', '-out', 'bob.key', '2048'])).code).toBe(0);
    expect(l.host.fs.readFile('/root/bob.key')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(l.host.fs.stat('/root/bob.key').mode & 0o777).toBe(0o600);
    await runOn(l, runOpenssl, ['openssl', 'req', '-new', '-key', 'bob.key', '-subj', '/CN=bob/O=dev', '-out', 'bob.csr']);
    expect((await runOn(l, runOpenssl, ['openssl', 'req', '-in', 'bob.csr', '-noout', '-subject'])).stdout).toBe('subject=CN = bob, O = dev\n');
    const self = await runOn(l, runOpenssl, ['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 's.key', '-out', 's.crt', '-days', '30', '-subj', '/CN=self']);
    expect(self.code).toBe(0);
    expect(self.stderr).toMatch(/-----\n$/);
    const t = x509Text(parseCertificatePem(l.host.fs.readFile('/root/s.crt')));
    expect(t).toContain('            X509v3 Basic Constraints: critical\n                CA:TRUE\n');
    expect((await runOn(l, runOpenssl, ['openssl', 'base64'], { stdin: 'hello' })).stdout).toBe('aGVsbG8=\n');
    expect((await runOn(l, runOpenssl, ['openssl', 'rand', '-hex', '8'])).stdout).toMatch(/^[0-9a-f]{16}\n$/);
  });
});
