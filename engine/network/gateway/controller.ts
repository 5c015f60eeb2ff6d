import type { Namespace, Secret, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { atobUtf8 } from '../../base/base64.ts';
import type { Runtime } from '../../base/runtime.ts';
import { refOf, type ApiClient } from '../../client/client.ts';
import { Informer } from '../../client/informer.ts';
import { R } from '../../client/refs.ts';
import type { HttpHandler, HttpRequest, Listener, TlsConfig } from '../../host/net.ts';
import type { SimNetwork } from '../../cluster/network.ts';
import { intToIp, ipToInt } from '../ip.ts';
import { hostnameMatches } from './match.ts';
import { serveRequest } from './serve.ts';
import type { Gateway, GatewayClass, GatewayListener, HttpRoute, ParentRef } from './types.ts';
import { gatewayStatusWriter } from './status.ts';

/** NGINX_GATEWAY_CONTROLLER is the controllerName GatewayClasses name to be served by this controller. */
export const NGINX_GATEWAY_CONTROLLER = 'gateway.nginx.org/nginx-gateway-controller';

const GW = {
  gatewayclasses: refOf('gateway.networking.k8s.io/v1', 'gatewayclasses', false),
  gateways: refOf('gateway.networking.k8s.io/v1', 'gateways', true),
  httproutes: refOf('gateway.networking.k8s.io/v1', 'httproutes', true),
};

/** GatewayOptions starts the Gateway API controller. */
export interface GatewayOptions {
  runtime: Runtime;
  client: ApiClient;
  net: SimNetwork;
  /** address pool for Gateways without spec.addresses, e.g. 192.168.100.240 – .250 */
  first: string;
  last: string;
  controllerName?: string;
}

function parentMatches(ref: ParentRef, routeNs: string, gw: Gateway, l: GatewayListener): boolean {
  if ((ref.kind ?? 'Gateway') !== 'Gateway') return false;
  if (ref.name !== gw.metadata.name || (ref.namespace ?? routeNs) !== gw.metadata.namespace) return false;
  if (ref.sectionName && ref.sectionName !== l.name) return false;
  if (ref.port && ref.port !== l.port) return false;
  return true;
}

/**
 * startGateway programs Gateways of the GatewayClasses whose controllerName
 * is NGINX Gateway Fabric's: each Gateway gets an address (spec.addresses or
 * the pool), listens on its listeners' ports there, and routes HTTPRoutes
 * attached to it by hostname, path, header, query and method matches with
 * the API's precedence, weighted backendRefs and the core filters. It writes
 * Gateway and HTTPRoute status as the controller does.
 */
export function startGateway(opts: GatewayOptions): { stop(): void } {
  const { runtime, client, net } = opts;
  const controllerName = opts.controllerName ?? NGINX_GATEWAY_CONTROLLER;
  const classes = new Informer(client, GW.gatewayclasses, runtime);
  const gateways = new Informer(client, GW.gateways, runtime);
  const routes = new Informer(client, GW.httproutes, runtime);
  const services = new Informer(client, R.services, runtime);
  const slices = new Informer(client, R.endpointslices, runtime);
  const secrets = new Informer(client, R.secrets, runtime);
  const namespaces = new Informer(client, R.namespaces, runtime);
  const informers = [classes, gateways, routes, services, slices, secrets, namespaces];

  const ours = (gw: Gateway) => (classes.get(undefined, gw.spec?.gatewayClassName ?? '') as unknown as GatewayClass | undefined)?.spec?.controllerName === controllerName;
  const served = () => (gateways.list() as unknown as Gateway[]).filter(ours);
  const nsAllowed = (gw: Gateway, l: GatewayListener, routeNs: string): boolean => {
    const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
    if (from === 'All') return true;
    if (from === 'Same') return routeNs === gw.metadata.namespace;
    const labels = (namespaces.get(undefined, routeNs) as Namespace | undefined)?.metadata?.labels ?? {};
    return Object.entries(l.allowedRoutes?.namespaces?.selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  };
  const attached = (gw: Gateway, l: GatewayListener): HttpRoute[] =>
    (routes.list() as unknown as HttpRoute[]).filter((r) => {
      const ns = r.metadata.namespace ?? 'default';
      if (!(r.spec?.parentRefs ?? []).some((p) => parentMatches(p, ns, gw, l))) return false;
      if (!nsAllowed(gw, l, ns)) return false;
      const hosts = r.spec?.hostnames ?? [];
      return !l.hostname || hosts.length === 0 || hosts.some((h) => hostnameMatches(l.hostname, h) || hostnameMatches(h, l.hostname!));
    });

  const backend = (ns: string, name: string, port: number | undefined): { ip: string; port: number }[] | 'invalid' => {
    const svc = services.get(ns, name) as Service | undefined;
    const sp = svc?.spec?.ports?.find((p) => port === undefined || p.port === port);
    if (!svc || !sp) return 'invalid';
    const out: { ip: string; port: number }[] = [];
    for (const s of slices.list(ns) as unknown as EndpointSlice[]) {
      if (s.metadata?.labels?.['kubernetes.io/service-name'] !== name) continue;
      const pp = (s.ports ?? []).find((x) => (x.name ?? '') === (sp.name ?? ''))?.port;
      if (pp === undefined || pp === null) continue;
      for (const e of s.endpoints ?? []) if (e.conditions?.ready !== false) for (const ip of e.addresses ?? []) out.push({ ip, port: pp });
    }
    return out;
  };

  const handle = (gw: Gateway, port: number, addr: string, req: HttpRequest) => serveRequest({ runtime, net, attached, backend }, gw, port, addr, req);

  const tlsFor = (gw: Gateway, port: number): TlsConfig | undefined => {
    for (const l of gw.spec?.listeners ?? []) {
      if (l.port !== port || l.protocol !== 'HTTPS') continue;
      for (const c of l.tls?.certificateRefs ?? []) {
        const s = secrets.get(c.namespace ?? gw.metadata.namespace, c.name) as Secret | undefined;
        const crt = s?.data?.['tls.crt'];
        if (crt) return { certPem: atobUtf8(crt) };
      }
    }
    return undefined;
  };

  const lo = ipToInt(opts.first) ?? 0;
  const hi = ipToInt(opts.last) ?? lo;
  const assigned = new Map<string, string>();
  const bound = new Map<string, { close(): void }>();
  const addressOf = (gw: Gateway, used: Set<string>): string | undefined => {
    const key = `${gw.metadata.namespace}/${gw.metadata.name}`;
    const fixed = gw.spec?.addresses?.[0]?.value;
    if (fixed) return fixed;
    const prev = assigned.get(key) ?? ((gw.status as { addresses?: { value: string }[] } | undefined)?.addresses?.[0]?.value);
    if (prev) return prev;
    for (let n = lo; n <= hi; n++) if (!used.has(intToIp(n))) return intToIp(n);
    return undefined;
  };

  const sync = () => {
    const want = new Map<string, { gw: Gateway; port: number; addr: string }>();
    const used = new Set<string>(assigned.values());
    for (const gw of served()) {
      const key = `${gw.metadata.namespace}/${gw.metadata.name}`;
      const addr = addressOf(gw, used);
      if (!addr) continue;
      assigned.set(key, addr);
      used.add(addr);
      for (const l of gw.spec?.listeners ?? []) if (l.protocol === 'HTTP' || l.protocol === 'HTTPS') want.set(`${addr}:${l.port}`, { gw, port: l.port, addr });
      writeGatewayStatus(gw, addr);
    }
    for (const [k, b] of bound) if (!want.has(k)) (b.close(), bound.delete(k));
    for (const [k, w] of want) {
      if (bound.has(k)) continue;
      if (!net.hostOf(w.addr)) net.addAddress('nginx-gateway', w.addr);
      const key = `${w.gw.metadata.namespace}/${w.gw.metadata.name}`;
      const current = () => served().find((g) => `${g.metadata.namespace}/${g.metadata.name}` === key) ?? w.gw;
      const listener = { protocol: 'http', handler: { handle: (req: HttpRequest) => handle(current(), w.port, w.addr, req) } satisfies HttpHandler, get tls() { return tlsFor(current(), w.port); } } as Listener;
      bound.set(k, net.listen('nginx-gateway', w.addr, w.port, listener));
    }
    for (const r of routes.list() as unknown as HttpRoute[]) writeRouteStatus(r);
  };

  const status = gatewayStatusWriter({
    runtime,
    client,
    controllerName,
    attached,
    served,
    parentMatches,
    backendOk: (ns, name, port) => backend(ns, name, port) !== 'invalid',
    refs: GW,
  });
  const writeGatewayStatus = status.gateway;
  const writeRouteStatus = status.route;

  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    runtime.after(0, () => {
      queued = false;
      sync();
    }, 'gateway-sync');
  };
  for (const inf of [classes, gateways, routes, services]) inf.on({ add: later, update: later, delete: later });
  for (const inf of informers) inf.start();
  later();
  return {
    stop() {
      for (const inf of informers) inf.stop();
      for (const b of bound.values()) b.close();
      bound.clear();
    },
  };
}
