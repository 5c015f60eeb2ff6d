import type { Process } from '../../host/process.ts';
import { StoreError } from '../../store/types.ts';
import { restoreSnapshot, snapshotStatus } from '../../store/snapshot.ts';
import { clusterIdFor, memberIdFor, parseInitialCluster } from '../../controlplane/etcd/ids.ts';
import { isEmptyOrMissing, writeDataDir } from '../../controlplane/etcd/datadir.ts';
import { absolute } from './connect.ts';
import { EXIT, type Ctx } from './context.ts';
import type { FlagSpec } from './flags.ts';
import { humanBytes, isoMicros, isoSeconds, table, zapConsole, zapJson } from './format.ts';

/** RESTORE_FLAGS are `snapshot restore`'s flags (etcdctl and etcdutl alike). */
export const RESTORE_FLAGS: Record<string, FlagSpec> = {
  'data-dir': { kind: 'string', def: '' },
  'wal-dir': { kind: 'string', def: '' },
  'initial-cluster': { kind: 'string', def: 'default=http://localhost:2380' },
  'initial-cluster-token': { kind: 'string', def: 'etcd-cluster' },
  'initial-advertise-peer-urls': { kind: 'string', def: 'http://localhost:2380' },
  name: { kind: 'string', def: 'default' },
  'skip-hash-check': { kind: 'bool', def: 'false' },
  'mark-compacted': { kind: 'bool', def: 'false' },
  'bump-revision': { kind: 'int', def: '0' },
};

/** snapshotSave is `etcdctl snapshot save <file>`: the member streams its database into the file. */
export async function snapshotSave(c: Ctx): Promise<number> {
  if (c.flags.args.length !== 1) return c.fail(EXIT.badArgs, 'snapshot save expects one argument');
  // The client configuration (TLS files) is checked before the temporary file exists.
  const tls = c.clientTls();
  if ('code' in tls) return tls.code;
  const eps = c.config().endpoints;
  if (eps.length !== 1) return c.fail(EXIT.interrupted, `snapshot must be requested to one selected node, not multiple [${eps.join(' ')}]`);
  const path = c.flags.args[0]!;
  const abs = absolute(c.p, path);
  const part = `${path}.part`;
  const log = (fields: [string, unknown][]) => c.err(zapJson('info', isoMicros(c.p.sys.runtime.now), fields));
  try {
    c.p.fs.writeFile(`${abs}.part`, new Uint8Array(0), { mode: 0o600 });
  } catch (e) {
    const code = (e as { code?: string }).code;
    return c.fail(EXIT.interrupted, `could not open ${part} (open ${part}: ${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : 'no such file or directory'})`);
  }
  log([['caller', 'snapshot/v3_snapshot.go:65'], ['msg', 'created temporary db file'], ['path', part]]);
  const conn = await c.connect();
  if ('code' in conn) {
    c.p.fs.unlink(`${abs}.part`);
    return conn.code;
  }
  log([['logger', 'client'], ['caller', 'v3@v3.5.21/maintenance.go:212'], ['msg', 'opened snapshot stream; downloading']]);
  log([['caller', 'snapshot/v3_snapshot.go:73'], ['msg', 'fetching snapshot'], ['endpoint', eps[0]]]);
  const bytes = conn.service.store.snapshot();
  c.p.fs.writeFile(`${abs}.part`, bytes, { mode: 0o600 });
  log([['logger', 'client'], ['caller', 'v3@v3.5.21/maintenance.go:220'], ['msg', 'completed snapshot read; closing']]);
  log([['caller', 'snapshot/v3_snapshot.go:88'], ['msg', 'fetched snapshot'], ['endpoint', eps[0]], ['size', humanBytes(bytes.length)], ['took', 'now']]);
  c.p.fs.rename(`${abs}.part`, abs);
  log([['caller', 'snapshot/v3_snapshot.go:97'], ['msg', 'saved'], ['path', path]]);
  c.out(`Snapshot saved at ${path}\n`);
  return EXIT.ok;
}

function readSnapshotFile(p: Process, path: string, verb: 'stat' | 'open'): Uint8Array | { error: string } {
  try {
    return p.fs.readBytes(absolute(p, path));
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { error: `${verb} ${path}: ${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : 'no such file or directory'}` };
  }
}

