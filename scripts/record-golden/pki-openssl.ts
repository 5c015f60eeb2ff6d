/**
 * Records what the real OpenSSL 3 (/usr/bin/openssl) and kubectl 1.33 say about
 * the lab's PKI, into engine/pki/testdata/:
 *   ours/<name>.crt + .txt      certificates made by engine/pki and openssl's output for them
 *   ours/<name>.csr + .txt      requests made by engine/pki
 *   ours/verify.txt             `openssl verify -CAfile` on every leaf
 *   openssl/*                   keys, requests and certificates made by openssl itself, with its text
 *   kubeconfig-*.yaml           kubeconfigs written by `kubectl config`, for the layout
 * Each .txt holds sections "### <openssl arguments>" followed by the output.
 *
 * Run: node --import tsx scripts/record-golden/pki-openssl.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_NOW, fixtureCertificates, fixtureCsrs, fixturePki, pemOf } from '../../engine/pki/testing/fixtures.ts';
import { X509_ARGS, REQ_ARGS, SUBJECTS } from '../../engine/pki/testing/golden-cases.ts';

const root = join(import.meta.dirname, '..', '..');
const td = join(root, 'engine/pki/testdata');
const tmp = mkdtempSync(join(tmpdir(), 'pki-golden-'));

// stdout then stderr: each recorded command writes to one of them only.
function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, input === undefined ? {} : { input });
  return r.stdout.toString() + r.stderr.toString();
}
const openssl = (args: string[], input?: string) => run('openssl', args, input);
const sections = (file: string, kind: 'x509' | 'req', argSets: string[][]) =>
  argSets.map((a) => `### ${a.join(' ')}\n${openssl([kind, '-in', file, ...a])}`).join('');

for (const d of ['ours', 'openssl']) {
  rmSync(join(td, d), { recursive: true, force: true });
  mkdirSync(join(td, d), { recursive: true });
}

// 1. Certificates made by engine/pki.
const pki = fixturePki();
const certs = fixtureCertificates(pki);
for (const [name, c] of Object.entries(certs)) {
  const f = join(td, 'ours', `${name}.crt`);
  writeFileSync(f, pemOf(c));
  writeFileSync(join(td, 'ours', `${name}.txt`), sections(f, 'x509', X509_ARGS));
}
for (const [name, pem] of Object.entries(fixtureCsrs())) {
  const f = join(td, 'ours', `${name}.csr`);
  writeFileSync(f, pem);
  writeFileSync(join(td, 'ours', `${name}.txt`), sections(f, 'req', REQ_ARGS));
}
const caFile = (n: string) => join(td, 'ours', `${n}.crt`);
const verifyLines = Object.keys(certs).filter((n) => !n.endsWith('ca') && !n.startsWith('kubelet-serving') && !n.startsWith('edge')).map((n) => {
  const issuer = /^(front-proxy-client)$/.test(n) ? 'front-proxy-ca' : /^(etcd-|apiserver-etcd)/.test(n) ? 'etcd-ca' : 'ca';
  // -attime pins the check to the fixture's clock, so re-recording later gives the same answer.
  return openssl(['verify', '-attime', String(FIXTURE_NOW / 1000 + 3600), '-CAfile', caFile(issuer), caFile(n)]).replace(td + '/', '');
});
writeFileSync(join(td, 'ours', 'verify.txt'), verifyLines.join(''));

// 2. Artifacts made by openssl itself.
const o = (n: string) => join(td, 'openssl', n);
writeFileSync(join(tmp, 'ca.key'), pki.cas['ca']!.keyPem);
openssl(['genrsa', '-out', o('jane.key'), '2048']);
openssl(['rsa', '-in', o('jane.key'), '-traditional', '-out', o('jane.pkcs1.key')]);
openssl(['rsa', '-in', o('jane.key'), '-pubout', '-out', o('jane.pub')]);
openssl(['req', '-new', '-key', o('jane.key'), '-subj', '/CN=jane/O=dev', '-out', o('jane.csr')]);
openssl(['req', '-new', '-key', o('jane.key'), '-subj', '/CN=jane', '-addext', 'subjectAltName=DNS:jane.example.com,IP:10.0.0.1,IP:fd00::1',
  '-addext', 'extendedKeyUsage=clientAuth', '-out', o('jane-ext.csr')]);
openssl(['req', '-x509', '-new', '-key', o('jane.key'), '-subj', '/CN=my-ca', '-days', '365', '-out', o('self.crt')]);
openssl(['x509', '-req', '-in', o('jane.csr'), '-CA', caFile('ca'), '-CAkey', join(tmp, 'ca.key'), '-CAcreateserial',
  '-CAserial', join(tmp, 'ca.srl'), '-days', '500', '-out', o('jane.crt')]);
writeFileSync(join(tmp, 'ext'), 'subjectAltName=DNS:jane.example.com\nextendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n');
openssl(['x509', '-req', '-in', o('jane.csr'), '-CA', caFile('ca'), '-CAkey', join(tmp, 'ca.key'), '-CAserial', join(tmp, 'ca.srl'),
  '-days', '30', '-extfile', join(tmp, 'ext'), '-out', o('jane-ext.crt')]);
for (const n of ['self', 'jane', 'jane-ext']) writeFileSync(o(`${n}.crt.txt`), sections(o(`${n}.crt`), 'x509', X509_ARGS));
for (const n of ['jane', 'jane-ext']) writeFileSync(o(`${n}.csr.txt`), sections(o(`${n}.csr`), 'req', REQ_ARGS));
writeFileSync(o('subjects.txt'), SUBJECTS.map((s) => {
  const csr = openssl(['req', '-new', '-key', o('jane.key'), '-subj', s]);
  return `### ${s}\n${csr.startsWith('-----BEGIN') ? openssl(['req', '-noout', '-subject'], csr) : csr}`;
}).join(''));

// 3. Kubeconfig layout, as client-go's clientcmd writes it.
const kubectl = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
const admin = pki.kubeconfigs['admin.conf']!;
writeFileSync(join(tmp, 'ca.crt'), pki.cas['ca']!.certPem);
writeFileSync(join(tmp, 'admin.crt'), admin.certPem);
writeFileSync(join(tmp, 'admin.key'), admin.keyPem);
const kc = (file: string, ...args: string[]) => run(kubectl, ['config', `--kubeconfig=${file}`, ...args]);
const a = join(tmp, 'admin.conf');
kc(a, 'set-cluster', 'kubernetes', `--server=${admin.server}`, `--certificate-authority=${join(tmp, 'ca.crt')}`, '--embed-certs');
kc(a, 'set-credentials', admin.user, `--client-certificate=${join(tmp, 'admin.crt')}`, `--client-key=${join(tmp, 'admin.key')}`, '--embed-certs');
kc(a, 'set-context', `${admin.user}@kubernetes`, '--cluster=kubernetes', `--user=${admin.user}`);
kc(a, 'use-context', `${admin.user}@kubernetes`);
writeFileSync(join(td, 'kubeconfig-admin.yaml'), readFileSync(a));
const w = join(tmp, 'kubelet.conf');
const cur = '/var/lib/kubelet/pki/kubelet-client-current.pem';
kc(w, 'set-cluster', 'default-cluster', `--server=${admin.server}`, `--certificate-authority=${join(tmp, 'ca.crt')}`, '--embed-certs');
kc(w, 'set-credentials', 'default-auth', `--client-certificate=${cur}`, `--client-key=${cur}`);
kc(w, 'set-context', 'default-context', '--cluster=default-cluster', '--user=default-auth', '--namespace=default');
kc(w, 'use-context', 'default-context');
writeFileSync(join(td, 'kubeconfig-kubelet-node.yaml'), readFileSync(w));

rmSync(tmp, { recursive: true, force: true });
console.log(`recorded ${Object.keys(certs).length} certificates`);
