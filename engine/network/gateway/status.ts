import type { KObject } from '../../api/types.ts';
import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient, ResourceRef } from '../../client/client.ts';
import type { Gateway, GatewayListener, HttpRoute, ParentRef } from './types.ts';

/** StatusDeps are what status writing needs from the controller. */
export interface StatusDeps {
  runtime: Runtime;
  client: ApiClient;
  controllerName: string;
  attached(gw: Gateway, l: GatewayListener): HttpRoute[];
  served(): Gateway[];
  parentMatches(ref: ParentRef, routeNs: string, gw: Gateway, l: GatewayListener): boolean;
  backendOk(ns: string, name: string, port: number | undefined): boolean;
  refs: { gateways: ResourceRef; httproutes: ResourceRef };
}

/**
 * gatewayStatusWriter writes Gateway status (addresses, Accepted/Programmed,
 * listeners with attachedRoutes) and HTTPRoute status (per parent Accepted
 * and ResolvedRefs) as the controller reports them; unchanged status is not written.
 */
export function gatewayStatusWriter(d: StatusDeps) {
  const { runtime, client, controllerName, attached, served, parentMatches } = d;
  const cond = (type: string, ok: boolean, reason: string, gen: number | undefined, message = '') => ({ type, status: ok ? 'True' : 'False', reason, message, observedGeneration: gen, lastTransitionTime: new Date(runtime.now).toISOString().replace(/\.\d+Z$/, 'Z') });
  const sameStatus = (a: unknown, b: unknown) => JSON.stringify(a, (k, v) => (k === 'lastTransitionTime' ? undefined : v)) === JSON.stringify(b, (k, v) => (k === 'lastTransitionTime' ? undefined : v));
  const writeGatewayStatus = (gw: Gateway, addr: string) => {
    const gen = gw.metadata.generation;
    const status = {
      addresses: [{ type: 'IPAddress', value: addr }],
      conditions: [cond('Accepted', true, 'Accepted', gen, 'Gateway is accepted'), cond('Programmed', true, 'Programmed', gen, 'Gateway is programmed')],
      listeners: (gw.spec?.listeners ?? []).map((l) => ({
        name: l.name,
        supportedKinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }],
        attachedRoutes: attached(gw, l).length,
        conditions: [cond('Accepted', true, 'Accepted', gen, 'Listener is accepted'), cond('Programmed', true, 'Programmed', gen, 'Listener is programmed'), cond('ResolvedRefs', true, 'ResolvedRefs', gen, 'All references are resolved'), cond('Conflicted', false, 'NoConflicts', gen, 'No conflicts')],
      })),
    };
    if (sameStatus(gw.status, status)) return;
    try {
      client.updateStatus(d.refs.gateways, { ...(gw as unknown as KObject), status } as KObject);
    } catch {
      // conflicts resolve on the next event
    }
  };
  const writeRouteStatus = (r: HttpRoute) => {
    const ns = r.metadata.namespace ?? 'default';
    const gen = r.metadata.generation;
    const parents = (r.spec?.parentRefs ?? []).flatMap((p) => {
      const gw = served().find((g) => g.metadata.name === p.name && g.metadata.namespace === (p.namespace ?? ns));
      if (!gw) return [];
      const ok = (gw.spec?.listeners ?? []).some((l) => parentMatches(p, ns, gw, l) && attached(gw, l).includes(r));
      const refsOk = (r.spec?.rules ?? []).every((rule) => (rule.backendRefs ?? []).every((b) => d.backendOk(b.namespace ?? ns, b.name, b.port)));
      return [{
        parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}), ...(p.sectionName ? { sectionName: p.sectionName } : {}) },
        controllerName,
        conditions: [
          ok ? cond('Accepted', true, 'Accepted', gen, 'The route is accepted') : cond('Accepted', false, 'NotAllowedByListeners', gen, 'Route is not allowed by any listener'),
          refsOk ? cond('ResolvedRefs', true, 'ResolvedRefs', gen, 'All references are resolved') : cond('ResolvedRefs', false, 'BackendNotFound', gen, 'Backend ref to Service not found'),
        ],
      }];
    });
    if (parents.length === 0) return;
    const status = { parents };
    if (sameStatus(r.status, status)) return;
    try {
      client.updateStatus(d.refs.httproutes, { ...(r as unknown as KObject), status } as KObject);
    } catch {
      // conflicts resolve on the next event
    }
  };

  return { gateway: writeGatewayStatus, route: writeRouteStatus };
}
