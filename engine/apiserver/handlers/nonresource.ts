import { StatusError } from '../../base/errors.ts';
import { headerValue, queryValue, type ApiRequest, type ApiResponse } from '../../api/transport.ts';
import type { UserInfo } from '../authn/types.ts';
import type { ServerContext } from '../context.ts';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from '../discovery.ts';
import { openApiRequest } from '../openapi-endpoint.ts';
import { AGGREGATED_CONTENT_TYPE, aggregatedDiscovery, wantsAggregated } from '../aggregated-discovery.ts';
import type { RequestInfo } from '../request-info.ts';
import type { ApiServerConfig } from '../server.ts';

/** VersionInfo is what /version returns (k8s.io/apimachinery/pkg/version.Info). */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
  emulationMajor?: string;
  emulationMinor?: string;
  minCompatibilityMajor?: string;
  minCompatibilityMinor?: string;
}

/** Health checks every apiserver reports under /livez, /readyz and /healthz?verbose. */
const POST_START_HOOKS = [
  'start-apiserver-admission-initializer',
  'generic-apiserver-start-informers',
  'priority-and-fairness-config-consumer',
  'priority-and-fairness-filter',
  'storage-object-count-tracker-hook',
  'start-apiextensions-informers',
  'start-apiextensions-controllers',
  'crd-informer-synced',
  'start-system-namespaces-controller',
  'start-cluster-authentication-info-controller',
  'start-kube-apiserver-identity-lease-controller',
  'start-kube-apiserver-identity-lease-garbage-collector',
  'start-legacy-token-tracking-controller',
  'start-service-ip-repair-controllers',
  'rbac/bootstrap-roles',
  'scheduling/bootstrap-system-priority-classes',
  'priority-and-fairness-config-producer',
  'bootstrap-controller',
  'aggregator-reload-proxy-client-cert',
  'start-kube-aggregator-informers',
  'apiservice-status-local-available-controller',
  'apiservice-status-remote-available-controller',
  'apiservice-registration-controller',
  'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
];

function healthChecks(kind: 'livez' | 'readyz' | 'healthz', config: ApiServerConfig): { name: string; err?: string }[] {
  const checks: { name: string; err?: string }[] = [{ name: 'ping' }, { name: 'log' }];
  for (const c of config.healthChecks ?? []) checks.push({ name: c.name, err: c.check() });
  if (!checks.some((c) => c.name === 'etcd')) checks.push({ name: 'etcd' });
  if (kind === 'readyz') checks.push({ name: 'etcd-readiness' }, { name: 'informer-sync' });
  for (const h of POST_START_HOOKS) checks.push({ name: `poststarthook/${h}` });
  checks.push({ name: 'autoregister-completion' }, { name: 'poststarthook/apiservice-openapi-controller' }, { name: 'poststarthook/apiservice-openapiv3-controller' });
  if (kind === 'readyz') checks.push({ name: 'shutdown' });
  return checks;
}

function health(kind: 'livez' | 'readyz' | 'healthz', req: ApiRequest, sub: string, config: ApiServerConfig): ApiResponse {
  const checks = healthChecks(kind, config);
  if (sub) {
    const c = checks.find((x) => x.name === sub);
    if (!c) return { status: 404, body: '404 page not found\n', contentType: 'text/plain' };
    return c.err ? { status: 500, body: `internal server error: ${c.err}\n`, contentType: 'text/plain' } : { status: 200, body: 'ok', contentType: 'text/plain' };
  }
  const failed = checks.filter((c) => c.err);
  const verbose = req.query && 'verbose' in req.query;
  const excluded = new Set([req.query?.['exclude']].flat().filter(Boolean) as string[]);
  const lines = checks.map((c) => (excluded.has(c.name) ? `[+]${c.name} excluded: ok` : c.err ? `[-]${c.name} failed: reason withheld` : `[+]${c.name} ok`));
  if (failed.length) {
    return { status: 500, body: `${lines.join('\n')}\n${kind} check failed\n`, contentType: 'text/plain' };
  }
  if (!verbose) return { status: 200, body: 'ok', contentType: 'text/plain' };
  return { status: 200, body: `${lines.join('\n')}\n${kind} check passed\n`, contentType: 'text/plain' };
}

const NOT_FOUND = (): StatusError =>
  new StatusError({ reason: 'NotFound', code: 404, message: 'the server could not find the requested resource', details: {} });

/** nonResourceRequest serves discovery, /version and the health endpoints. */
export function nonResourceRequest(ctx: ServerContext, config: ApiServerConfig, req: ApiRequest, info: RequestInfo, user: UserInfo): ApiResponse {
  const extra = config.extraNonResource?.(req, user);
  if (extra) return extra;
  const segs = req.path.split('/').filter(Boolean);
  const [first, second, third] = segs;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new StatusError({ reason: 'MethodNotAllowed', code: 405, message: 'the server does not allow this method on the requested resource', details: {} });
  }
  if (first === 'version' && segs.length === 1) return { status: 200, body: config.version };
  if (first === 'openapi') return openApiRequest(ctx.registry, config.version.gitVersion, segs);
  if (first === 'livez' || first === 'readyz' || first === 'healthz') return health(first, req, segs.slice(1).join('/'), config);
  if ((first === 'api' || first === 'apis') && segs.length === 1 && wantsAggregated(headerValue(req, 'accept'))) {
    return { status: 200, body: aggregatedDiscovery(ctx.registry, first === 'api'), contentType: AGGREGATED_CONTENT_TYPE };
  }
  if (first === 'api') {
    if (segs.length === 1) return { status: 200, body: apiVersions(ctx.advertiseAddress) };
    if (segs.length === 2) {
      const list = apiResourceList(ctx.registry, second!);
      if (list) return { status: 200, body: list };
    }
    throw NOT_FOUND();
  }
  if (first === 'apis') {
    if (segs.length === 1) return { status: 200, body: apiGroupList(ctx.registry) };
    if (segs.length === 2) {
      const g = apiGroup(ctx.registry, second!);
      if (g) return { status: 200, body: g };
    }
    if (segs.length === 3) {
      const list = apiResourceList(ctx.registry, `${second}/${third}`);
      if (list) return { status: 200, body: list };
    }
    throw NOT_FOUND();
  }
  void info;
  void queryValue;
  throw NOT_FOUND();
}
