import type { Process, Program } from '../../host/process.ts';
import type { HttpHandler } from '../../host/net.ts';
import { openDataDir, readIdentity, writeDataDir, writeIdentity, type DataDirIdentity } from '../etcd/datadir.ts';
import { clusterIdFor, memberIdFor, parseInitialCluster } from '../etcd/ids.ts';
import { ETCD_PEER_PROTOCOL, RaftGroup, type GroupMember } from '../etcd/group.ts';
import { etcdService } from '../etcd/service.ts';
import { ETCD_PROTOCOL } from '../etcd/wire.ts';
import { readText } from './klog.ts';

/**
 * The etcd server binary of the registry.k8s.io/etcd image. It reads its
 * flags (Go's flag package: `-name` or `--name`), opens --data-dir on the
 * container's filesystem (the hostPath the manifest mounts), serves the
 * store on every --listen-client-urls address with the TLS files it was
 * given, answers the kubelet's probes on --listen-metrics-urls, and writes
 * the keyspace back to the data directory when it is stopped.
 */

const STRING_FLAGS = [
  'name', 'data-dir', 'wal-dir', 'listen-client-urls', 'advertise-client-urls', 'listen-peer-urls', 'initial-advertise-peer-urls', 'initial-cluster',
  'initial-cluster-state', 'initial-cluster-token', 'listen-metrics-urls', 'cert-file', 'key-file', 'trusted-ca-file', 'peer-cert-file', 'peer-key-file',
  'peer-trusted-ca-file', 'snapshot-count', 'heartbeat-interval', 'election-timeout', 'quota-backend-bytes', 'max-request-bytes', 'max-txn-ops',
  'auto-compaction-mode', 'auto-compaction-retention', 'log-level', 'logger', 'log-outputs', 'feature-gates', 'watch-progress-notify-interval',
  'experimental-watch-progress-notify-interval', 'metrics', 'listen-client-http-urls', 'cipher-suites', 'tls-min-version', 'tls-max-version',
  'config-file', 'discovery', 'discovery-srv', 'max-snapshots', 'max-wals', 'snapshot-catchup-entries', 'corrupt-check-time',
  'experimental-corrupt-check-time', 'experimental-compact-hash-check-time', 'backend-batch-interval', 'backend-batch-limit', 'grpc-keepalive-interval',
  'grpc-keepalive-timeout', 'grpc-keepalive-min-time', 'client-crl-file', 'peer-crl-file', 'auth-token', 'bcrypt-cost', 'experimental-snapshot-catchup-entries',
];
const BOOL_FLAGS = [
  'client-cert-auth', 'peer-client-cert-auth', 'auto-tls', 'peer-auto-tls', 'strict-reconfig-check', 'enable-pprof', 'force-new-cluster', 'version', 'help', 'h',
  'experimental-initial-corrupt-check', 'experimental-enable-lease-checkpoint', 'experimental-compact-hash-check-enabled', 'enable-v2', 'pre-vote',
  'experimental-enable-distributed-tracing', 'unsafe-no-fsync',
];
const KNOWN = new Set([...STRING_FLAGS, ...BOOL_FLAGS]);
const BOOLS = new Set(BOOL_FLAGS);

const USAGE = `Usage:

  etcd [flags]
    Start an etcd server.

  etcd --version
    Show the version of etcd.

  etcd -h | --help
    Show the help information about etcd.

  etcd --config-file
    Path to the server configuration file. Note that if a configuration file is provided, other command line flags and environment variables will be ignored.

  etcd gateway
    Run the stateless pass-through etcd TCP connection forwarding proxy.

  etcd grpc-proxy
    Run the stateless etcd v3 gRPC L7 reverse proxy.

`;

function parse(argv: string[]): Map<string, string> | { error: string } {
  const m = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) return { error: `'${a}' is not a valid flag` };
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    if (!KNOWN.has(name)) return { error: `flag provided but not defined: -${name}` };
    if (eq >= 0) m.set(name, body.slice(eq + 1));
    else if (BOOLS.has(name)) m.set(name, 'true');
    else if (i + 1 < argv.length) m.set(name, argv[++i]!);
    else return { error: `flag needs an argument: -${name}` };
  }
  return m;
}

