import { describe, expect, it } from 'vitest';
import { created, obj } from '../testing/fixtures.ts';
import { gatewayDef } from './gateway.ts';
import { gatewayClassDef } from './gatewayclass.ts';
import { httpRouteDef } from './httproute.ts';

const pending = (type: string) => ({ lastTransitionTime: '1970-01-01T00:00:00Z', message: 'Waiting for controller', reason: 'Pending', status: 'Unknown', type });

describe('Gateway API defaults (the CRDs\' schema defaults)', () => {
  it('a new Gateway and GatewayClass wait for their controller', () => {
    const gw = created(gatewayDef, obj(gatewayDef, 'gw', { spec: { gatewayClassName: 'nginx', listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'cert' }] } }] }, status: { conditions: [] } }));
    expect(gw.errors).toEqual([]);
    expect(gw.obj.status).toEqual({ conditions: [pending('Accepted'), pending('Programmed')] });
    expect((gw.obj.spec as { listeners: unknown[] }).listeners[0]).toEqual({ name: 'https', port: 443, protocol: 'HTTPS', allowedRoutes: { namespaces: { from: 'Same' } }, tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'cert' }] } });
    expect(gatewayDef.row(gw.obj, { now: Date.parse('1970-01-01T00:00:10Z') })[3]).toBe('Unknown');
    const gc = created(gatewayClassDef, obj(gatewayClassDef, 'nginx', { spec: { controllerName: 'example.com/gw' } }));
    expect(gc.obj.status).toEqual({ conditions: [pending('Accepted')] });
  });

  it('an HTTPRoute names Gateways, matches every path and weighs its backends 1 unless it says otherwise', () => {
    const r = created(httpRouteDef, obj(httpRouteDef, 'r', {
      spec: {
        parentRefs: [{ name: 'gw' }],
        rules: [
          { backendRefs: [{ name: 'web', port: 80 }] },
          { matches: [{ headers: [{ name: 'x-canary', value: 'yes' }] }, { path: { value: '/api' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }] },
        ],
      },
    }));
    expect(r.errors).toEqual([]);
    expect(r.obj.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ group: '', kind: 'Service', name: 'web', port: 80, weight: 1 }] },
        {
          matches: [{ headers: [{ name: 'x-canary', type: 'Exact', value: 'yes' }], path: { type: 'PathPrefix', value: '/' } }, { path: { type: 'PathPrefix', value: '/api' } }],
          filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 302 } }],
        },
      ],
    });
    const bare = created(httpRouteDef, obj(httpRouteDef, 'bare', { spec: { parentRefs: [{ name: 'gw' }] } }));
    expect((bare.obj.spec as { rules: unknown }).rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }]);
  });

  it('refuses a Service backendRef without a port, as the CRD\'s CEL rule does', () => {
    const r = created(httpRouteDef, obj(httpRouteDef, 'r', { spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }, { name: 'api' }] }] } }));
    expect(r.errors).toEqual(['spec.rules[0].backendRefs[1]: Invalid value: "object": Must have port for Service reference']);
  });
});
