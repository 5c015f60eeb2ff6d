import { NetError, type Peer } from '../../host/net.ts';
import type { Process } from '../../host/process.ts';
import type { DnsHandler, DnsQuestion, DnsReply, DnsType } from '../../network/dns-protocol.ts';
import { fqdn } from '../../network/dns-protocol.ts';

/** ResolvConf is /etc/resolv.conf as the stub resolver reads it. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** per-try timeout in ms (options timeout:N, default 5 s) */
  timeoutMs: number;
  attempts: number;
}

/** readResolvConf reads the process's /etc/resolv.conf (a pod sees the kubelet's one). */
export function readResolvConf(p: Process): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeoutMs: 5000, attempts: 2 };
  let text = '';
  try {
    text = p.fs.readFile('/etc/resolv.conf');
  } catch {
    return conf;
  }
  for (const raw of text.split('\n')) {
    const parts = raw.replace(/[#;].*/, '').trim().split(/\s+/);
    if (parts[0] === 'nameserver' && parts[1]) conf.nameservers.push(parts[1]);
    else if (parts[0] === 'search' || parts[0] === 'domain') conf.search = parts.slice(1).filter((s) => s !== '.');
    else if (parts[0] === 'options')
      for (const o of parts.slice(1)) {
        const [k, v] = o.split(':');
        if (k === 'ndots') conf.ndots = Number(v);
        if (k === 'timeout') conf.timeoutMs = Number(v) * 1000;
        if (k === 'attempts') conf.attempts = Number(v);
      }
  }
  return conf;
}

/** peerOf is who a process dials as (a container's network replaces it with its pod). */
export function peerOf(p: Process): Peer {
  return { host: p.hostname, ip: p.sys.hostIp };
}

/** QueryResult is a DNS exchange's outcome. */
export type QueryResult = { reply: DnsReply } | { timeout: true } | { local: true };

/**
 * queryServer asks one DNS server. A loopback stub (systemd-resolved's
 * 127.0.0.53 on the machines) is not simulated: the answer is "local", and
 * the caller resolves the name the way the host does. Anything else that
 * does not answer is a timeout, as a UDP question to nobody is.
 */
export function queryServer(p: Process, server: string, q: DnsQuestion, port = 53): QueryResult {
  let listener;
  try {
    listener = p.sys.net.dial(peerOf(p), server, port);
  } catch (e) {
    if (e instanceof NetError && server.startsWith('127.')) return { local: true };
    if (e instanceof NetError) return { timeout: true };
    throw e;
  }
  if (listener.protocol !== 'dns') return server.startsWith('127.') ? { local: true } : { timeout: true };
  const reply = (listener.handler as DnsHandler).query({ name: fqdn(q.name), type: q.type }, peerOf(p));
  return reply ? { reply } : { timeout: true };
}

/** candidates is the search-list order of names the stub resolver tries for name. */
export function candidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((s) => `${name}.${s}.`);
  return dots >= conf.ndots ? [`${name}.`, ...searched] : [...searched, `${name}.`];
}

/** HostLookup is the outcome of resolving a host name. */
export type HostLookup = { ip: string; all: string[] } | { error: 'notfound' } | { error: 'timeout'; waitedMs: number };

function hostsFileLookup(p: Process, name: string): string | undefined {
  let text = '';
  try {
    text = p.fs.readFile('/etc/hosts');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const parts = line.replace(/#.*/, '').trim().split(/\s+/);
    if (parts.length >= 2 && /^\d+\.\d+\.\d+\.\d+$/.test(parts[0]!) && parts.slice(1).includes(name)) return parts[0];
  }
  return undefined;
}

/**
 * lookupHost resolves a name as getaddrinfo does: /etc/hosts, then the
 * nameservers of /etc/resolv.conf with its search list and ndots. It does not
 * wait; a timeout reports how long the real resolver would have waited.
 */
export function lookupHost(p: Process, name: string, type: DnsType = 'A'): HostLookup {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return { ip: name, all: [name] };
  if (name === 'localhost') return { ip: '127.0.0.1', all: ['127.0.0.1'] };
  const fromHosts = hostsFileLookup(p, name);
  if (fromHosts) return { ip: fromHosts, all: [fromHosts] };
  const conf = readResolvConf(p);
  let anyAnswered = false;
  let waited = 0;
  for (const server of conf.nameservers.slice(0, 3)) {
    let timedOut = false;
    for (const cand of candidates(name, conf)) {
      const r = queryServer(p, server, { name: cand, type });
      if ('local' in r) {
        const ip = p.sys.net.resolve(name.replace(/\.$/, ''), peerOf(p));
        return ip ? { ip, all: [ip] } : { error: 'notfound' };
      }
      if ('timeout' in r) {
        timedOut = true;
        waited += conf.timeoutMs * conf.attempts;
        break;
      }
      anyAnswered = true;
      const ips = r.reply.answer.filter((a) => a.type === type).map((a) => a.data);
      if (r.reply.rcode === 'NOERROR' && ips.length > 0) return { ip: ips[0]!, all: ips };
    }
    if (!timedOut) break;
  }
  if (conf.nameservers.length === 0) {
    const ip = p.sys.net.resolve(name, peerOf(p));
    return ip ? { ip, all: [ip] } : { error: 'notfound' };
  }
  return anyAnswered ? { error: 'notfound' } : { error: 'timeout', waitedMs: waited };
}
