import type { KObject } from '../../types.ts';
import { list, rec } from '../../validation/util.ts';

/**
 * The defaults the Gateway API CRDs (v1, standard channel) declare in their
 * schemas: the apiserver fills them in, so `kubectl get -o yaml` shows them.
 */

type Obj = Record<string, unknown>;

/** pendingStatus is the status a Gateway or GatewayClass has until a controller writes one. */
export function pendingStatus(types: string[]): Record<string, unknown> {
  return { conditions: types.map((type) => ({ lastTransitionTime: '1970-01-01T00:00:00Z', message: 'Waiting for controller', reason: 'Pending', status: 'Unknown', type })) };
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** gatewayDefaults: listeners allow routes from their own namespace; TLS terminates; certificate refs name core Secrets. */
export function gatewayDefaults(obj: KObject): void {
  for (const l of list(rec(obj.spec).listeners)) {
    if (l.allowedRoutes === undefined) l.allowedRoutes = { namespaces: { from: 'Same' } };
    else if (isObj(l.allowedRoutes)) {
      const ar = l.allowedRoutes;
      if (ar.namespaces === undefined) ar.namespaces = { from: 'Same' };
      else if (isObj(ar.namespaces)) ar.namespaces.from ??= 'Same';
    }
    if (isObj(l.tls)) {
      l.tls.mode ??= 'Terminate';
      for (const c of list(l.tls.certificateRefs)) {
        c.group ??= '';
        c.kind ??= 'Secret';
      }
    }
  }
}

const rootMatch = (): Obj => ({ path: { type: 'PathPrefix', value: '/' } });

function filterDefaults(filters: unknown): void {
  for (const f of list(filters)) if (isObj(f.requestRedirect)) f.requestRedirect.statusCode ??= 302;
}

/** httpRouteDefaults: parent refs name Gateways, a rule without matches matches every path, backends are core Services of weight 1. */
export function httpRouteDefaults(obj: KObject): void {
  const spec = rec(obj.spec);
  if (!isObj(obj.spec)) return;
  for (const p of list(spec.parentRefs)) {
    p.group ??= 'gateway.networking.k8s.io';
    p.kind ??= 'Gateway';
  }
  if (spec.rules === undefined) spec.rules = [{ matches: [rootMatch()] }];
  for (const r of list(spec.rules)) {
    if (r.matches === undefined) r.matches = [rootMatch()];
    for (const m of list(r.matches)) {
      if (m.path === undefined) m.path = { type: 'PathPrefix', value: '/' };
      else if (isObj(m.path)) {
        m.path.type ??= 'PathPrefix';
        m.path.value ??= '/';
      }
      for (const h of [...list(m.headers), ...list(m.queryParams)]) h.type ??= 'Exact';
    }
    filterDefaults(r.filters);
    for (const b of list(r.backendRefs)) {
      b.group ??= '';
      b.kind ??= 'Service';
      b.weight ??= 1;
      filterDefaults(b.filters);
    }
  }
}
