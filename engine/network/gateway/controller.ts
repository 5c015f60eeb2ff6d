import type { Namespace, Secret, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Runtime } from '../../base/runtime.ts';
import { refOf, type ApiClient } from '../../client/client.ts';
import { Informer } from '../../client/informer.ts';
import { R } from '../../client/refs.ts';
import type { HttpHandler, HttpRequest, Listener, TlsConfig } from '../../host/net.ts';
import type { SimNetwork } from '../../cluster/network.ts';
import { claimAddress } from '../claims.ts';
import { intToIp, ipToInt } from '../ip.ts';
import { attach, backendProblem, listenerState, type ListenerState, type Lookup } from './resolve.ts';
import { serveRequest, type Endpoint } from './serve.ts';
import type { BackendRef, Gateway, GatewayClass, GatewayListener, HttpRoute, ReferenceGrant } from './types.ts';
import { gatewayStatusWriter } from './status.ts';

/** NGINX_GATEWAY_CONTROLLER is the controllerName GatewayClasses name to be served by this controller. */
export const NGINX_GATEWAY_CONTROLLER = 'gateway.nginx.org/nginx-gateway-controller';

const GW = {
  gatewayclasses: refOf('gateway.networking.k8s.io/v1', 'gatewayclasses', false),
  gateways: refOf('gateway.networking.k8s.io/v1', 'gateways', true),
  httproutes: refOf('gateway.networking.k8s.io/v1', 'httproutes', true),
  referencegrants: refOf('gateway.networking.k8s.io/v1beta1', 'referencegrants', true),
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
  /**
   * NodePorts of the data plane's Service (NGINX Gateway Fabric's nginx-gateway
   * Service of type NodePort): requests to a node's address on httpNodePort
   * reach the Gateways' port-80 listeners, on httpsNodePort their port-443 ones.
   */
  httpNodePort?: number;
  httpsNodePort?: number;
}

/**
 * startGateway programs Gateways of the GatewayClasses whose controllerName
 * is NGINX Gateway Fabric's: each Gateway gets an address (spec.addresses or
 * the pool), listens on its valid listeners' ports there, and routes HTTPRoutes
 * attached to it by hostname, path, header, query and method matches with
 * the API's precedence, weighted backendRefs and the core filters. It writes
 * GatewayClass, Gateway and HTTPRoute status as the controller does.
 */
