// Records the request bodies the real kubectl sends for generator commands
// (client-go's typed clients send protobuf), and the objects the same
// commands print with --dry-run=client -o json, as goldens for
// bin/serve/protobuf. A stub HTTP server takes the writes and refuses them.
// Run: node scripts/record-golden/kubectl-protobuf.mjs
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KUBECTL, kubectl, save } from './lib.mjs';

const OUT = 'bin/serve/protobuf/testdata';
const CASES = {
  configmap: ['create', 'configmap', 'cm', '--from-literal=a=b', '--from-literal=c=d'],
  secret: ['create', 'secret', 'generic', 's', '--from-literal=p=q'],
  deployment: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3', '--port=80'],
  service: ['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30080'],
  job: ['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi'],
  cronjob: ['create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/5 * * * *'],
  role: ['create', 'role', 'r', '--verb=get,list', '--resource=pods,deployments.apps'],
  rolebinding: ['create', 'rolebinding', 'rb', '--role=r', '--user=jane', '--serviceaccount=default:sa1'],
  quota: ['create', 'quota', 'q', '--hard=pods=2,requests.cpu=1'],
  priorityclass: ['create', 'priorityclass', 'pc', '--value=1000', '--description=high'],
  pdb: ['create', 'poddisruptionbudget', 'p', '--selector=app=a', '--min-available=1'],
  ingress: ['create', 'ingress', 'i', '--rule=a.com/*=svc:80,tls=sec', '--class=nginx'],
  serviceaccount: ['create', 'serviceaccount', 'sa1'],
  namespace: ['create', 'namespace', 'ns1'],
};

const bodies = [];
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method !== 'GET') bodies.push({ method: req.method, url: req.url, contentType: req.headers['content-type'], body: Buffer.concat(chunks) });
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'recorded', reason: 'InternalError', code: 500 }));
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const dir = mkdtempSync(join(tmpdir(), 'kubelab-proto-'));
const kubeconfig = join(dir, 'config');
writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: http://127.0.0.1:${port}\n  name: stub\ncontexts:\n- context:\n    cluster: stub\n    user: stub\n    namespace: default\n  name: stub\ncurrent-context: stub\nusers:\n- name: stub\n  user:\n    token: stub\n`);

function runReal(args) {
  return new Promise((resolve) => {
    const p = spawn(KUBECTL, args, { env: { ...process.env, KUBECONFIG: kubeconfig } });
    p.on('close', resolve);
  });
}

for (const [name, args] of Object.entries(CASES)) {
  bodies.length = 0;
  await runReal(args);
  const write = bodies.find((b) => b.method === 'POST');
  if (!write) {
    console.log(`${name}: kubectl sent no write (it needs discovery first); skipped`);
    continue;
  }
  save(join(OUT, `${name}.bin`), write.body);
  save(join(OUT, `${name}.request.txt`), `${write.method} ${write.url}\ncontent-type: ${write.contentType}\n`);
  const dry = kubectl([...args.slice(0, args.indexOf('--') < 0 ? args.length : args.indexOf('--')), '--dry-run=client', '-o', 'json', ...(args.includes('--') ? args.slice(args.indexOf('--')) : [])]);
  if (dry.code !== 0) throw new Error(`${name}: ${dry.stderr}`);
  save(join(OUT, `${name}.json`), dry.stdout);
}
// auth can-i sends a SelfSubjectAccessReview
bodies.length = 0;
await runReal(['auth', 'can-i', 'get', 'pods', '--subresource=log', '-n', 'dev']);
const ssar = bodies.find((b) => b.method === 'POST');
if (ssar) {
  save(join(OUT, 'ssar.bin'), ssar.body);
  save(join(OUT, 'ssar.request.txt'), `${ssar.method} ${ssar.url}\ncontent-type: ${ssar.contentType}\n`);
}
server.close();
