/**
 * Records what the real kubectl 1.33 prints for `kubectl explain`, for
 * engine/tools/kubectl/cmd/explain. kubectl reads the OpenAPI v3 documents of
 * the server; here the server is the lab's own apiserver (over a plain HTTP
 * bridge on a loopback port), whose documents are built from the upstream
 * type definitions, so the text is kubectl's own rendering of them.
 *
 *   node --import tsx scripts/record-golden/kubectl-cluster/explain.ts
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadOpenApiDefinitions } from '../../../engine/api/openapi/load.ts';
import { testApiServer } from '../../../engine/apiserver/testing/harness.ts';

/** KUBECTL is the real kubectl the goldens are recorded from (as in ../lib.mjs). */
const KUBECTL = process.env['KUBECTL'] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';

function save(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`recorded ${path}`);
}

const CASES: string[][] = [
  ['pods'], ['pod.spec'], ['pods.spec.containers'], ['pod.spec.containers.resources.limits'], ['deployment.spec.strategy'], ['deploy', '--recursive'],
  ['svc.spec.type'], ['pv.spec.accessModes'], ['networkpolicy.spec.ingress'], ['nodes.status.conditions'], ['pods.spec.nope'], ['widgets'], ['pods.metadata.name'],
  ['cronjob.spec.jobTemplate.spec.template.spec.restartPolicy'], ['pods', '--api-version=v2'], ['ingress.spec.rules.http.paths'],
  ['service.spec.ports'], ['configmap'], ['clusterrole.rules'], ['secret.data'], ['hpa', '--api-version=autoscaling/v1'], ['pvc.spec.resources'], ['pods.spec.containers.livenessProbe', '--recursive'], ['pods', 'x'],
];

async function main(): Promise<void> {
  await loadOpenApiDefinitions();
  const { server } = testApiServer();
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    const r = server.request({ method: 'GET', path: url.pathname, query, credentials: { token: 'admin' } });
    res.writeHead(r.status, { 'content-type': 'application/json' });
    res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
  });
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  const port = (http.address() as { port: number }).port;
  const home = mkdtempSync(join(tmpdir(), 'kubectl-explain-'));
  writeFileSync(join(home, 'config'), `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: http://127.0.0.1:${port}\n  name: k\ncontexts:\n- context:\n    cluster: k\n    user: u\n  name: k\ncurrent-context: k\nusers:\n- name: u\n  user:\n    token: admin\n`);
  const out = [];
  for (const args of CASES) {
    // kubectl runs in a child process while this process serves its requests, so it is spawned asynchronously.
    const r = await new Promise<{ stdout: string; stderr: string; code: number }>((resolve) => {
      const child = spawn(KUBECTL, ['explain', ...args], { env: { PATH: '/usr/bin:/bin', HOME: home, KUBECONFIG: join(home, 'config') } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code: number) => resolve({ stdout, stderr, code }));
    });
    out.push({ argv: ['explain', ...args], ...r });
  }
  http.close();
  rmSync(home, { recursive: true, force: true });
  save(new URL('../../../engine/tools/kubectl/cmd/explain/testdata/explain.json', import.meta.url).pathname, JSON.stringify(out, null, 2) + '\n');
}

void main();
