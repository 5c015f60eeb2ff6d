import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decimalId } from '../../controlplane/etcd/wire.ts';
import { runEtcdctl, runEtcdutl } from './program.ts';
import { etcdHarness } from './testing/harness.ts';

interface Transcript { args: string[]; stdout: string; stderr: string; code: number }
const golden = JSON.parse(readFileSync(new URL('./testdata/etcdctl-3.4.json', import.meta.url), 'utf8')) as {
  client: number; peer: number; down: number; name: string; transcripts: Transcript[];
};

/** Commands whose output etcdctl 3.4 and 3.5 print alike (the others are checked against the 3.5 sources below). */
const SAME_IN_3_5 = (t: Transcript) => {
  const a = t.args.slice(1).join(' ');
  return !a.startsWith('snapshot') && !a.startsWith('--dial-timeout') && a !== 'version' && !a.startsWith('endpoint');
};

function recordedIds() {
  const json = golden.transcripts.find((t) => t.args.includes('json') && t.stdout.includes('"kvs"'))!;
  const h = JSON.parse(json.stdout.replace(/"(cluster_id|member_id)":(\d+)/g, '"$1":"$2"')).header as { cluster_id: string; member_id: string };
  return { clusterId: h.cluster_id, memberId: h.member_id };
}

describe('etcdctl against transcripts of the real one', () => {
  it('prints what etcdctl prints, command after command', async () => {
    const ids = recordedIds();
    const h = etcdHarness({ ...ids, name: golden.name, clientPort: golden.client, peerUrl: `http://127.0.0.1:${golden.peer}` });
    let compared = 0;
    for (const t of golden.transcripts) {
      const r = await h.run(runEtcdctl, ['etcdctl', ...t.args], { stdin: '' });
      if (!SAME_IN_3_5(t)) continue;
      compared++;
      const label = t.args.slice(1).join(' ');
      expect({ label, code: r.code, stderr: r.stderr }).toEqual({ label, code: t.code, stderr: t.stderr });
      // An unknown flag prints the command's full usage, which is not reproduced.
      if (!t.args.includes('--bogus')) expect({ label, stdout: r.stdout }).toEqual({ label, stdout: t.stdout });
    }
    expect(compared).toBeGreaterThan(25);
    // endpoint status/health: same layout; the version, sizes, raft index and timings are the member's own
    const digitsOut = (t: string) => t.replace(/3\.[45]\.\d+/g, 'X.Y.Z').replace(/\d+(\.\d+)?(µs|ms| kB)?/g, 'N').replace(/<TOOK>/g, 'N').replace(/ +/g, ' ').replace(/-+/g, '-');
    for (const t of golden.transcripts.filter((x) => x.args[1] === 'endpoint')) {
      const r = await h.run(runEtcdctl, ['etcdctl', ...t.args]);
      expect({ args: t.args, out: digitsOut(r.stdout), code: r.code }).toEqual({ args: t.args, out: digitsOut(t.stdout), code: t.code });
      if (t.args.includes('status') && t.args.includes('table')) expect(r.stdout.split('\n')[1]).toBe(t.stdout.split('\n')[1]);
    }
  });

  it('reports an endpoint nobody listens on as 3.5 does', async () => {
    const h = etcdHarness();
    const r = await h.run(runEtcdctl, ['etcdctl', '--endpoints=127.0.0.1:2399', 'get', '/a']);
    expect(r.code).toBe(1);
    const [warn, err] = r.stderr.trimEnd().split('\n');
    expect(err).toBe('Error: context deadline exceeded');
    const w = JSON.parse(warn!) as Record<string, unknown>;
    expect(w).toMatchObject({ level: 'warn', logger: 'etcd-client', msg: 'retrying of unary invoker failed', attempt: 0 });
    expect(w.error).toBe('rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:2399: connect: connection refused"');
    expect(w.target).toMatch(/^etcd-endpoints:\/\/0xc000[0-9a-f]+\/#initially=\[127\.0\.0\.1:2399\]$/);
    // the client waits out --command-timeout (5s) before giving up
    expect(h.runtime.now - Date.UTC(2026, 0, 5, 10, 0, 0)).toBeGreaterThanOrEqual(5000);
  });

  it('reads its flags from ETCDCTL_* variables', async () => {
    const h = etcdHarness({ clientPort: 12379 });
    h.store.put('/k', 'v');
    expect((await h.run(runEtcdctl, ['etcdctl', 'get', '/k'])).code).toBe(1);
    expect((await h.run(runEtcdctl, ['etcdctl', 'get', '/k'], { env: { ETCDCTL_ENDPOINTS: '127.0.0.1:12379' } })).stdout).toBe('/k\nv\n');
  });
});

describe('snapshot save, status and restore (3.5)', () => {
  it('saves a snapshot with 3.5 log lines and restores it into a new data directory', async () => {
    const h = etcdHarness();
    for (let i = 0; i < 5; i++) h.store.put(`/registry/pods/default/p${i}`, `{"n":${i}}`);
    const save = await h.run(runEtcdctl, ['etcdctl', 'snapshot', 'save', '/tmp/snap.db']);
    expect(save.code).toBe(0);
    expect(save.stdout).toBe('Snapshot saved at /tmp/snap.db\n');
    const logs = save.stderr.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logs.map((l) => l.msg)).toEqual(['created temporary db file', 'opened snapshot stream; downloading', 'fetching snapshot', 'completed snapshot read; closing', 'fetched snapshot', 'saved']);
    expect(logs[0]!.path).toBe('/tmp/snap.db.part');
    expect(h.host.fs.exists('/tmp/snap.db.part')).toBe(false);

    const status = await h.run(runEtcdctl, ['etcdctl', 'snapshot', 'status', '/tmp/snap.db', '-w', 'table']);
    expect(status.stderr).toBe('Deprecated: Use `etcdutl snapshot status` instead.\n\n');
    expect(status.stdout.split('\n')[1]).toBe('|   HASH   | REVISION | TOTAL KEYS | TOTAL SIZE |');
    expect(status.stdout).toContain(`| ${String(h.store.revision).padStart(8)} |`);

    const restore = await h.run(runEtcdutl, ['etcdutl', 'snapshot', 'restore', '/tmp/snap.db', '--data-dir', '/var/lib/etcd-backup']);
    expect(restore.code).toBe(0);
    const lines = restore.stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t')[3])).toEqual(['restoring snapshot', 'Trimming membership information from the backend...', 'added member', 'restored snapshot']);
    expect(lines[0]).toContain('{"path": "/tmp/snap.db", "wal-dir": "/var/lib/etcd-backup/member/wal", "data-dir": "/var/lib/etcd-backup", "snap-dir": "/var/lib/etcd-backup/member/snap", "initial-memory-map-size": 10737418240}');
    expect(lines[2]).toContain('{"cluster-id": "cdf818194e3a8c32", "local-member-id": "0", "added-peer-id": "8e9e05c52164694d", "added-peer-peer-urls": ["http://localhost:2380"]}');
    expect(h.host.fs.exists('/var/lib/etcd-backup/member/snap/db')).toBe(true);

    const again = await h.run(runEtcdctl, ['etcdctl', 'snapshot', 'restore', '/tmp/snap.db', '--data-dir', '/var/lib/etcd-backup']);
    expect(again.stderr).toBe('Deprecated: Use `etcdutl snapshot restore` instead.\n\nError: data-dir "/var/lib/etcd-backup" not empty or could not be read\n');
    expect(again.code).toBe(1);
  });

  it('refuses to save from several endpoints at once', async () => {
    const h = etcdHarness();
    const r = await h.run(runEtcdctl, ['etcdctl', '--endpoints=127.0.0.1:2379,192.168.1.10:2379', 'snapshot', 'save', '/tmp/s.db']);
    expect(r.stderr).toBe('Error: snapshot must be requested to one selected node, not multiple [127.0.0.1:2379 192.168.1.10:2379]\n');
  });

  it('checks the TLS flags before it creates the temporary file', async () => {
    // etcdctl 3.4.23 (and 3.5's mustClientCfgFromCmd) print only the error line, exit 128
    const h = etcdHarness();
    h.host.fs.writeFile('/tmp/server.crt', '-----BEGIN CERTIFICATE-----\n');
    const r = await h.run(runEtcdctl, ['etcdctl', '--cacert=/tmp/server.crt', '--cert=/tmp/server.crt', 'snapshot', 'save', '/tmp/x.db']);
    expect(r).toMatchObject({ code: 128, stdout: '', stderr: 'Error: KeyFile and CertFile must both be present[key: , cert: /tmp/server.crt]\n' });
    expect(h.host.fs.exists('/tmp/x.db.part')).toBe(false);
  });

  it('prints the member in hex the way member list does', async () => {
    const h = etcdHarness({ memberId: decimalId('8e9e05c52164694d') });
    const r = await h.run(runEtcdctl, ['etcdctl', 'member', 'list']);
    expect(r.stdout).toBe('8e9e05c52164694d, started, controlplane, https://192.168.1.10:2380, http://127.0.0.1:2379, false\n');
  });
});
