import type { EtcdMember, EtcdService } from '../../controlplane/etcd/wire.ts';
import { decimalId } from '../../controlplane/etcd/wire.ts';
import { dialEtcd, loadTls, retryWarning } from './connect.ts';
import { EXIT, type Ctx } from './context.ts';
import { goDuration, humanBytes, table } from './format.ts';
import { checkFormat } from './kv.ts';
import { headerFields, headerJson } from './printers.ts';

/** ETCDCTL_VERSION is the client's version (etcdctl 3.5, the one the exam hosts carry). */
export const ETCDCTL_VERSION = '3.5.21';

/** version is `etcdctl version`. */
export function version(c: Ctx): number {
  c.out(`etcdctl version: ${ETCDCTL_VERSION}\nAPI version: 3.5\n`);
  return EXIT.ok;
}

function header(s: EtcdService) {
  return { ...s.store.header(), raftTerm: s.raftTerm };
}

/** memberList is `etcdctl member list`. */
export async function memberList(c: Ctx): Promise<number> {
  const bad = checkFormat(c, true);
  if (bad !== undefined) return bad;
  // The membership is answered from the member's own view, quorum or not.
  const conn = await c.connect({ anyMember: true });
  if ('code' in conn) return conn.code;
  const ms = conn.service.members();
  const row = (m: EtcdMember) => [m.id, m.name ? 'started' : 'unstarted', m.name, m.peerUrls.join(','), m.clientUrls.join(','), String(m.isLearner)];
  if (c.writeOut === 'table') c.out(table(['ID', 'STATUS', 'NAME', 'PEER ADDRS', 'CLIENT ADDRS', 'IS LEARNER'], ms.map(row)));
  else if (c.writeOut === 'json') {
    const h = header(conn.service);
    const member = (m: EtcdMember) => `{"ID":${decimalId(m.id)},${m.name ? `"name":${JSON.stringify(m.name)},` : ''}"peerURLs":${JSON.stringify(m.peerUrls)}${m.clientUrls.length ? `,"clientURLs":${JSON.stringify(m.clientUrls)}` : ''}${m.isLearner ? ',"isLearner":true' : ''}}`;
    c.out(`{"header":${headerJson(h)},"members":[${ms.map(member).join(',')}]}\n`);
  } else if (c.writeOut === 'fields') {
    c.out(headerFields(header(conn.service)) + ms.map((m) => `"ID" : ${decimalId(m.id)}\n"Name" : ${JSON.stringify(m.name)}\n"PeerURL" : ${JSON.stringify(m.peerUrls[0] ?? '')}\n"ClientURL" : ${JSON.stringify(m.clientUrls[0] ?? '')}\n"IsLearner" : ${m.isLearner}\n\n`).join(''));
  } else c.out(ms.map((m) => row(m).join(', ') + '\n').join(''));
  return EXIT.ok;
}

/** endpoints lists the endpoints to ask, the member's advertised ones with --cluster. */
async function endpointsOf(c: Ctx): Promise<string[] | number> {
  if (!c.bool('cluster')) return c.config().endpoints;
  const conn = await c.connect();
  if ('code' in conn) return conn.code;
  return conn.service.members().flatMap((m) => m.clientUrls);
}

/** took is a plausible, seeded round-trip time for a proposal or status call, in ns. */
function took(c: Ctx): number {
  return 600_000 + c.p.sys.runtime.rand.int(9_000_000);
}

