/**
 * Records what the real kubectl prints for the generators of kubectl's writing
 * commands under --dry-run=client (create <generator>, run, expose of an
 * object that exists), and their validation errors, into
 * engine/tools/kubectl/cmd/create/testdata/generators.json. kubectl needs API
 * discovery for some of them; it talks to a lab apiserver served over HTTP
 * (serve.ts), which answers discovery and the reads expose makes. klog
 * timestamps and pids in stderr are normalised, and the working folder is
 * shown as /root, the lab's home folder the tests use.
 *   node --import tsx scripts/record-golden/kubectl-write/generators.ts
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { KUBECTL, save } from './lib.ts';
import { kubeconfigFor, serveApi } from './serve.ts';
import { CASES, FILES, SETUP } from './cases.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..', 'engine/tools/kubectl/cmd/create/testdata');
const work = mkdtempSync(join(tmpdir(), 'kubectl-write-'));
for (const [p, text] of Object.entries(FILES)) {
  mkdirSync(dirname(join(work, p)), { recursive: true });
  writeFileSync(join(work, p), text);
}
const s = await serveApi();
const kc = join(work, '.kubeconfig');
writeFileSync(kc, kubeconfigFor(s.url));
const exec = async (argv: string[]) => {
  try {
    const r = await run(KUBECTL, argv, { cwd: work, env: { ...process.env, KUBECONFIG: kc, HOME: work } });
    return { stdout: r.stdout, stderr: r.stderr, code: 0 };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; code?: number };
    return { stdout: x.stdout ?? '', stderr: x.stderr ?? '', code: typeof x.code === 'number' ? x.code : 1 };
  }
};
for (const o of SETUP) {
  const r = s.api.server.request({ method: 'POST', path: o.path, body: o.body, credentials: { token: 'admin' } });
  if (r.status >= 300) throw new Error(`setup ${o.path} failed: ${JSON.stringify(r.body)}`);
}
s.api.runtime.settle();
const out: { argv: string[]; stdout: string; stderr: string; code: number }[] = [];
for (const argv of CASES) {
  const r = await exec(argv);
  out.push({ argv, stdout: r.stdout.replaceAll(work, '/root'), stderr: r.stderr.replaceAll(work, '/root').replace(/^([EWI])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1MMDD hh:mm:ss.uuuuuu PID '), code: r.code });
}
s.server.close();
rmSync(work, { recursive: true, force: true });
save(join(root, 'generators.json'), JSON.stringify({ files: FILES, setup: SETUP, cases: out }, null, 1) + '\n');
