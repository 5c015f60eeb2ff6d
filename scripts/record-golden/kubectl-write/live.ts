/**
 * Records what the real kubectl prints for a sequence of writing commands run
 * against a served lab apiserver (serve.ts) into
 * engine/tools/kubectl/cmd/create/testdata/live.json. The texts recorded are
 * kubectl's own messages ("deployment.apps/web labeled", its errors); where a
 * line quotes the server, it quotes the lab's apiserver.
 *   node --import tsx scripts/record-golden/kubectl-write/live.ts
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { KUBECTL, save } from './lib.ts';
import { SETUP } from './cases.ts';
import { LIVE_CASES, LIVE_FILES } from './live-cases.ts';
import { kubeconfigFor, serveApi } from './serve.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..', 'engine/tools/kubectl/cmd/create/testdata');
const work = mkdtempSync(join(tmpdir(), 'kubectl-live-'));
for (const [p, text] of Object.entries(LIVE_FILES)) {
  mkdirSync(dirname(join(work, p)), { recursive: true });
  writeFileSync(join(work, p), text);
}
const s = await serveApi();
const admin = { token: 'admin' };
for (const ns of ['default', 'team']) s.api.server.request({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, credentials: admin });
for (const o of SETUP) {
  const r = s.api.server.request({ method: 'POST', path: o.path, body: o.body, credentials: admin });
  if (r.status >= 300) throw new Error(`setup ${o.path} failed: ${JSON.stringify(r.body)}`);
}
s.api.runtime.settle();
const kc = join(work, '.kubeconfig');
writeFileSync(kc, kubeconfigFor(s.url));
const out: { argv: string[]; stdout: string; stderr: string; code: number }[] = [];
for (const argv of LIVE_CASES) {
  let r;
  try {
    const x = await run(KUBECTL, argv, { cwd: work, env: { ...process.env, KUBECONFIG: kc, HOME: work } });
    r = { stdout: x.stdout, stderr: x.stderr, code: 0 };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; code?: number };
    r = { stdout: x.stdout ?? '', stderr: x.stderr ?? '', code: typeof x.code === 'number' ? x.code : 1 };
  }
  out.push({ argv, stdout: r.stdout, stderr: r.stderr.replace(/^([EWI])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1MMDD hh:mm:ss.uuuuuu PID '), code: r.code });
}
s.server.close();
rmSync(work, { recursive: true, force: true });
save(join(root, 'live.json'), JSON.stringify({ files: LIVE_FILES, setup: SETUP, cases: out }, null, 1) + '\n');
