import type { Ingress, IngressBackend } from 'kubernetes-types/networking/v1';

/** Route is one path of one host, as ingress-nginx merges them into server blocks. */
export interface Route {
  namespace: string;
  ingress: string;
  host: string;
  path: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  backend: IngressBackend;
  rewriteTarget?: string;
  useRegex: boolean;
  /** TLS hosts of the ingress get redirected from http to https */
  tlsRedirect: boolean;
}

const A_REWRITE = 'nginx.ingress.kubernetes.io/rewrite-target';
const A_REGEX = 'nginx.ingress.kubernetes.io/use-regex';
const A_SSL_REDIRECT = 'nginx.ingress.kubernetes.io/ssl-redirect';

/** routesOf lists an Ingress's paths as routes. */
export function routesOf(ing: Ingress): Route[] {
  const ann = ing.metadata?.annotations ?? {};
  const tlsHosts = new Set((ing.spec?.tls ?? []).flatMap((t) => t.hosts ?? []));
  const out: Route[] = [];
  for (const rule of ing.spec?.rules ?? []) {
    const host = rule.host ?? '';
    for (const p of rule.http?.paths ?? []) {
      out.push({
        namespace: ing.metadata?.namespace ?? 'default',
        ingress: ing.metadata?.name ?? '',
        host,
        path: p.path ?? '/',
        pathType: (p.pathType as Route['pathType']) ?? 'ImplementationSpecific',
        backend: p.backend,
        rewriteTarget: ann[A_REWRITE],
        useRegex: ann[A_REGEX] === 'true' || ann[A_REWRITE] !== undefined,
        tlsRedirect: tlsHosts.has(host) && ann[A_SSL_REDIRECT] !== 'false',
      });
    }
  }
  return out;
}

/** hostMatches applies a rule host ("foo.bar.com", "*.bar.com" for one label, "" for any). */
export function hostMatches(ruleHost: string, host: string): boolean {
  if (ruleHost === '') return true;
  if (ruleHost.startsWith('*.')) {
    const rest = host.slice(host.indexOf('.') + 1);
    return host.includes('.') && rest === ruleHost.slice(2) && host.indexOf('.') > 0;
  }
  return ruleHost === host;
}

function regexOf(path: string): RegExp | undefined {
  try {
    return new RegExp(`^${path}`, 'i');
  } catch {
    return undefined;
  }
}

/** pathMatch scores how a route's path matches a request path: -1 for no match, else the match length (Exact ranks above all). */
export function pathMatch(r: Route, path: string): number {
  const p = path.split('?')[0]!;
  if (r.pathType === 'Exact') return p === r.path ? 100000 + r.path.length : -1;
  if (r.useRegex) {
    const m = regexOf(r.path)?.exec(p);
    return m ? r.path.length : -1;
  }
  if (r.pathType === 'Prefix') {
    const base = r.path.replace(/\/+$/, '');
    if (base === '') return 1;
    return p === base || p.startsWith(`${base}/`) ? base.length + 1 : -1;
  }
  return p.startsWith(r.path) ? r.path.length : -1;
}

/**
 * pickRoute chooses the route for host and path: rules naming the host win
 * over host-less ones (nginx's server_name before the default server); among
 * them the longest matching path wins, Exact before Prefix.
 */
export function pickRoute(routes: Route[], host: string, path: string): Route | undefined {
  const named = routes.filter((r) => r.host !== '' && hostMatches(r.host, host));
  const exactHost = named.filter((r) => r.host === host);
  const pools = [exactHost, named, routes.filter((r) => r.host === '')];
  for (const pool of pools) {
    if (pool.length === 0) continue;
    let best: Route | undefined;
    let score = -1;
    for (const r of pool) {
      const s = pathMatch(r, path);
      if (s > score) {
        score = s;
        best = r;
      }
    }
    // a server block for this host exists: a miss here is a 404, not a fall-through
    return best;
  }
  return undefined;
}

/** rewritePath applies rewrite-target: the path matched by the route's regex is replaced, $1… filled from its groups. */
export function rewritePath(r: Route, fullPath: string): string {
  if (!r.rewriteTarget) return fullPath;
  const [p, q] = fullPath.split('?');
  const m = regexOf(r.path)?.exec(p!);
  if (!m) return fullPath;
  const target = r.rewriteTarget.replace(/\$(\d)/g, (_x, d: string) => m[Number(d)] ?? '');
  return `${target}${q !== undefined ? `?${q}` : ''}`;
}

/** byAge orders Ingresses as ingress-nginx builds its servers: oldest first, then by name. */
function byAge(a: Ingress, b: Ingress): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(`${b.metadata?.namespace}/${b.metadata?.name}`);
}

/**
 * defaultBackendFor is where a request no path matched goes, as ingress-nginx
 * builds its root locations: the server for the host (an exact name, then a
 * wildcard) was created by the oldest Ingress naming it, and that Ingress's
 * spec.defaultBackend serves its unmatched paths; a host no rule names goes
 * to the catch-all server, which takes the defaultBackend of the oldest
 * Ingress that has one and no rules at all. Undefined means the controller's
 * own 404.
 */
export function defaultBackendFor(ingresses: Ingress[], host: string): { namespace: string; backend: IngressBackend } | undefined {
  const sorted = [...ingresses].sort(byAge);
  const hosts = sorted.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host ?? '').filter((h) => h !== ''));
  const server = hosts.find((h) => h === host) ?? hosts.find((h) => h.startsWith('*.') && hostMatches(h, host));
  const of = (i: Ingress | undefined) => (i?.spec?.defaultBackend?.service ? { namespace: i.metadata?.namespace ?? 'default', backend: i.spec.defaultBackend } : undefined);
  if (server !== undefined) return of(sorted.find((i) => (i.spec?.rules ?? []).some((r) => (r.host ?? '') === server)));
  return of(sorted.find((i) => i.spec?.defaultBackend?.service && (i.spec?.rules ?? []).length === 0));
}