/** endpointHealth is `etcdctl endpoint health`. */
export async function endpointHealth(c: Ctx): Promise<number> {
  const bad = checkFormat(c, true);
  if (bad !== undefined) return bad;
  const eps = await endpointsOf(c);
  if (typeof eps === 'number') return eps;
  const cfg = c.config();
  const tls = loadTls(c.p, cfg);
  if ('error' in tls) return c.fail(EXIT.badArgs, tls.error);
  const rows: { ep: string; health: boolean; took: string; error: string }[] = [];
  let waited = false;
  for (const ep of eps) {
    const r = dialEtcd(c.p, ep, tls, cfg.insecureSkipVerify);
    if ('service' in r) rows.push({ ep, health: true, took: goDuration(took(c)), error: '' });
    else {
      if (!waited) await c.p.sys.sleep(cfg.commandTimeoutMs, c.p.signal);
      waited = true;
      c.err(retryWarning(c.p, [ep], r.grpcError));
      rows.push({ ep, health: false, took: goDuration(cfg.commandTimeoutMs * 1e6 + took(c)), error: 'failed to commit proposal: context deadline exceeded' });
    }
  }
  if (c.writeOut === 'table') c.out(table(['ENDPOINT', 'HEALTH', 'TOOK', 'ERROR'], rows.map((r) => [r.ep, String(r.health), r.took, r.error])));
  else if (c.writeOut === 'json') c.out(`[${rows.map((r) => `{"endpoint":${JSON.stringify(r.ep)},"health":${r.health},"took":${JSON.stringify(r.took)}${r.error ? `,"error":${JSON.stringify(r.error)}` : ''}}`).join(',')}]\n`);
  else {
    for (const r of rows) {
      if (r.health) c.out(`${r.ep} is healthy: successfully committed proposal: took = ${r.took}\n`);
      else c.err(`${r.ep} is unhealthy: ${r.error}\n`);
    }
  }
  if (rows.some((r) => !r.health)) return c.fail(EXIT.error, 'unhealthy cluster');
  return EXIT.ok;
}

/** endpointStatus is `etcdctl endpoint status`. */
export async function endpointStatus(c: Ctx): Promise<number> {
  const bad = checkFormat(c, true);
  if (bad !== undefined) return bad;
  const eps = await endpointsOf(c);
  if (typeof eps === 'number') return eps;
  const cfg = c.config();
  const tls = loadTls(c.p, cfg);
  if ('error' in tls) return c.fail(EXIT.badArgs, tls.error);
  const rows: { ep: string; s: EtcdService }[] = [];
  let failed = false;
  for (const ep of eps) {
    const r = dialEtcd(c.p, ep, tls, cfg.insecureSkipVerify);
    if ('service' in r) rows.push({ ep, s: r.service });
    else {
      await c.p.sys.sleep(cfg.commandTimeoutMs, c.p.signal);
      c.err(retryWarning(c.p, [ep], r.grpcError));
      c.err(`Failed to get the status of endpoint ${ep} (context deadline exceeded)\n`);
      failed = true;
    }
  }
  const cells = ({ ep, s }: { ep: string; s: EtcdService }) => {
    const idx = String(s.raftIndex());
    return [ep, s.self.id, s.version, humanBytes(s.dbSize()), String(s.isLeader), String(s.self.isLearner), String(s.raftTerm), idx, idx, ''];
  };
  if (c.writeOut === 'table') {
    c.out(table(['ENDPOINT', 'ID', 'VERSION', 'DB SIZE', 'IS LEADER', 'IS LEARNER', 'RAFT TERM', 'RAFT INDEX', 'RAFT APPLIED INDEX', 'ERRORS'], rows.map(cells)));
  } else if (c.writeOut === 'json') {
    c.out(`[${rows.map(({ ep, s }) => `{"Endpoint":${JSON.stringify(ep)},"Status":{"header":${headerJson(header(s))},"version":${JSON.stringify(s.version)},"dbSize":${s.dbSize()},"leader":${decimalId(s.leaderId() ?? s.self.id)},"raftIndex":${s.raftIndex()},"raftTerm":${s.raftTerm},"raftAppliedIndex":${s.raftIndex()},"dbSizeInUse":${s.dbSize()}}}`).join(',')}]\n`);
  } else c.out(rows.map((r) => cells(r).join(', ') + '\n').join(''));
  return failed ? EXIT.error : EXIT.ok;
}
