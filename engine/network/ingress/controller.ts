import type { Node, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import type { KObject } from '../../api/types.ts';
import type { Runtime } from '../../base/runtime.ts';
import { atobUtf8 } from '../../base/base64.ts';
import type { ApiClient } from '../../client/client.ts';
import { EventRecorder } from '../../client/events.ts';
import { Informer } from '../../client/informer.ts';
import { R } from '../../client/refs.ts';
import { NetError, type HttpHandler, type HttpRequest, type HttpResponse, type Listener, type Peer, type TlsConfig } from '../../host/net.ts';
import type { SimNetwork } from '../../cluster/network.ts';
import { newKubeadmCA, poolKey } from '../../pki/index.ts';
import { claimAddress } from '../claims.ts';
import { asServedByNginx, nginxPage, notFound, unavailable } from './pages.ts';
import { defaultBackendFor, pickRoute, rewritePath, routesOf, type Route } from './routes.ts';

/** IngressNginxOptions starts the ingress controller. */
export interface IngressNginxOptions {
  runtime: Runtime;
  client: ApiClient;
  net: SimNetwork;
  httpNodePort?: number;
  httpsNodePort?: number;
  /** the IngressClass this controller serves */
  className?: string;
  /**
   * the controller's pods (the add-on's Deployment): it serves http and https
   * on their addresses, which its NodePort Service reaches, and publishes
   * their nodes' addresses in the status of the Ingresses it serves. Without
   * pods it answers on every node's NodePorts itself.
   */
  pods?: { namespace: string; labels: Record<string, string> };
}

/** HEALTH_PORT is the controller's health and metrics port (--healthz-port). */
const HEALTH_PORT = 10254;

/** healthz answers the controller's /healthz as its Go HTTP mux does. */
function healthz(req: HttpRequest): HttpResponse {
  const ok = req.path.split('?')[0] === '/healthz';
  const body = ok ? 'ok' : '404 page not found\n';
  return { status: ok ? 200 : 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-length': String(body.length) }, body };
}

/** STATUS_INTERVAL_MS is how often ingress-nginx's status sync writes Ingress addresses. */
const STATUS_INTERVAL_MS = 60_000;

/** IngressNginxHandle is the running controller. */
export interface IngressNginxHandle {
  stop(): void;
  /** serve answers one request as the controller would (tests, port-forward). */
  serve(req: HttpRequest): Promise<HttpResponse>;
}

const CONTROLLER = 'k8s.io/ingress-nginx';
const DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';

/** controllerPeer is who the controller dials backends as: its pod in the ingress-nginx namespace. */
const controllerPeer = (ip: string): Peer => ({
  host: 'ingress-nginx-controller',
  ip,
  pod: { namespace: 'ingress-nginx', name: 'ingress-nginx-controller', labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' } },
});

/**
 * startIngressNginx serves Ingress rules of class nginx the way
 * ingress-nginx does, on NodePorts of every node (http 30080, https 30443):
 * host and path matching, default backends, TLS from secrets with the
 * http→https redirect, rewrite-target, and nginx's own 404/503 pages.
 * Backends are reached at their endpoints, so NetworkPolicy applies.
 */
export function startIngressNginx(opts: IngressNginxOptions): IngressNginxHandle {
  const { runtime, client, net } = opts;
  const className = opts.className ?? 'nginx';
  const httpPort = opts.httpNodePort ?? 30080;
  const httpsPort = opts.httpsNodePort ?? 30443;
  const ingresses = new Informer(client, R.ingresses, runtime);
  const classes = new Informer(client, R.ingressclasses, runtime);
  const services = new Informer(client, R.services, runtime);
  const slices = new Informer(client, R.endpointslices, runtime);
  const secrets = new Informer(client, R.secrets, runtime);
  const nodes = new Informer(client, R.nodes, runtime);
  const pods = opts.pods ? new Informer(client, R.pods, runtime, { namespace: opts.pods.namespace }) : undefined;
  const informers = [ingresses, classes, services, slices, secrets, nodes, ...(pods ? [pods] : [])];

  const ourClass = (ing: Ingress): boolean => {
    const cls = ing.spec?.ingressClassName ?? ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
    if (cls) {
      const obj = classes.get(undefined, cls) as IngressClass | undefined;
      return cls === className || obj?.spec?.controller === CONTROLLER;
    }
    const mine = classes.get(undefined, className) as IngressClass | undefined;
    return mine?.metadata?.annotations?.[DEFAULT_CLASS] === 'true';
  };
  const served = () => (ingresses.list() as Ingress[]).filter(ourClass);

  const endpointsFor = (ns: string, backend: IngressBackend): { ip: string; port: number }[] | 'no-service' => {
    const svcName = backend.service?.name;
    if (!svcName) return 'no-service';
    const svc = services.get(ns, svcName) as Service | undefined;
    if (!svc) return 'no-service';
    const sp = (svc.spec?.ports ?? []).find((p) => (backend.service?.port?.number !== undefined ? p.port === backend.service.port.number : p.name === backend.service?.port?.name));
    if (!sp) return [];
    const out: { ip: string; port: number }[] = [];
    for (const s of slices.list(ns) as unknown as EndpointSlice[]) {
      if (s.metadata?.labels?.['kubernetes.io/service-name'] !== svcName) continue;
      const port = (s.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? ''))?.port;
      if (port === undefined || port === null) continue;
      for (const e of s.endpoints ?? []) if (e.conditions?.ready !== false) for (const ip of e.addresses ?? []) out.push({ ip, port });
    }
    return out;
  };

  const nodeIPs = (): string[] => (nodes.list() as Node[]).map((n) => n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address).filter((x): x is string => !!x);

  /** controllerPods are the running pods of the controller, with their address and their node's. */
  const controllerPods = (): { ip: string; hostIP: string }[] => {
    const want = opts.pods;
    if (!want || !pods) return [];
    return (pods.list() as Pod[])
      .filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running' && p.status.podIP && p.status.hostIP)
      .filter((p) => p.status?.containerStatuses?.every((c) => c.state?.running) ?? true)
      .filter((p) => Object.entries(want.labels).every(([k, v]) => p.metadata?.labels?.[k] === v))
      .map((p) => ({ ip: p.status!.podIP!, hostIP: p.status!.hostIP! }));
  };

  const proxy = async (route: Route | { namespace: string; backend: IngressBackend; rewriteTarget?: undefined }, req: HttpRequest, via: string): Promise<HttpResponse> => {
    const eps = endpointsFor(route.namespace, route.backend);
    if (eps === 'no-service' || eps.length === 0) return unavailable();
    const ep = runtime.rand.pick(eps);
    let l: Listener;
    try {
      l = net.dial(controllerPeer(via), ep.ip, ep.port);
    } catch (e) {
      if (e instanceof NetError) return e.code === 'ETIMEDOUT' ? nginxPage(504, 'Gateway Time-out') : nginxPage(502, 'Bad Gateway');
      throw e;
    }
    if (l.protocol !== 'http') return nginxPage(502, 'Bad Gateway');
    const path = 'ingress' in route ? rewritePath(route as Route, req.path) : req.path;
    return (l.handler as HttpHandler).handle({ ...req, path, tls: false }, controllerPeer(via));
  };

  // ingress-nginx clears the Server header (server-tokens off)
  const serveAt = async (req: HttpRequest, via: string): Promise<HttpResponse> => asServedByNginx(await route(req, via), runtime.now);

  const route = async (req: HttpRequest, via: string): Promise<HttpResponse> => {
    const host = req.host.replace(/:\d+$/, '').toLowerCase();
    const all = served();
    const routes = all.flatMap(routesOf);
    const route = pickRoute(routes, host, req.path);
    if (route) {
      if (route.tlsRedirect && !req.tls) return nginxPage(308, 'Permanent Redirect', { location: `https://${host}${req.path}` });
      return proxy(route, req, via);
    }
    const fallback = defaultBackendFor(all, host);
    return fallback ? proxy(fallback, req, via) : notFound();
  };

  let fake: TlsConfig | undefined;
  const currentTls = (): TlsConfig => {
    for (const ing of served()) {
      for (const t of ing.spec?.tls ?? []) {
        const s = t.secretName ? (secrets.get(ing.metadata?.namespace, t.secretName) as Secret | undefined) : undefined;
        const crt = s?.data?.['tls.crt'];
        if (crt) return { certPem: atobUtf8(crt) };
      }
    }
    fake ??= { certPem: newKubeadmCA('Kubernetes Ingress Controller Fake Certificate', poolKey(2), runtime.now, runtime.rand).certPem };
    return fake;
  };

  const recorder = new EventRecorder(client, runtime, { component: 'nginx-ingress-controller' });
  const bound = new Map<string, { close(): void }[]>();
  const releases: (() => void)[] = [];
  /** listeners wanted: a pod's address (ports 80/443) or, without pods, each node's address (the NodePorts), with the node the traffic enters */
  const wanted = (): Map<string, string> => (opts.pods ? new Map(controllerPods().map((p) => [p.ip, p.hostIP])) : new Map(nodeIPs().map((ip) => [ip, ip])));
  const sync = () => {
    const want = wanted();
    for (const [ip, ls] of bound) {
      if (want.has(ip)) continue;
      for (const l of ls) l.close();
      bound.delete(ip);
    }
    for (const [ip, via] of want) {
      if (bound.has(ip)) continue;
      const owner = net.hostOf(ip) ?? ip;
      const http: Listener = { protocol: 'http', handler: { handle: (req: HttpRequest) => serveAt(req, via) } satisfies HttpHandler };
      const https = { protocol: 'http', handler: { handle: (req: HttpRequest) => serveAt({ ...req, tls: true }, via) } satisfies HttpHandler, get tls() { return currentTls(); } } as Listener;
      const [hp, sp] = opts.pods ? [80, 443] : [httpPort, httpsPort];
      const ls = [net.listen(owner, ip, hp, http), net.listen(owner, ip, sp, https)];
      // the pod's health endpoint, which its probes ask
      if (opts.pods) ls.push(net.listen(owner, ip, HEALTH_PORT, { protocol: 'http', handler: { handle: async (req: HttpRequest) => healthz(req) } satisfies HttpHandler }));
      bound.set(ip, ls);
      // a new replica's store lists every Ingress of its class
      if (opts.pods) for (const ing of served()) recorder.event(ing as unknown as KObject, 'Normal', 'Sync', 'Scheduled for sync');
      if (!opts.pods) releases.push(claimAddress(net, ip, httpPort), claimAddress(net, ip, httpsPort));
    }
  };
  nodes.on({ add: sync, update: sync, delete: sync });
  pods?.on({ add: sync, update: sync, delete: sync });

  // Every controller replica's store reports each Ingress of its class it
  // starts serving, and each change to one, as a Sync event.
  const scheduled = (ing: Ingress) => {
    const replicas = opts.pods ? controllerPods().length : 1;
    for (let i = 0; i < replicas; i++) recorder.event(ing as unknown as KObject, 'Normal', 'Sync', 'Scheduled for sync');
  };
  ingresses.on({
    add: (o) => {
      if (ourClass(o as Ingress)) scheduled(o as Ingress);
    },
    update: (old, cur) => {
      if (ourClass(cur as Ingress) && (!ourClass(old as Ingress) || old.metadata.resourceVersion !== cur.metadata.resourceVersion)) scheduled(cur as Ingress);
    },
  });

  /** publishStatus writes the nodes of the running controller pods into the status of every Ingress served, as the status sync does. */
  const publishStatus = () => {
    if (!opts.pods) return;
    const ips = [...new Set(controllerPods().map((p) => p.hostIP))].sort();
    const want = ips.map((ip) => ({ ip }));
    for (const ing of served()) {
      const cur = ing.status?.loadBalancer?.ingress ?? [];
      if (JSON.stringify(cur) === JSON.stringify(want)) continue;
      try {
        client.updateStatus(R.ingresses, { ...ing, status: { loadBalancer: want.length ? { ingress: want } : {} } } as unknown as KObject);
      } catch {
        // a conflict or a deleted Ingress: the next sync writes it
      }
    }
  };
  const statusTimer = opts.pods ? runtime.every(STATUS_INTERVAL_MS, publishStatus, 'ingress-nginx status') : undefined;
  for (const inf of informers) inf.start();
  sync();
  return {
    stop() {
      statusTimer?.cancel();
      for (const inf of informers) inf.stop();
      for (const ls of bound.values()) for (const l of ls) l.close();
      bound.clear();
      for (const r of releases) r();
    },
    serve: (req) => serveAt(req, nodeIPs()[0] ?? '127.0.0.1'),
  };
}
