/**
 * Records what the real etcdctl prints, for engine/tools/etcdctl. It starts a
 * throw-away etcd (the one installed at /usr/bin, 3.4) on free loopback ports
 * with a temporary data directory, runs a fixed list of commands against it
 * and keeps each command's stdout, stderr and exit code.
 *
 *   node --import tsx scripts/record-golden/etcdctl-transcripts.ts
 *
 * Writes engine/tools/etcdctl/testdata/etcdctl-3.4.json. The installed etcd is
 * 3.4; where 3.5 prints differently (log lines of snapshot save/restore, the
 * "Deprecated" notes, the retry warning) the engine follows the 3.5 sources and
 * the tests only compare what both versions print alike.
 *
 * The run's ports, member name and peer URL are saved beside the transcripts
 * (tables size their columns to them, so they are kept as they were); the
 * temporary directory becomes /tmp/work, log timestamps <TS>, timings <TOOK>.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ETCD = '/usr/bin/etcd';
const ETCDCTL = '/usr/bin/etcdctl';
const OUT = 'engine/tools/etcdctl/testdata/etcdctl-3.4.json';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

interface Record { args: string[]; stdout: string; stderr: string; code: number }

function run(args: string[], stdin = ''): Record {
  const r = spawnSync(ETCDCTL, args, { env: { PATH: process.env.PATH ?? '', ETCDCTL_API: '3' }, encoding: 'utf8', input: stdin });
  return { args, stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-etcdctl-'));
  const [client, peer] = [await freePort(), await freePort()];
  const c = `127.0.0.1:${client}`;
  const p = `http://127.0.0.1:${peer}`;
  const proc = spawn(ETCD, ['--name', 'controlplane', '--data-dir', join(dir, 'data'), '--listen-client-urls', `http://${c}`, '--advertise-client-urls', `http://${c}`, '--listen-peer-urls', p, '--initial-advertise-peer-urls', p, '--initial-cluster', `controlplane=${p}`, '--log-level', 'error', '--logger', 'zap'], { stdio: 'ignore' });
  const records: Record[] = [];
  try {
    for (let i = 0; run(['--endpoints', c, 'endpoint', 'health']).code !== 0; i++) {
      if (i > 100) throw new Error('etcd did not come up');
      await new Promise((r) => setTimeout(r, 100));
    }
    const e = `--endpoints=${c}`;
    const cmds: string[][] = [
      ['put', '/registry/pods/default/web', '{"kind":"Pod"}'],
      ['put', '/registry/pods/default/db', 'v2'],
      ['put', '/registry/namespaces/default', 'ns'],
      ['put', '/registry/pods/default/web', 'again'],
      ['get', '/registry/pods/default/web'],
      ['get', '/registry/pods', '--prefix'],
      ['get', '/registry', '--prefix', '--keys-only'],
      ['get', '/registry', '--prefix', '--keys-only', '--limit', '1'],
      ['get', '/registry/pods', '--prefix', '-w', 'json'],
      ['get', '/registry/pods/default/web', '-w', 'fields'],
      ['get', '/registry/pods', '--prefix', '--limit=1', '-w', 'json'],
      ['get', '/registry/pods', '--prefix', '--print-value-only'],
      ['get', '/nothing'],
      ['get', '/nothing', '-w', 'json'],
      ['get', '/registry/pods/default/web', '-w', 'table'],
      ['get', '/registry/pods/default/web', '-w', 'yaml'],
      ['get'],
      ['get', '/a', '--bogus'],
      ['put', 'onlykey'],
      ['del'],
      ['del', '/nothing'],
      ['del', '/registry/pods/default/db'],
      ['del', '/registry/pods', '--prefix'],
      ['member', 'list'],
      ['member', 'list', '-w', 'table'],
      ['endpoint', 'status'],
      ['endpoint', 'status', '-w', 'table'],
      ['endpoint', 'health', '-w', 'table'],
      ['version'],
      ['frobnicate'],
      ['snapshot', 'save'],
      ['snapshot', 'status', '/nonexistent.db'],
      ['snapshot', 'status'],
      ['--cacert', '/nonexistent/ca.crt', 'get', '/a'],
      ['--cert', '/nonexistent/c.crt', '--key', '/nonexistent/c.key', 'get', '/a'],
    ];
    for (const cmd of cmds) records.push(run([e, ...cmd]));
    // An endpoint nobody listens on.
    const down = await freePort();
    records.push(run([`--endpoints=127.0.0.1:${down}`, '--dial-timeout=1s', '--command-timeout=1s', 'get', '/a']));
    const snap = join(dir, 'snap.db');
    records.push(run([e, 'snapshot', 'save', snap]));
    records.push(run([e, 'snapshot', 'status', snap, '-w', 'table']));
    records.push(run([e, 'snapshot', 'restore', snap, '--data-dir', join(dir, 'data')]));
    records.push(run([e, 'snapshot', 'restore', snap, '--data-dir', join(dir, 'restored')]));
    mkdirSync('engine/tools/etcdctl/testdata', { recursive: true });
    const norm = (s: string) =>
      s
        .split(dir).join('/tmp/work')
        .replace(/took = [0-9.]+[µm]?s/g, 'took = <TOOK>')
        .replace(/\| +[0-9.]+[µm]?s \|/g, '| <TOOK> |')
        .replace(/"ts":[^,]+,/g, '"ts":<TS>,')
        .replace(/client-[0-9a-f-]+/g, 'client-<ID>');
    const out = records.map((r) => ({ args: r.args.map(norm), stdout: norm(r.stdout), stderr: norm(r.stderr), code: r.code }));
    writeFileSync(OUT, JSON.stringify({ client, peer, down, name: 'controlplane', transcripts: out }, null, 1) + '\n');
    console.log(`wrote ${out.length} transcripts to ${OUT}`);
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
