/**
 * Records what the real curl (7.88, whose error lines are those of curl 8) and
 * GNU wget print for the lab's network tool cases, into
 * engine/tools/net/testdata/net-tools.json. It serves 127.0.0.1:18080 (a
 * python http.server with index.html = "hello\n"), 127.0.0.1:18443 (openssl
 * s_server with a self-signed CN=test certificate) and leaves 127.0.0.1:18081
 * closed; *.invalid names never resolve.
 *   node --import tsx scripts/record-golden/net-tools.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NET_TOOL_CASES } from '../../engine/tools/net/testing/cases.ts';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'engine/tools/net/testdata/net-tools.json');
const dir = mkdtempSync(join(tmpdir(), 'net-tools-'));
writeFileSync(join(dir, 'index.html'), 'hello\n');
spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-subj', '/CN=test', '-days', '1']);
const http = spawn('python3', ['-m', 'http.server', '18080', '--bind', '127.0.0.1'], { cwd: dir, stdio: 'ignore' });
const tls = spawn('openssl', ['s_server', '-accept', '18443', '-cert', join(dir, 'c.pem'), '-key', join(dir, 'k.pem'), '-www', '-quiet'], { cwd: dir, stdio: 'ignore' });
spawnSync('sleep', ['1.5']);
try {
  const recs = NET_TOOL_CASES.map((args) => {
    const r = spawnSync(args[0]!, args.slice(1), { cwd: dir, input: '', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    return { args, stdout: r.stdout.toString(), stderr: r.stderr.toString(), code: r.status ?? 1 };
  });
  writeFileSync(out, JSON.stringify(recs, null, 2) + '\n');
  console.log(`recorded ${out} (${recs.length} cases)`);
} finally {
  http.kill();
  tls.kill();
  rmSync(dir, { recursive: true, force: true });
}