export function startGateway(opts: GatewayOptions): { stop(): void } {
  const { runtime, client, net } = opts;
  const controllerName = opts.controllerName ?? NGINX_GATEWAY_CONTROLLER;
  const classes = new Informer(client, GW.gatewayclasses, runtime);
  const gateways = new Informer(client, GW.gateways, runtime);
  const routes = new Informer(client, GW.httproutes, runtime);
  const grants = new Informer(client, GW.referencegrants, runtime);
  const services = new Informer(client, R.services, runtime);
  const slices = new Informer(client, R.endpointslices, runtime);
  const secrets = new Informer(client, R.secrets, runtime);
  const namespaces = new Informer(client, R.namespaces, runtime);
  const nodes = new Informer(client, R.nodes, runtime);
  const informers = [classes, gateways, routes, grants, services, slices, secrets, namespaces, nodes];

  const look: Lookup = {
    secret: (ns, name) => secrets.get(ns, name) as Secret | undefined,
    service: (ns, name) => services.get(ns, name) as Service | undefined,
    namespaceLabels: (ns) => (namespaces.get(undefined, ns) as Namespace | undefined)?.metadata?.labels ?? {},
    grants: (ns) => grants.list(ns) as unknown as ReferenceGrant[],
  };
  const ourClasses = () => (classes.list() as unknown as GatewayClass[]).filter((c) => c.spec?.controllerName === controllerName);
  const ours = (gw: Gateway) => (classes.get(undefined, gw.spec?.gatewayClassName ?? '') as unknown as GatewayClass | undefined)?.spec?.controllerName === controllerName;
  const served = () => (gateways.list() as unknown as Gateway[]).filter(ours);
  const listenersOf = (gw: Gateway): ListenerState[] => (gw.spec?.listeners ?? []).map((l) => listenerState(look, gw, l));
  const attached = (gw: Gateway, l: GatewayListener): HttpRoute[] => {
    const states = listenersOf(gw);
    return (routes.list() as unknown as HttpRoute[]).filter((r) => (r.spec?.parentRefs ?? []).some((p) => attach(look, r, p, gw, states).listeners.includes(l)));
  };

  /** endpoints are the ready addresses of a Service port, as its EndpointSlices list them. */
  const endpoints = (ns: string, name: string, port: number | undefined): Endpoint[] => {
    const sp = look.service(ns, name)?.spec?.ports?.find((p) => p.port === port);
    if (!sp) return [];
    const out: Endpoint[] = [];
    for (const s of slices.list(ns) as unknown as EndpointSlice[]) {
      if (s.metadata?.labels?.['kubernetes.io/service-name'] !== name) continue;
      const pp = (s.ports ?? []).find((x) => (x.name ?? '') === (sp.name ?? ''))?.port;
      if (pp === undefined || pp === null) continue;
      for (const e of s.endpoints ?? []) if (e.conditions?.ready !== false) for (const ip of e.addresses ?? []) out.push({ ip, port: pp });
    }
    return out;
  };
  // The data plane answers 500 for a backendRef that does not resolve, as nginx does for NGF's invalid upstreams.
  const backend = (route: HttpRoute, ref: BackendRef): Endpoint[] | 'invalid' =>
    backendProblem(look, route, 0, 0, ref) ? 'invalid' : endpoints(ref.namespace ?? route.metadata.namespace ?? 'default', ref.name, ref.port);

  const deps = { runtime, net, attached, backend, valid: (gw: Gateway, l: GatewayListener) => listenersOf(gw).some((s) => s.listener === l && s.valid) };
  const tlsFor = (gw: Gateway, port: number): TlsConfig | undefined => {
    const s = listenersOf(gw).find((x) => x.listener.port === port && x.valid && x.certPem);
    return s?.certPem ? { certPem: s.certPem } : undefined;
  };

  const lo = ipToInt(opts.first) ?? 0;
  const hi = ipToInt(opts.last) ?? lo;
  const assigned = new Map<string, string>();
  const bound = new Map<string, { close(): void }>();
  const keyOf = (gw: Gateway) => `${gw.metadata.namespace}/${gw.metadata.name}`;
  const addressOf = (gw: Gateway, used: Set<string>): string | undefined => {
    const fixed = gw.spec?.addresses?.[0]?.value;
    if (fixed) return fixed;
    const prev = assigned.get(keyOf(gw)) ?? (gw.status as { addresses?: { value: string }[] } | undefined)?.addresses?.[0]?.value;
    if (prev) return prev;
    for (let n = lo; n <= hi; n++) if (!used.has(intToIp(n))) return intToIp(n);
    return undefined;
  };
  const current = (key: string, fallback: Gateway) => served().find((g) => keyOf(g) === key) ?? fallback;

  const sync = () => {
    const want = new Map<string, { gw: Gateway; port: number; addr: string }>();
    const used = new Set<string>(assigned.values());
    for (const c of ourClasses()) status.gatewayClass(c);
    for (const gw of served()) {
      const addr = addressOf(gw, used);
      if (!addr) continue;
      assigned.set(keyOf(gw), addr);
      used.add(addr);
      // The address answers (refusing ports without a programmed listener) as soon as the Gateway has it.
      if (!net.hostOf(addr)) net.addAddress('nginx-gateway', addr);
      const states = listenersOf(gw);
      for (const s of states) if (s.valid && (s.listener.protocol === 'HTTP' || s.listener.protocol === 'HTTPS')) want.set(`${addr}:${s.listener.port}`, { gw, port: s.listener.port, addr });
      status.gateway(gw, addr, states);
    }
    for (const [k, b] of bound) if (!want.has(k)) (b.close(), bound.delete(k));
    for (const [k, w] of want) {
      if (bound.has(k)) continue;
      const key = keyOf(w.gw);
      const listener = { protocol: 'http', handler: { handle: (req: HttpRequest) => serveRequest(deps, current(key, w.gw), w.port, w.addr, req) } satisfies HttpHandler, get tls() { return tlsFor(current(key, w.gw), w.port); } } as Listener;
      bound.set(k, net.listen('nginx-gateway', w.addr, w.port, listener));
    }
    for (const r of routes.list() as unknown as HttpRoute[]) status.route(r);
  };

  const status = gatewayStatusWriter({ runtime, client, controllerName, served, routes: () => routes.list() as unknown as HttpRoute[], look, listenersOf, refs: GW });

  // The data plane's NodePorts: every node answers for the Gateways' listeners on 80 (and 443).
  const nodePorts = new Map<string, { close(): void }[]>();
  const releases: (() => void)[] = [];
  const viaNodePort = async (gwPort: number, ip: string, req: HttpRequest) => {
    let last: Awaited<ReturnType<typeof serveRequest>> | undefined;
    for (const gw of served()) {
      if (!(gw.spec?.listeners ?? []).some((l) => l.port === gwPort)) continue;
      last = await serveRequest(deps, gw, gwPort, assigned.get(keyOf(gw)) ?? ip, req);
      if (last.status !== 404) return last;
    }
    return last ?? serveRequest(deps, { metadata: {} }, gwPort, ip, req);
  };
  const syncNodePorts = () => {
    if (!opts.httpNodePort && !opts.httpsNodePort) return;
    const ips = (nodes.list() as { status?: { addresses?: { type?: string; address?: string }[] } }[]).flatMap((n) => (n.status?.addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => a.address!));
    for (const ip of ips) {
      if (nodePorts.has(ip)) continue;
      const owner = net.hostOf(ip) ?? ip;
      const ls: { close(): void }[] = [];
      if (opts.httpNodePort) {
        ls.push(net.listen(owner, ip, opts.httpNodePort, { protocol: 'http', handler: { handle: (req: HttpRequest) => viaNodePort(80, ip, req) } satisfies HttpHandler }));
        releases.push(claimAddress(net, ip, opts.httpNodePort));
      }
      if (opts.httpsNodePort) {
        const tls = () => served().map((g) => tlsFor(g, 443)).find(Boolean);
        ls.push(net.listen(owner, ip, opts.httpsNodePort, { protocol: 'http', handler: { handle: (req: HttpRequest) => viaNodePort(443, ip, { ...req, tls: true }) } satisfies HttpHandler, get tls() { return tls(); } } as Listener));
        releases.push(claimAddress(net, ip, opts.httpsNodePort));
      }
      nodePorts.set(ip, ls);
    }
  };

  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    runtime.after(0, () => {
      queued = false;
      sync();
    }, 'gateway-sync');
  };
  for (const inf of [classes, gateways, routes, grants, services, secrets, namespaces]) inf.on({ add: later, update: later, delete: later });
  nodes.on({ add: syncNodePorts, update: syncNodePorts, delete: syncNodePorts });
  for (const inf of informers) inf.start();
  later();
  syncNodePorts();
  return {
    stop() {
      for (const inf of informers) inf.stop();
      for (const b of bound.values()) b.close();
      bound.clear();
      for (const ls of nodePorts.values()) for (const l of ls) l.close();
      nodePorts.clear();
      for (const r of releases) r();
    },
  };
}
