/**
 * Records what the real etcdctl 3.4 prints for damaged snapshot files, for
 * engine/store/snapshot.test.ts. It starts a throw-away etcd on free
 * loopback ports, saves a snapshot, damages copies of it the ways the store's
 * tests do (cut short, one byte changed in the data, one byte changed in the
 * trailing hash, not a snapshot at all) and keeps etcdctl's "Error: ..."
 * line for each.
 *
 *   node --import tsx scripts/record-golden/etcd-snapshot-errors.ts
 *
 * Writes engine/store/testdata/etcdctl-snapshot-errors.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ETCD = '/usr/bin/etcd';
const ETCDCTL = '/usr/bin/etcdctl';
const OUT = 'engine/store/testdata/etcdctl-snapshot-errors.json';

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

function etcdctl(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(ETCDCTL, args, { env: { ...process.env, ETCDCTL_API: '3' }, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** errorLine is etcdctl's "Error: ..." message (it may span lines), without its log lines. */
function errorLine(stderr: string): string {
  const at = stderr.indexOf('Error: ');
  if (at < 0) throw new Error(`no error in:\n${stderr}`);
  return stderr.slice(at).trimEnd();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-record-'));
  const [client, peer] = [await freePort(), await freePort()];
  const c = `http://127.0.0.1:${client}`;
  const p = `http://127.0.0.1:${peer}`;
  const proc = spawn(ETCD, ['--data-dir', join(dir, 'data'), '--listen-client-urls', c, '--advertise-client-urls', c, '--listen-peer-urls', p, '--initial-advertise-peer-urls', p, '--initial-cluster', `default=${p}`, '--logger', 'zap', '--log-level', 'error'], { stdio: 'ignore' });
  try {
    for (let i = 0; etcdctl(['--endpoints', c, 'put', 'probe', 'x']).status !== 0; i++) {
      if (i > 100) throw new Error('etcd did not come up');
      await new Promise((r) => setTimeout(r, 100));
    }
    for (let i = 0; i < 20; i++) etcdctl(['--endpoints', c, 'put', `/registry/pods/default/p${i}`, `{"n":${i}}`]);
    const snap = join(dir, 'snap.db');
    const saved = etcdctl(['--endpoints', c, 'snapshot', 'save', snap]);
    if (saved.status !== 0) throw new Error(saved.stderr);
    const good = readFileSync(snap);

    const flip = (at: number) => {
      const b = Buffer.from(good);
      b[at] = b[at]! ^ 0xff;
      return b;
    };
    const variants: Record<string, Buffer> = {
      truncated: good.subarray(0, good.length - 1000),
      'data-byte-changed': flip(4096 + 100),
      'hash-byte-changed': flip(good.length - 5),
      'not-a-snapshot': Buffer.from('apiVersion: v1\nkind: Pod\n'.repeat(2000)),
    };

    const recorded: Record<string, string> = {};
    for (const [name, bytes] of Object.entries(variants)) {
      const file = join(dir, `${name}.db`);
      writeFileSync(file, bytes);
      const restore = etcdctl(['snapshot', 'restore', file, '--data-dir', join(dir, `restore-${name}`)]);
      recorded[`restore ${name}`] = errorLine(restore.stderr);
    }
    const status = etcdctl(['snapshot', 'status', join(dir, 'not-a-snapshot.db')]);
    recorded['status not-a-snapshot'] = errorLine(status.stderr);
    const version = spawnSync(ETCDCTL, ['version'], { env: { ...process.env, ETCDCTL_API: '3' }, encoding: 'utf8' }).stdout.split('\n')[0];
    mkdirSync('engine/store/testdata', { recursive: true });
    writeFileSync(OUT, JSON.stringify({ recordedWith: version, errors: recorded }, null, 2) + '\n');
    console.log(`wrote ${OUT}`);
  } finally {
    proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
