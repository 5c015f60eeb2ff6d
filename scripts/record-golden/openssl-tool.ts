/**
 * Records what the real OpenSSL 3 (/usr/bin/openssl) prints for the command
 * lines the lab's openssl tool answers, into engine/tools/openssl/testdata/openssl-tool.json.
 * Inputs are the lab's fixture PKI (engine/pki/testing/fixtures.ts) and the
 * OpenSSL-made key and request of engine/pki/testdata/openssl/. Each error-stack
 * line starts with a per-process thread id, replaced here by 40E7B1C5D27F0000.
 *   node --import tsx scripts/record-golden/openssl-tool.ts
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePki, FIXTURE_NOW } from '../../engine/pki/testing/fixtures.ts';
import { OPENSSL_CASES } from '../../engine/tools/openssl/testing/cases.ts';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'engine/tools/openssl/testdata/openssl-tool.json');
const dir = mkdtempSync(join(tmpdir(), 'openssl-tool-'));
const pki = fixturePki();
writeFileSync(join(dir, 'ca.crt'), pki.cas['ca']!.certPem);
writeFileSync(join(dir, 'ca.key'), pki.cas['ca']!.keyPem);
writeFileSync(join(dir, 'apiserver.crt'), pki.certs['apiserver']!.certPem);
copyFileSync(join(root, 'engine/pki/testdata/openssl/jane.key'), join(dir, 'jane.key'));
copyFileSync(join(root, 'engine/pki/testdata/openssl/jane.csr'), join(dir, 'jane.csr'));
const tid = (s: string) => s.replace(/^[0-9A-F]{16}:error:/gm, '40E7B1C5D27F0000:error:');
const recs = OPENSSL_CASES.map((args) => {
  // -attime pins verify to the fixture clock, as the lab's clock is pinned there too.
  const argv = args[0] === 'verify' ? ['verify', '-attime', String(Math.floor(FIXTURE_NOW / 1000) + 3600), ...args.slice(1)] : args;
  const r = spawnSync('openssl', argv, { cwd: dir, input: '' });
  return { args, stdout: r.stdout.toString(), stderr: tid(r.stderr.toString()), code: r.status ?? 1 };
});
writeFileSync(out, JSON.stringify(recs, null, 2) + '\n');
rmSync(dir, { recursive: true, force: true });
console.log(`recorded ${out} (${recs.length} cases)`);
