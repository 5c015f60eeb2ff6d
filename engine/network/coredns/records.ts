import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { DnsQuestion, DnsRecord, DnsReply } from '../dns-protocol.ts';
import { dashedIp, isIPv4, reverseName } from '../ip.ts';
import type { CoreConfig } from './corefile.ts';

/** ClusterRecords is what the kubernetes plugin knows: Services and their EndpointSlices. */
export interface ClusterRecords {
  services: Service[];
  slices: EndpointSlice[];
  /** namespaces that exist (a name under a missing namespace is NXDOMAIN) */
  namespaces: Set<string>;
  /** upstream answers names outside the cluster zone (the forward plugin) */
  upstream(name: string): string | undefined;
}

interface Ep {
  ip: string;
  hostname?: string;
  ready: boolean;
}

function endpointsOf(r: ClusterRecords, ns: string, svc: string): Ep[] {
  const out: Ep[] = [];
  for (const s of r.slices) {
    if (s.metadata?.namespace !== ns || s.metadata?.labels?.['kubernetes.io/service-name'] !== svc) continue;
    for (const e of s.endpoints ?? []) for (const ip of e.addresses ?? []) out.push({ ip, hostname: e.hostname ?? undefined, ready: e.conditions?.ready !== false });
  }
  return out;
}

function soa(zone: string): DnsRecord {
  return { name: `${zone}.`, type: 'SOA', ttl: 30, data: `ns.dns.${zone}. hostmaster.${zone}. 1700000000 7200 1800 86400 30` };
}

function reply(rcode: DnsReply['rcode'], answer: DnsRecord[], zone: string | undefined, authoritative = true): DnsReply {
  return { rcode, authoritative, answer, authority: answer.length === 0 && zone ? [soa(zone)] : [] };
}

function rewriteName(cfg: CoreConfig, name: string): string {
  for (const r of cfg.rewrites) {
    if (r.kind === 'exact' && name === r.from) return r.to;
    if (r.kind === 'suffix' && name.endsWith(r.from)) return name.slice(0, -r.from.length) + r.to;
    if (r.kind === 'prefix' && name.startsWith(r.from)) return r.to + name.slice(r.from.length);
    if (r.kind === 'substring' && name.includes(r.from)) return name.replace(r.from, r.to);
  }
  return name;
}

/**
 * answer is CoreDNS's reply to one question under a Corefile: the hosts
 * plugin, then the kubernetes plugin for the cluster zone (services, headless
 * endpoints, StatefulSet pod names, pod A records, ExternalName CNAMEs, SRV,
 * PTR), then forward for everything else.
 */