/** hostPort reads "https://127.0.0.1:2379" into its parts. */
function hostPort(url: string): { scheme: string; host: string; port: number } | undefined {
  const m = /^(https?|unixs?):\/\/(\[[^\]]+\]|[^:/]+):(\d+)\/?$/.exec(url);
  return m ? { scheme: m[1]!, host: m[2]!.replace(/^\[|\]$/g, ''), port: Number(m[3]) } : undefined;
}

/**
 * joinOrCreate finds the member's identity and its raft group: from its data
 * directory; as a member added to a running cluster
 * (--initial-cluster-state=existing: the group is asked through the peer URLs
 * of --initial-cluster); or as a new cluster from --initial-cluster.
 */
async function joinOrCreate(p: Process, f: (n: string, d?: string) => string, name: string, dataDir: string): Promise<{ group: RaftGroup; id: DataDirIdentity } | { fatal: string; caller: string; msg: string }> {
  const peers = f('initial-advertise-peer-urls', 'http://localhost:2380').split(',');
  let id = readIdentity(p.fs, dataDir);
  if (!id && f('initial-cluster-state', 'new') === 'existing') {
    const cluster = parseInitialCluster(f('initial-cluster', `${name}=http://localhost:2380`));
    if ('error' in cluster) return { fatal: cluster.error, caller: 'etcdmain/etcd.go:204', msg: 'discovery failed' };
    const group = askPeers(p, [...cluster.entries()].filter(([n]) => n !== name).flatMap(([, urls]) => urls));
    if (!group) return { fatal: 'cannot fetch cluster info from peer urls: could not retrieve cluster information from the given URLs', caller: 'etcdmain/etcd.go:204', msg: 'discovery failed' };
    const me = group.members.find((m) => m.peerUrls.some((u) => peers.includes(u)));
    if (!me) return { fatal: `error validating peerURLs {ClusterID:${group.clusterId} Members:[${group.members.map((m) => `&{ID:${m.id} RaftAttributes:{PeerURLs:[${m.peerUrls.join(' ')}] IsLearner:${m.isLearner}} Attributes:{Name:${m.name} ClientURLs:[${m.clientUrls.join(' ')}]}}`).join(' ')}] RemovedMemberIDs:[]}: member count is unequal`, caller: 'etcdmain/etcd.go:204', msg: 'discovery failed' };
    return { group, id: { name, memberId: me.id, clusterId: group.clusterId, peerUrls: me.peerUrls } };
  }
  let members: GroupMember[];
  if (!id) {
    const cluster = parseInitialCluster(f('initial-cluster', `${name}=http://localhost:2380`));
    if ('error' in cluster) return { fatal: cluster.error, caller: 'etcdmain/etcd.go:204', msg: 'discovery failed' };
    const token = f('initial-cluster-token', 'etcd-cluster');
    if (!cluster.has(name)) return { fatal: `couldn't find local name "${name}" in the initial cluster configuration`, caller: 'etcdmain/etcd.go:204', msg: 'discovery failed' };
    members = [...cluster.entries()].map(([n, urls]) => ({ id: memberIdFor(urls, token), name: n === name ? name : '', peerUrls: urls, clientUrls: [], isLearner: false, started: n === name }));
    id = { name, memberId: memberIdFor(peers, token), clusterId: clusterIdFor(members.map((m) => m.id)), peerUrls: peers };
  } else {
    members = id.members ?? [{ id: id.memberId, name: id.name, peerUrls: id.peerUrls, clientUrls: [], isLearner: false, started: true }];
  }
  // A member that ran before rejoins its group through the other members' peer URLs.
  const known = id;
  const running = askPeers(p, members.filter((m) => m.id !== known.memberId).flatMap((m) => m.peerUrls));
  if (running && running.clusterId === id.clusterId && running.members.some((m) => m.id === known.memberId)) return { group: running, id };
  const opened = openDataDir(p.fs, dataDir, id);
  if ('error' in opened) return { fatal: opened.error, caller: 'etcdserver/backend.go:81', msg: 'failed to open database' };
  const rand = p.sys.runtime.rand;
  const group = new RaftGroup(id.clusterId, opened.store, members, () => ((BigInt((rand.uint32() | 0x10000000) >>> 0) << 32n) | BigInt(rand.uint32() >>> 0)).toString(16), opened.store.header().raftTerm ?? 2);
  return { group, id };
}

