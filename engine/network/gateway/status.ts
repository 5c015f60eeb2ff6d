import type { KObject } from '../../api/types.ts';
import { rfc3339 } from '../../base/clock.ts';
import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient, ResourceRef } from '../../client/client.ts';
import { dedupe, gatewayClassConds, gatewayDefaults, gatewayNoValidListeners, gatewaySomeListenersInvalid, routeDefaults, type Cond } from './conditions.ts';
import { attach, backendProblem, type ListenerState, type Lookup } from './resolve.ts';
import type { Gateway, GatewayClass, HttpRoute } from './types.ts';

/** StatusDeps are what status writing needs from the controller. */
export interface StatusDeps {
  runtime: Runtime;
  client: ApiClient;
  controllerName: string;
  served(): Gateway[];
  routes(): HttpRoute[];
  look: Lookup;
  listenersOf(gw: Gateway): ListenerState[];
  refs: { gatewayclasses: ResourceRef; gateways: ResourceRef; httproutes: ResourceRef };
}

interface Condition extends Cond {
  observedGeneration?: number;
  lastTransitionTime: string;
}

/**
 * gatewayStatusWriter writes GatewayClass status (Accepted, SupportedVersion),
 * Gateway status (addresses, Accepted/Programmed, listeners with their
 * conditions and attachedRoutes) and HTTPRoute status (per parent Gateway:
 * Accepted and ResolvedRefs) as NGINX Gateway Fabric reports them. A
 * condition keeps its lastTransitionTime while its status stays the same, and
 * unchanged status is not written.
 */
export function gatewayStatusWriter(d: StatusDeps) {
  const { runtime, client, controllerName, served, look, listenersOf } = d;
  const stamp = (conds: Cond[], gen: number | undefined, old: unknown): Condition[] => {
    const before = Array.isArray(old) ? (old as Condition[]) : [];
    return conds.map((c) => {
      const prev = before.find((b) => b.type === c.type);
      const lastTransitionTime = prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(runtime.now);
      return { type: c.type, status: c.status, observedGeneration: gen, lastTransitionTime, reason: c.reason, message: c.message };
    });
  };
  const write = (ref: ResourceRef, obj: { status?: unknown }, status: Record<string, unknown>) => {
    if (JSON.stringify(obj.status ?? {}) === JSON.stringify(status)) return;
    try {
      client.updateStatus(ref, { ...(obj as unknown as KObject), status } as KObject);
    } catch {
      // conflicts resolve on the next event
    }
  };
  type Old = { conditions?: unknown; listeners?: { name: string; conditions?: unknown }[]; parents?: { parentRef: { name: string; namespace?: string; sectionName?: string }; conditions?: unknown }[] };
  const oldOf = (o: { status?: unknown }) => (o.status ?? {}) as Old;

  const gatewayClass = (gc: GatewayClass) => {
    write(d.refs.gatewayclasses, gc, { conditions: stamp(gatewayClassConds(), gc.metadata.generation, oldOf(gc).conditions) });
  };

  const gateway = (gw: Gateway, addr: string, states: ListenerState[]) => {
    const gen = gw.metadata.generation;
    const old = oldOf(gw);
    const invalid = states.filter((s) => !s.valid).length;
    const conds = dedupe([...gatewayDefaults(), ...(invalid === 0 ? [] : invalid === states.length ? gatewayNoValidListeners() : gatewaySomeListenersInvalid())]);
    const routes = attachments(gw, states);
    const status = {
      addresses: [{ type: 'IPAddress', value: addr }],
      conditions: stamp(conds, gen, old.conditions),
      listeners: states.map((s) => ({
        name: s.listener.name,
        supportedKinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }],
        attachedRoutes: routes.filter((r) => r.includes(s.listener.name)).length,
        conditions: stamp(s.conds, gen, old.listeners?.find((l) => l.name === s.listener.name)?.conditions),
      })),
    };
    write(d.refs.gateways, gw, status);
  };

  /** attachments lists, per route, the names of the listeners it attached to. */
  const attachments = (gw: Gateway, states: ListenerState[]): string[][] =>
    d.routes().map((r) => (r.spec?.parentRefs ?? []).flatMap((p) => attach(look, r, p, gw, states).listeners.map((l) => l.name)));

  const route = (r: HttpRoute) => {
    const ns = r.metadata.namespace ?? 'default';
    const gen = r.metadata.generation;
    const old = oldOf(r);
    const refConds: Cond[] = [];
    (r.spec?.rules ?? []).forEach((rule, i) => (rule.backendRefs ?? []).forEach((b, j) => {
      const c = backendProblem(look, r, i, j, b);
      if (c) refConds.push(c);
    }));
    const gws = served();
    const parents = (r.spec?.parentRefs ?? []).flatMap((p) => {
      const gw = gws.find((g) => g.metadata.name === p.name && g.metadata.namespace === (p.namespace ?? ns) && (p.kind ?? 'Gateway') === 'Gateway');
      if (!gw) return [];
      const a = attach(look, r, p, gw, listenersOf(gw));
      const parentRef = { group: 'gateway.networking.k8s.io', kind: 'Gateway', ...(p.namespace ? { namespace: p.namespace } : {}), name: p.name, ...(p.sectionName ? { sectionName: p.sectionName } : {}), ...(p.port ? { port: p.port } : {}) };
      const prev = old.parents?.find((x) => x.parentRef.name === p.name && x.parentRef.namespace === p.namespace && x.parentRef.sectionName === p.sectionName);
      return [{ parentRef, controllerName, conditions: stamp(dedupe([...routeDefaults(), ...refConds, ...(a.failed ? [a.failed] : [])]), gen, prev?.conditions) }];
    });
    if (parents.length === 0) return;
    write(d.refs.httproutes, r, { parents });
  };

  return { gatewayClass, gateway, route };
}