export function answer(q: DnsQuestion, cfg: CoreConfig, r: ClusterRecords): DnsReply {
  const asked = q.name.replace(/\.$/, '').toLowerCase();
  const name = rewriteName(cfg, asked);
  const qname = `${asked}.`;
  const ttl = cfg.ttl;
  const a = (ips: string[]): DnsRecord[] => ips.map((ip) => ({ name: qname, type: 'A' as const, ttl, data: ip }));
  const zone = cfg.zone;
  const wantsA = q.type === 'A' || q.type === 'ANY';
  const hostIp = cfg.hosts.get(name);
  if (hostIp) return reply('NOERROR', wantsA ? [{ name: qname, type: 'A', ttl: 3600, data: hostIp }] : [], undefined);
  if (q.type === 'PTR' && name.endsWith('.in-addr.arpa')) {
    const ip = name.replace(/\.in-addr\.arpa$/, '').split('.').reverse().join('.');
    for (const s of r.services) if ((s.spec?.clusterIPs ?? [s.spec?.clusterIP]).includes(ip)) return reply('NOERROR', [{ name: `${reverseName(ip)}.`, type: 'PTR', ttl, data: `${s.metadata!.name}.${s.metadata!.namespace}.svc.${zone}.` }], zone);
    for (const s of r.slices)
      for (const e of s.endpoints ?? [])
        if ((e.addresses ?? []).includes(ip)) return reply('NOERROR', [{ name: `${reverseName(ip)}.`, type: 'PTR', ttl, data: `${e.hostname ?? dashedIp(ip)}.${s.metadata?.labels?.['kubernetes.io/service-name']}.${s.metadata?.namespace}.svc.${zone}.` }], zone);
    return reply('NXDOMAIN', [], zone);
  }
  if (!zone || !(name === zone || name.endsWith(`.${zone}`))) {
    const ip = cfg.forward ? r.upstream(name) : undefined;
    if (!ip) return reply(cfg.forward ? 'NXDOMAIN' : 'REFUSED', [], undefined, false);
    return reply('NOERROR', wantsA ? a([ip]) : [], undefined, false);
  }
  const labels = name.slice(0, name.length - zone.length - 1).split('.').filter(Boolean);
  const kind = labels.at(-1);
  if (kind === 'pod' && labels.length === 3) {
    const ip = labels[0]!.replace(/-/g, '.');
    if (cfg.pods === 'disabled' || !isIPv4(ip) || !r.namespaces.has(labels[1]!)) return reply('NXDOMAIN', [], zone);
    return reply('NOERROR', wantsA ? a([ip]) : [], zone);
  }
  if (kind !== 'svc') return reply(labels.length <= 1 && (kind === undefined || r.namespaces.has(kind)) ? 'NOERROR' : 'NXDOMAIN', [], zone);
  const rest = labels.slice(0, -1);
  if (rest.length === 1) return reply(r.namespaces.has(rest[0]!) ? 'NOERROR' : 'NXDOMAIN', [], zone);
  // <svc>.<ns>, <endpoint>.<svc>.<ns> or _<port>._<proto>.<svc>.<ns>
  const named = rest.length === 4 && rest[0]!.startsWith('_') && rest[1]!.startsWith('_');
  if (rest.length > 4 || (rest.length === 4 && !named)) return reply('NXDOMAIN', [], zone);
  const [svcName, ns] = [rest.at(-2)!, rest.at(-1)!];
  const svc = r.services.find((s) => s.metadata?.name === svcName && s.metadata?.namespace === ns);
  if (!svc) return reply('NXDOMAIN', [], zone);
  const headless = svc.spec?.clusterIP === 'None';
  if (rest.length === 3) {
    // <hostname>.<svc>.<ns> or <dashed-ip>.<svc>.<ns>: endpoints of a headless service (StatefulSet pods)
    const eps = endpointsOf(r, ns, svcName).filter((e) => e.ready || svc.spec?.publishNotReadyAddresses);
    const hit = eps.find((e) => e.hostname === rest[0] || dashedIp(e.ip) === rest[0]);
    if (!hit || !headless) return reply('NXDOMAIN', [], zone);
    return reply('NOERROR', wantsA ? a([hit.ip]) : [], zone);
  }
  if (svc.spec?.type === 'ExternalName') {
    const target = `${(svc.spec.externalName ?? '').replace(/\.$/, '')}.`;
    return reply('NOERROR', q.type === 'AAAA' ? [] : [{ name: qname, type: 'CNAME', ttl, data: target }], zone);
  }
  const port = named ? { name: rest[0]!.slice(1), protocol: rest[1]!.slice(1) } : undefined;
  const targets = serviceTargets(r, svc, `${svcName}.${ns}.svc.${zone}.`, port);
  if (targets.length === 0) return reply(headless || named ? 'NXDOMAIN' : 'NOERROR', [], zone);
  if (q.type === 'SRV') {
    // every target weighs the same: 100 / n, rounded down (backend_lookup.go)
    const ported = targets.filter((t) => t.port >= 0);
    const weight = Math.floor(100 / targets.length);
    const srv = ported.map((t) => ({ name: qname, type: 'SRV' as const, ttl, data: `0 ${weight} ${t.port} ${t.target}` }));
    const extra = [...new Map(ported.map((t) => [t.target, { name: t.target, type: 'A' as const, ttl, data: t.ip }])).values()];
    return { ...reply('NOERROR', srv, zone), additional: extra };
  }
  return reply('NOERROR', wantsA ? a([...new Set(targets.map((t) => t.ip))]) : [], zone);
}

interface Target {
  ip: string;
  port: number;
  /** the SRV target: the service's name, or a headless endpoint's hostname (its dashed address without one) under it */
  target: string;
}

/**
 * serviceTargets are the kubernetes plugin's records for a service name: the
 * cluster IP on each port, or for a headless service each ready endpoint on
 * each port; with _port._proto, only the port of that name and protocol.
 */
function serviceTargets(r: ClusterRecords, svc: Service, name: string, port: { name: string; protocol: string } | undefined): Target[] {
  const matches = (p: { name?: string | null; protocol?: string | null }) => !port || ((p.name ?? '') === port.name && (p.protocol ?? 'TCP').toLowerCase() === port.protocol.toLowerCase());
  if (svc.spec?.clusterIP !== 'None') {
    const ip = svc.spec?.clusterIP;
    if (!ip) return [];
    return (svc.spec?.ports ?? []).filter(matches).map((p) => ({ ip, port: p.port, target: name }));
  }
  const out: Target[] = [];
  const ns = svc.metadata?.namespace;
  for (const s of r.slices) {
    if (s.metadata?.namespace !== ns || s.metadata?.labels?.['kubernetes.io/service-name'] !== svc.metadata?.name) continue;
    const ports = (s.ports ?? []).filter(matches);
    for (const e of s.endpoints ?? []) {
      if (e.conditions?.ready === false && !svc.spec?.publishNotReadyAddresses) continue;
      for (const ip of e.addresses ?? []) for (const p of ports.length || port ? ports : [{ port: -1 }]) out.push({ ip, port: p.port ?? -1, target: `${e.hostname ?? dashedIp(ip)}.${name}` });
    }
  }
  return out;
}