/** snapshotStatusCmd is `snapshot status <file>` (etcdutl's; etcdctl prints a deprecation note first). */
export function snapshotStatusCmd(c: Ctx, deprecated: boolean): number {
  if (deprecated) c.err('Deprecated: Use `etcdutl snapshot status` instead.\n\n');
  if (c.flags.args.length !== 1) return c.fail(EXIT.badArgs, 'snapshot status requires exactly one argument');
  const w = c.writeOut;
  if (!['simple', 'json', 'table', 'fields', 'protobuf'].includes(w)) return c.fail(EXIT.badFeature, 'unsupported output format');
  const bytes = readSnapshotFile(c.p, c.flags.args[0]!, 'stat');
  if ('error' in bytes) return c.fail(EXIT.error, bytes.error);
  let s;
  try {
    s = snapshotStatus(bytes);
  } catch (e) {
    if (e instanceof StoreError) return c.fail(EXIT.error, e.message);
    throw e;
  }
  const hash = s.hash.toString(16);
  if (w === 'table') c.out(table(['HASH', 'REVISION', 'TOTAL KEYS', 'TOTAL SIZE'], [[hash, String(s.revision), String(s.totalKey), humanBytes(s.totalSize)]]));
  else if (w === 'json') c.out(`{"hash":${s.hash},"revision":${s.revision},"totalKey":${s.totalKey},"totalSize":${s.totalSize}}`);
  else if (w === 'fields') c.out(`"Hash" : ${s.hash}\n"Revision" : ${s.revision}\n"Keys" : ${s.totalKey}\n"Size" : ${s.totalSize}\n`);
  else c.out(`${hash}, ${s.revision}, ${s.totalKey}, ${humanBytes(s.totalSize)}\n`);
  return EXIT.ok;
}

/**
 * snapshotRestore is `snapshot restore <file> --data-dir …`: a new member of a
 * new cluster (IDs from --initial-cluster and the token) holding the file's
 * keyspace, written as a data directory. etcdctl prints a deprecation note
 * and keeps the memory-map size at 0; etcdutl uses 10 GiB.
 */
export function snapshotRestore(c: Ctx, viaEtcdctl: boolean): number {
  if (viaEtcdctl) c.err('Deprecated: Use `etcdutl snapshot restore` instead.\n\n');
  if (c.flags.args.length !== 1) return c.fail(EXIT.badArgs, 'snapshot restore requires exactly one argument');
  const file = c.flags.args[0]!;
  const name = c.str('name');
  const dataDir = c.str('data-dir') || `${name}.etcd`;
  const walDir = c.str('wal-dir') || `${dataDir}/member/wal`;
  const snapDir = `${dataDir}/member/snap`;
  const cluster = parseInitialCluster(c.str('initial-cluster'));
  if ('error' in cluster) return c.fail(EXIT.error, cluster.error);
  const peerUrls = c.str('initial-advertise-peer-urls').split(',');
  const mine = cluster.get(name);
  if (!mine) return c.fail(EXIT.error, `couldn't find local name "${name}" in the initial cluster configuration`);
  if ([...mine].sort().join(',') !== [...peerUrls].sort().join(',')) {
    return c.fail(EXIT.error, `--initial-cluster has ${name}=${mine.join(',')} but missing from --initial-advertise-peer-urls=${peerUrls.join(',')} ("${peerUrls[0]}"(resolved from "${peerUrls[0]}") != "${mine[0]}"(resolved from "${mine[0]}"))`);
  }
  const absData = absolute(c.p, dataDir);
  if (!isEmptyOrMissing(c.p.fs, absData)) return c.fail(EXIT.error, `data-dir "${dataDir}" not empty or could not be read`);
  const token = c.str('initial-cluster-token');
  const ids = [...cluster.entries()].map(([n, urls]) => ({ n, urls, id: memberIdFor(urls, token) }));
  const clusterId = clusterIdFor(ids.map((m) => m.id));
  const memberId = ids.find((m) => m.n === name)!.id;
  const ts = isoSeconds(c.p.sys.runtime.now);
  const dirs: [string, unknown][] = [['path', file], ['wal-dir', walDir], ['data-dir', dataDir], ['snap-dir', snapDir], ['initial-memory-map-size', viaEtcdctl ? 0 : 10737418240]];
  c.err(zapConsole(ts, 'snapshot/v3_snapshot.go:265', 'restoring snapshot', dirs));
  // the file is opened only now, after the log line, as etcdutl's saveDB does
  const bytes = readSnapshotFile(c.p, file, 'open');
  if ('error' in bytes) return c.fail(EXIT.error, bytes.error);
  let restored;
  try {
    restored = restoreSnapshot(bytes);
  } catch (e) {
    if (e instanceof StoreError) return c.fail(EXIT.error, e.message);
    throw e;
  }
  c.err(zapConsole(ts, 'membership/store.go:141', 'Trimming membership information from the backend...'));
  for (const m of ids) {
    c.err(zapConsole(ts, 'membership/cluster.go:421', 'added member', [['cluster-id', clusterId], ['local-member-id', '0'], ['added-peer-id', m.id], ['added-peer-peer-urls', m.urls]]));
  }
  try {
    writeDataDir(c.p.fs, absData, restored.snapshot(), { name, memberId, clusterId, peerUrls });
  } catch (e) {
    const code = (e as { code?: string }).code;
    return c.fail(EXIT.error, `mkdir ${dataDir}: ${code === 'EACCES' ? 'permission denied' : 'no such file or directory'}`);
  }
  c.err(zapConsole(ts, 'snapshot/v3_snapshot.go:293', 'restored snapshot', dirs));
  return EXIT.ok;
}
