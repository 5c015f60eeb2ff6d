/**
 * Records the kubectl read-side goldens (get, describe, api-resources, …) from
 * the real kubectl 1.33 against a lab apiserver served over HTTP.
 *
 * The state is created in-process by seedReadCluster (the same function the
 * tests run); the real kubectl only reads (GETs are JSON). Objects are created
 * three hours before the wall clock, so ages kubectl computes itself (describe)
 * and ages the server computes (tables) both print "3h". Every file records
 * t0; the tests start their clock there.
 *
 *   npx tsx scripts/record-golden/kubectl-read/record.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { testApiServer } from '../../../engine/apiserver/testing/harness.ts';
import { seedReadCluster } from '../../../engine/tools/kubectl/cmd/get/testdata/seed.ts';
import { CASE_SETS, FILES } from './cases.ts';
import { WATCH_CASES, WATCH_STEPS } from '../../../engine/tools/kubectl/cmd/get/testdata/watch-steps.ts';

const KUBECTL = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';

async function main() {
  const api = testApiServer();
  const t0 = Math.floor(Date.now() / 1000) * 1000 - 3 * 3600_000;
  api.runtime.advanceTo(t0);
  seedReadCluster(api.server, api.runtime);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const query: Record<string, string> = {};
      u.searchParams.forEach((v, k) => (query[k] = v));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      // the protobuf offer is dropped: the lab answers JSON, which kubectl accepts
      if (headers.accept) headers.accept = headers.accept.replace(/application\/vnd\.kubernetes\.protobuf[^,]*,?/g, '') || 'application/json';
      if (query.watch === 'true' || query.watch === '1') {
        // a watch streams one JSON event per line until kubectl goes away
        const w = api.server.watch({ method: 'GET', path: u.pathname, query, headers, credentials: { token: 'admin' } }, (e) => res.write(JSON.stringify(e) + '\n'), () => res.end());
        if ('status' in w) {
          res.writeHead(w.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(w.body));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
        api.runtime.settle();
        req.socket.on('close', () => w.stop());
        return;
      }
      const r = api.server.request({ method: req.method as 'GET', path: u.pathname, query, headers, credentials: { token: 'admin' } });
      const kind = (r.body as { kind?: string } | undefined)?.kind;
      const contentType = r.contentType ?? (kind === 'APIGroupDiscoveryList' ? 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' : 'application/json');
      // the apiserver's warnings (a deprecated API) travel as Warning headers, as kubelab serve sends them
      const head: Record<string, string | string[]> = { 'content-type': contentType };
      if (r.warnings?.length) head['warning'] = r.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
      res.writeHead(r.status, head);
      res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const dir = '/tmp/kubectl-read';
  // a discovery cache from an earlier run (another port, other objects) must not answer for this server
  rmSync(`${dir}/.kube`, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const kubeconfig = `${dir}/kubeconfig`;
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: http://127.0.0.1:${port}\n  name: lab\ncontexts:\n- context:\n    cluster: lab\n    user: admin\n  name: lab\ncurrent-context: lab\nusers:\n- name: admin\n  user:\n    token: admin\n`,
  );
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  for (const [file, cases] of Object.entries(CASE_SETS)) {
    const out: { args: string[]; stdout: string; stderr: string; code: number }[] = [];
    for (const args of cases) {
      const r = await run(args, kubeconfig);
      out.push({ args, ...r });
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ t0, server: `http://127.0.0.1:${port}`, cases: out }, null, 1) + '\n');
    console.log(`recorded ${file} (${out.length} cases)`);
  }
  // watches: the real kubectl watches while the steps change the cluster, then gets Ctrl-C
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const { spawn } = await import('node:child_process');
  const watches: { args: string[]; stdout: string; stderr: string }[] = [];
  for (const args of WATCH_CASES) {
    // each watch starts from the same state: the steps leave none of their objects behind
    const child = spawn(KUBECTL, args, { env: { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: kubeconfig, TZ: 'UTC' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await sleep(1500);
    for (const step of WATCH_STEPS) {
      step(api.server, api.runtime);
      api.runtime.settle();
      await sleep(700);
    }
    child.kill('SIGINT');
    await new Promise((r) => child.on('close', r));
    watches.push({ args, stdout, stderr });
  }
  writeFileSync('engine/tools/kubectl/cmd/get/testdata/watch.json', JSON.stringify({ t0, cases: watches }, null, 1) + '\n');
  console.log(`recorded watch.json (${watches.length} cases)`);
  server.close();
}

function run(args: string[], kubeconfig: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    import('node:child_process').then(({ execFile }) => {
      execFile(KUBECTL, args, { env: { PATH: '/usr/bin:/bin', HOME: '/tmp/kubectl-read', KUBECONFIG: kubeconfig, TZ: 'UTC' }, encoding: 'utf8' }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
        resolve({ stdout, stderr, code });
      });
    });
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
