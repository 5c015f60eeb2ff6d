/**
 * Records what the real kubectl 1.33 leaves in its discovery cache
 * (~/.kube/cache/discovery/<host_port>/) after one `kubectl get pods` against a
 * lab apiserver served over HTTP with aggregated discovery, and which requests
 * a first and a second invocation send.
 *
 *   npx tsx scripts/record-golden/kubectl-discovery-cache.ts
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApiServer } from '../../engine/apiserver/testing/harness.ts';
import { KUBECTL, save } from './kubectl-write/lib.ts';

const OUT = 'engine/tools/kubectl/testdata/discovery-cache.golden.json';

async function main() {
  const api = testApiServer();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${u.pathname}`);
    const query: Record<string, string> = {};
    u.searchParams.forEach((v, k) => (query[k] = v));
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    // the protobuf offer is dropped: the lab answers JSON, which kubectl accepts
    if (headers.accept) headers.accept = headers.accept.replace(/application\/vnd\.kubernetes\.protobuf[^,]*,?/g, '') || 'application/json';
    const r = api.server.request({ method: req.method as 'GET', path: u.pathname, query, headers, credentials: { token: 'admin' } });
    res.writeHead(r.status, { 'content-type': r.contentType ?? 'application/json' });
    res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const home = mkdtempSync(join(tmpdir(), 'kubectl-home-'));
  const kubeconfig = join(home, 'config');
  writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: http://127.0.0.1:${port}\n  name: lab\ncontexts:\n- context:\n    cluster: lab\n    user: admin\n  name: lab\ncurrent-context: lab\nusers:\n- name: admin\n  user:\n    token: admin\n`);
  // asynchronous: the server answering kubectl runs on this process's event loop
  const run = (args: string[]) => new Promise<void>((resolve) => execFile(KUBECTL, ['--kubeconfig', kubeconfig, ...args], { env: { ...process.env, HOME: home } }, () => resolve()));
  const invocations: { args: string[]; requests: string[] }[] = [];
  for (const args of [['get', 'pods'], ['get', 'pods'], ['get', 'nosuchthings', '--ignore-not-found']]) {
    requests.length = 0;
    await run(args); // the unknown type fails: only its requests matter
    invocations.push({ args, requests: [...requests] });
  }
  const dir = join(home, '.kube/cache/discovery', `127.0.0.1_${port}`);
  const files: Record<string, { mode: string; text: string }> = {};
  const dirs: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const st = statSync(join(dir, r));
      if (st.isDirectory()) {
        dirs[r] = (st.mode & 0o777).toString(8);
        walk(r);
      } else files[r] = { mode: (st.mode & 0o777).toString(8), text: readFileSync(join(dir, r), 'utf8') };
    }
  };
  walk('');
  server.close();
  rmSync(home, { recursive: true, force: true });
  save(OUT, `${JSON.stringify({ kubectl: KUBECTL, invocations, dirs, files }, null, 1)}\n`);
}

void main();
