import { describe, expect, it } from 'vitest';
import { refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { curl } from '../../tools/net/curl.ts';
import { netLab } from '../testing/lab.ts';
import { NGINX_GATEWAY_CONTROLLER, startGateway } from './controller.ts';

const GC = refOf('gateway.networking.k8s.io/v1', 'gatewayclasses', false);
const GWR = refOf('gateway.networking.k8s.io/v1', 'gateways', true);
const HR = refOf('gateway.networking.k8s.io/v1', 'httproutes', true);

function setup() {
  const lab = netLab();
  startGateway({ runtime: lab.runtime, client: lab.admin, net: lab.net, first: '192.168.1.240', last: '192.168.1.250' });
  lab.admin.create(GC, undefined, { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'nginx' }, spec: { controllerName: NGINX_GATEWAY_CONTROLLER } });
  lab.admin.create(GWR, 'default', { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw' }, spec: { gatewayClassName: 'nginx', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } });
  for (const app of ['web', 'api', 'canary']) {
    lab.addPod({ name: `${app}-1`, labels: { app } });
    lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: app }, spec: { selector: { app }, ports: [{ port: 8080, targetPort: 80 }] } });
  }
  lab.syncSlices();
  const route = (name: string, spec: Record<string, unknown>) => {
    lab.admin.create(HR, 'default', { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name }, spec: { parentRefs: [{ name: 'gw' }], ...spec } });
    lab.runtime.settle();
  };
  const get = (path: string, extra: string[] = []) => lab.run(curl, ['curl', '-s', ...extra, `http://192.168.1.240${path}`], 'controlplane');
  return { lab, route, get };
}

describe('Gateway API', () => {
  it('gives the Gateway an address and routes HTTPRoute path matches by precedence', async () => {
    const t = setup();
    t.route('r', {
      hostnames: ['shop.example.com'],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 8080 }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'api', port: 8080 }] },
      ],
    });
    const gw = t.lab.admin.get(GWR, 'default', 'gw') as unknown as { status: { addresses: { value: string }[]; listeners: { attachedRoutes: number }[] } };
    expect(gw.status.addresses[0]!.value).toBe('192.168.1.240');
    expect(gw.status.listeners[0]!.attachedRoutes).toBe(1);
    const host = ['-H', 'Host: shop.example.com'];
    expect((await t.get('/api/items', host)).stdout).toBe('hello from api-1 /api/items\n');
    expect((await t.get('/apix', host)).stdout).toBe('hello from web-1 /apix\n');
    expect((await t.get('/', ['-o', '/dev/null', '-w', '%{http_code}', '-H', 'Host: other.example.com'])).stdout).toBe('404');
    // nginx's own page carries its Date first, as every answer of the data plane does
    expect((await t.get('/', ['-sI', '-H', 'Host: other.example.com'])).stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\nDate: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\r\nContent-Type: text\/html\r\nContent-Length: 146\r\nConnection: keep-alive\r\n\r\n$/);
    const hr = t.lab.admin.get(HR, 'default', 'r') as unknown as { status: { parents: { conditions: { type: string; status: string }[] }[] } };
    expect(hr.status.parents[0]!.conditions.map((c) => `${c.type}=${c.status}`)).toEqual(['Accepted=True', 'ResolvedRefs=True']);
  });

  it('matches headers, rewrites prefixes, splits by weight and reports missing backends', async () => {
    const t = setup();
    t.route('r', {
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/v1' } }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }], backendRefs: [{ name: 'web', port: 8080 }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ name: 'x-canary', value: 'yes' }] }], backendRefs: [{ name: 'canary', port: 8080 }] },
        { matches: [{ path: { type: 'PathPrefix', value: '/split' } }], backendRefs: [{ name: 'web', port: 8080, weight: 50 }, { name: 'api', port: 8080, weight: 50 }] },
        { matches: [{ path: { type: 'Exact', value: '/broken' } }], backendRefs: [{ name: 'nope', port: 8080 }] },
      ],
    });
    expect((await t.get('/v1/x')).stdout).toBe('hello from web-1 /x\n');
    expect((await t.get('/z', ['-H', 'x-canary: yes'])).stdout).toBe('hello from canary-1 /z\n');
    const seen = new Set<string>();
    for (let i = 0; i < 16; i++) seen.add((await t.get('/split')).stdout.split(' ')[2]!);
    expect([...seen].sort()).toEqual(['api-1', 'web-1']);
    expect((await t.get('/broken', ['-o', '/dev/null', '-w', '%{http_code}'])).stdout).toBe('500');
    const hr = t.lab.admin.get(HR, 'default', 'r') as unknown as { status: { parents: { conditions: { type: string; status: string; reason: string }[] }[] } };
    expect(hr.status.parents[0]!.conditions[1]).toMatchObject({ type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound' });
  });

  it('ignores routes from other namespaces unless the listener allows them', async () => {
    const t = setup();
    t.lab.admin.create(HR, 'dev', { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'dev' }, spec: { parentRefs: [{ name: 'gw', namespace: 'default' }], rules: [{ backendRefs: [{ name: 'web', namespace: 'default', port: 8080 }] }] } });
    t.lab.runtime.settle();
    expect((await t.get('/', ['-o', '/dev/null', '-w', '%{http_code}'])).stdout).toBe('404');
    const hr = t.lab.admin.get(HR, 'dev', 'dev') as unknown as { status: { parents: { conditions: { type: string; reason: string; message: string }[] }[] } };
    // NGF's order: the defaults, then what failed (each type's last word wins and moves last)
    expect(hr.status.parents[0]!.conditions.map((c) => `${c.type}=${c.reason}: ${c.message}`)).toEqual([
      'ResolvedRefs=RefNotPermitted: Backend ref to Service default/web not permitted by any ReferenceGrant',
      'Accepted=NotAllowedByListeners: HTTPRoute is not allowed by any listener',
    ]);
  });

  it('modifies request and response headers', async () => {
    const t = setup();
    t.lab.addPod({ name: 'echo-1', labels: { app: 'echo' }, reply: (req) => ({ status: 200, headers: { 'content-type': 'text/plain', 'x-internal': 'secret' }, body: `team=${req.headers['x-team'] ?? ''} debug=${req.headers['x-debug'] ?? ''}\n` }) });
    t.lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo' }, spec: { selector: { app: 'echo' }, ports: [{ port: 8080, targetPort: 80 }] } });
    t.lab.syncSlices();
    t.route('r', {
      rules: [{
        filters: [
          { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Team', value: 'blue' }], remove: ['X-Debug'] } },
          { type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'X-Served-By', value: 'gateway' }], remove: ['X-Internal'] } },
        ],
        backendRefs: [{ name: 'echo', port: 8080 }],
      }],
    });
    const r = await t.get('/', ['-i', '-H', 'X-Debug: 1', '-H', 'X-Team: red']);
    expect(r.stdout).toContain('team=blue debug=\n');
    expect(r.stdout.toLowerCase()).toContain('x-served-by: gateway');
    expect(r.stdout.toLowerCase()).not.toContain('x-internal');
  });
});
