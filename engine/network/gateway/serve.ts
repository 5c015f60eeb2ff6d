import type { Runtime } from '../../base/runtime.ts';
import type { SimNetwork } from '../../cluster/network.ts';
import { NetError, type HttpHandler, type HttpRequest, type HttpResponse, type Listener, type Peer } from '../../host/net.ts';
import { asServedByNginx, nginxPage, notFound } from '../ingress/pages.ts';
import { applyFilters, applyResponseFilters, hostnameMatches, matchApplies, precedence, replacePath, type Candidate } from './match.ts';
import type { BackendRef, Gateway, GatewayListener, HttpRoute } from './types.ts';

/** Endpoint is one ready address of a backend Service port. */
export interface Endpoint {
  ip: string;
  port: number;
}

/** ServeDeps are the controller's views a request needs. */
export interface ServeDeps {
  runtime: Runtime;
  net: SimNetwork;
  attached(gw: Gateway, l: GatewayListener): HttpRoute[];
  /** valid: the listener is programmed (an HTTPS listener without a usable certificate is not) */
  valid(gw: Gateway, l: GatewayListener): boolean;
  /** backend resolves a route's backendRef to its endpoints ('invalid': not found or not permitted) */
  backend(route: HttpRoute, ref: BackendRef): Endpoint[] | 'invalid';
}

const dataPlanePeer = (ip: string): Peer => ({ host: 'nginx-gateway', ip, pod: { namespace: 'nginx-gateway', name: 'nginx-gateway', labels: { 'app.kubernetes.io/name': 'nginx-gateway', 'app.kubernetes.io/instance': 'nginx-gateway' } } });

/**
 * serveRequest answers one request that reached a Gateway's listener port:
 * the best match of the attached HTTPRoutes (by the API's precedence),
 * redirects, a weighted backendRef, filters, then the backend pod itself.
 * No match is 404, an unresolvable backend 500, no endpoints 502.
 */
export async function serveRequest(d: ServeDeps, gw: Gateway, port: number, addr: string, req: HttpRequest): Promise<HttpResponse> {
  // the data plane is nginx: its own pages and what it proxies carry its Date (the upstream's Server is passed on)
  return asServedByNginx(await answer(d, gw, port, addr, req), d.runtime.now, { keepServer: true });
}

async function answer(d: ServeDeps, gw: Gateway, port: number, addr: string, req: HttpRequest): Promise<HttpResponse> {
  const { runtime, net, attached, backend } = d;
  type Ranked = Candidate & { route: HttpRoute };
  const host = (req.headers['host'] ?? req.host).replace(/:\d+$/, '').toLowerCase();
  const listeners = (gw.spec?.listeners ?? []).filter((l) => l.port === port && d.valid(gw, l) && hostnameMatches(l.hostname, host));
  const cands: Ranked[] = [];
  let order = 0;
  for (const l of listeners) {
    for (const r of attached(gw, l)) {
      const hosts = r.spec?.hostnames ?? [];
      if (hosts.length && !hosts.some((h) => hostnameMatches(h, host))) continue;
      for (const rule of r.spec?.rules ?? []) {
        for (const m of rule.matches?.length ? rule.matches : [{ path: { type: 'PathPrefix' as const, value: '/' } }]) {
          if (matchApplies(m, req)) cands.push({ rule, route: r, match: m, hostnameLen: 0, order: order++ });
        }
      }
    }
  }
  if (cands.length === 0) return notFound();
  const best = cands.sort(precedence)[0]!;
  const filters = best.rule.filters ?? [];
  const redirect = filters.find((f) => f.type === 'RequestRedirect')?.requestRedirect;
  if (redirect) {
    const scheme = redirect.scheme ?? (req.tls ? 'https' : 'http');
    const p = redirect.path ? replacePath(redirect.path, best.match, req.path) : req.path;
    const code = redirect.statusCode ?? 302;
    const portPart = redirect.port ? `:${redirect.port}` : '';
    return nginxPage(code, code === 301 ? 'Moved Permanently' : 'Moved Temporarily', { location: `${scheme}://${redirect.hostname ?? host}${portPart}${p}` });
  }
  const refs = (best.rule.backendRefs ?? []).filter((b) => (b.weight ?? 1) > 0);
  if (refs.length === 0) return nginxPage(500, 'Internal Server Error');
  const total = refs.reduce((s, b) => s + (b.weight ?? 1), 0);
  let pick = runtime.rand.int(total);
  const ref = refs.find((b) => (pick -= b.weight ?? 1) < 0) ?? refs[0]!;
  const eps = backend(best.route, ref);
  if (eps === 'invalid') return nginxPage(500, 'Internal Server Error');
  if (eps.length === 0) return nginxPage(502, 'Bad Gateway');
  const ep = runtime.rand.pick(eps);
  let l: Listener;
  try {
    l = net.dial(dataPlanePeer(addr), ep.ip, ep.port);
  } catch (e) {
    if (e instanceof NetError) return e.code === 'ETIMEDOUT' ? nginxPage(504, 'Gateway Time-out') : nginxPage(502, 'Bad Gateway');
    throw e;
  }
  if (l.protocol !== 'http') return nginxPage(502, 'Bad Gateway');
  const all = [...filters, ...((ref as { filters?: typeof filters }).filters ?? [])];
  const out = applyFilters(all, best.match, req);
  return applyResponseFilters(all, await (l.handler as HttpHandler).handle({ ...out, tls: false }, dataPlanePeer(addr)));
}