/** askPeers dials the peer URLs of other members and answers the first raft group that answers. */
function askPeers(p: Process, urls: string[]): RaftGroup | undefined {
  for (const u of urls) {
    const hp = hostPort(u);
    if (!hp) continue;
    const from = { host: p.hostname, ip: p.sys.hostIp };
    const addr = p.sys.net.resolve(hp.host, from) ?? hp.host;
    try {
      const l = p.sys.net.dial(from, addr, hp.port);
      if (l.protocol === ETCD_PEER_PROTOCOL) return l.handler as RaftGroup;
    } catch {
      /* that member is down: ask the next one */
    }
  }
  return undefined;
}

/** etcdProgram makes the etcd binary of one version ("3.5.21"). */
export function etcdProgram(version: string): Program {
  return async (p: Process) => {
    const ts = () => new Date(p.sys.runtime.now).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
    const log = (level: string, caller: string, msg: string, fields: Record<string, unknown> = {}) =>
      p.stderr.write(JSON.stringify({ level, ts: ts(), caller, msg, ...fields }) + '\n');
    const fatal = (caller: string, msg: string, err: string) => {
      log('fatal', caller, msg, { error: err, stacktrace: 'go.etcd.io/etcd/server/v3/etcdmain.startEtcdOrProxyV2\n\tgo.etcd.io/etcd/server/v3/etcdmain/etcd.go:204' });
      return 1;
    };
    const flags = parse(p.argv.slice(1));
    if ('error' in flags) {
      p.stderr.write(`${flags.error}\n${USAGE}`);
      return 2;
    }
    if (flags.has('version')) {
      p.stdout.write(`etcd Version: ${version}\nGit SHA: a4b6d3c\nGo Version: go1.23.9\nGo OS/Arch: linux/amd64\n`);
      return 0;
    }
    const f = (n: string, d = '') => flags.get(n) ?? d;
    const name = f('name', 'default');
    const dataDir = f('data-dir', `${name}.etcd`);
    log('info', 'etcdmain/etcd.go:73', 'Running: ', { args: p.argv });
    // TLS files are read before anything listens, as embed.StartEtcd does.
    let tls: { certPem: string; clientCaPem?: string; requireClientCert?: boolean } | undefined;
    const clientUrls = f('listen-client-urls', 'http://localhost:2379').split(',');
    if (clientUrls.some((u) => u.startsWith('https://'))) {
      for (const k of ['cert-file', 'key-file']) {
        if (!f(k)) return fatal('etcdmain/etcd.go:204', 'discovery failed', `TLS key/cert (--cert-file, --key-file) must be provided for client url ${clientUrls[0]} with HTTPS scheme`);
      }
      const cert = readText(p, f('cert-file'));
      if (typeof cert !== 'string') return fatal('etcdmain/etcd.go:204', 'discovery failed', cert.error);
      const key = readText(p, f('key-file'));
      if (typeof key !== 'string') return fatal('etcdmain/etcd.go:204', 'discovery failed', key.error);
      tls = { certPem: cert };
      if (f('client-cert-auth') === 'true' || f('trusted-ca-file')) {
        const ca = readText(p, f('trusted-ca-file'));
        if (typeof ca !== 'string') return fatal('etcdmain/etcd.go:204', 'discovery failed', ca.error);
        tls.clientCaPem = ca;
        tls.requireClientCert = f('client-cert-auth') === 'true';
      }
    }
    // The data directory decides who this member is; flags only matter for a new one.
    const joined = await joinOrCreate(p, f, name, dataDir);
    if ('fatal' in joined) return fatal(joined.caller, joined.msg, joined.fatal);
    const { group, id } = joined;
    const store = group.store;
    const service = etcdService(store, { name, peerUrls: id.peerUrls, clientUrls: f('advertise-client-urls', 'http://localhost:2379').split(','), version, group, memberId: id.memberId });
    const closers: { close(): void }[] = [];
    for (const u of clientUrls) {
      const hp = hostPort(u);
      if (!hp) return fatal('etcdmain/etcd.go:204', 'discovery failed', `URL address does not have the form "host:port": ${u}`);
      try {
        closers.push(p.sys.net.listen(p.hostname, hp.host === 'localhost' ? '127.0.0.1' : hp.host, hp.port, { protocol: ETCD_PROTOCOL, tls: hp.scheme === 'https' ? tls : undefined, handler: service }));
      } catch {
        for (const c of closers) c.close();
        return fatal('etcdmain/etcd.go:204', 'discovery failed', `listen tcp ${hp.host}:${hp.port}: bind: ${hp.host === '0.0.0.0' ? 'address already in use' : 'cannot assign requested address'}`);
      }
      log('info', 'embed/serve.go:250', hp.scheme === 'https' ? 'serving client traffic securely' : 'serving client traffic insecurely; this is strongly discouraged!', { 'traffic': 'grpc+http', address: `${hp.host}:${hp.port}` });
    }
    for (const u of f('listen-peer-urls').split(',').filter((x) => x !== '')) {
      const hp = hostPort(u);
      if (!hp) continue;
      try {
        closers.push(p.sys.net.listen(p.hostname, hp.host === 'localhost' ? '127.0.0.1' : hp.host, hp.port, { protocol: ETCD_PEER_PROTOCOL, handler: group }));
      } catch {
        for (const c of closers) c.close();
        return fatal('etcdmain/etcd.go:204', 'discovery failed', `listen tcp ${hp.host}:${hp.port}: bind: address already in use`);
      }
    }
    const health: HttpHandler = {
      handle: (req) => {
        const path = req.path.split('?')[0];
        if (path === '/health') return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '{"health":"true","reason":""}' };
        if (path === '/livez' || path === '/readyz') return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
        if (path === '/metrics') return { status: 200, headers: { 'content-type': 'text/plain; version=0.0.4' }, body: `etcd_server_has_leader 1\netcd_mvcc_db_total_size_in_bytes ${service.dbSize()}\n` };
        return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
      },
    };
    for (const u of f('listen-metrics-urls').split(',').filter((x) => x !== '')) {
      const hp = hostPort(u);
      if (hp) {
        try {
          closers.push(p.sys.net.listen(p.hostname, hp.host, hp.port, { protocol: 'http', handler: health }));
        } catch {
          /* a busy metrics port is logged by etcd and does not stop it */
        }
      }
    }
    // The WAL keeps the membership, so a lab restored from its disks finds its cluster again.
    const record = () => {
      try {
        writeIdentity(p.fs, dataDir, { ...id, members: group.snapshotMembers() });
      } catch {
        /* a data directory that vanished under a running etcd */
      }
    };
    const unwatch = group.onMembershipChange(record);
    group.start(id.memberId, name, service.self.clientUrls);
    log('info', 'etcdserver/server.go:2092', 'published local member to cluster through raft', { 'local-member-id': id.memberId, 'cluster-id': id.clusterId });
    if (!group.hasQuorum()) log('warn', 'etcdserver/server.go:2137', 'failed to publish local member to cluster through raft', { 'local-member-id': id.memberId, 'request-path': '/0/members/' + id.memberId + '/attributes', 'publish-timeout': '7s', error: 'etcdserver: request timed out' });
    log('info', 'etcdmain/main.go:44', 'notifying init daemon');
    const identity = id;
    return new Promise<number>((resolve) => {
      p.signal.onInterrupt(() => {
        for (const c of closers) c.close();
        unwatch();
        group.stop(identity.memberId);
        try {
          writeDataDir(p.fs, dataDir, store.snapshot(), { ...identity, members: group.snapshotMembers() });
        } catch {
          /* a data directory that vanished under a running etcd loses what was not written */
        }
        log('info', 'osutil/interrupt_unix.go:64', 'received signal; shutting down', { signal: 'terminated' });
        resolve(0);
      });
    });
  };
}
