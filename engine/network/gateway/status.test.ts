import { describe, expect, it } from 'vitest';
import { refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { newKubeadmCA } from '../../pki/kubeadm-certs.ts';
import { poolKey } from '../../pki/key-pool.ts';
import { curl } from '../../tools/net/curl.ts';
import { netLab } from '../testing/lab.ts';
import { NGINX_GATEWAY_CONTROLLER, startGateway } from './controller.ts';

const GC = refOf('gateway.networking.k8s.io/v1', 'gatewayclasses', false);
const GWR = refOf('gateway.networking.k8s.io/v1', 'gateways', true);
const HR = refOf('gateway.networking.k8s.io/v1', 'httproutes', true);
const RG = refOf('gateway.networking.k8s.io/v1beta1', 'referencegrants', true);

type Conds = { type: string; status: string; reason: string; message: string }[];
const summary = (conds: Conds) => conds.map((c) => `${c.type}=${c.status} ${c.reason}`);

function setup(nodePorts = false) {
  const lab = netLab();
  startGateway({ runtime: lab.runtime, client: lab.admin, net: lab.net, first: '192.168.1.240', last: '192.168.1.250', ...(nodePorts ? { httpNodePort: 31080, httpsNodePort: 31443 } : {}) });
  lab.admin.create(GC, undefined, { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'nginx' }, spec: { controllerName: NGINX_GATEWAY_CONTROLLER } });
  lab.addPod({ name: 'web-1', labels: { app: 'web' } });
  lab.addPod({ name: 'api-1', namespace: 'prod', labels: { app: 'api' } });
  lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  lab.admin.create(R.services, 'prod', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api' }, spec: { selector: { app: 'api' }, ports: [{ port: 80 }] } });
  lab.syncSlices();
  const gateway = (spec: Record<string, unknown>) => {
    lab.admin.create(GWR, 'default', { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw' }, spec: { gatewayClassName: 'nginx', ...spec } });
    lab.runtime.settle();
  };
  const route = (name: string, spec: Record<string, unknown>, ns = 'default') => {
    lab.admin.create(HR, ns, { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name }, spec: { parentRefs: [{ name: 'gw', ...(ns === 'default' ? {} : { namespace: 'default' }) }], ...spec } });
    lab.runtime.settle();
  };
  const routeConds = (name: string, ns = 'default') => (lab.admin.get(HR, ns, name) as unknown as { status: { parents: { conditions: Conds }[] } }).status.parents[0]!.conditions;
  const gw = () => lab.admin.get(GWR, 'default', 'gw') as unknown as { status: { conditions: Conds; listeners: { name: string; attachedRoutes: number; conditions: Conds }[] } };
  const code = async (url: string, extra: string[] = []) => (await lab.run(curl, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', ...extra, url], 'controlplane')).stdout;
  return { lab, gateway, route, routeConds, gw, code };
}

describe('Gateway API status as NGINX Gateway Fabric writes it', () => {
  it('accepts its GatewayClass', () => {
    const t = setup();
    t.lab.runtime.settle();
    const gc = t.lab.admin.get(GC, undefined, 'nginx') as unknown as { status: { conditions: (Conds[number] & { observedGeneration: number })[] } };
    expect(gc.status.conditions.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message} (gen ${c.observedGeneration})`)).toEqual([
      'Accepted=True Accepted: GatewayClass is accepted (gen 1)',
      'SupportedVersion=True SupportedVersion: Gateway API CRD versions are supported (gen 1)',
    ]);
  });

  it('says why a route does not attach: hostname, section name', () => {
    const t = setup();
    t.gateway({ listeners: [{ name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com' }] });
    t.route('other-host', { hostnames: ['shop.example.org'], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] });
    expect(summary(t.routeConds('other-host'))).toEqual(['ResolvedRefs=True ResolvedRefs', 'Accepted=False NoMatchingListenerHostname']);
    t.lab.admin.create(HR, 'default', { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'no-section' }, spec: { parentRefs: [{ name: 'gw', sectionName: 'https' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] } });
    t.lab.runtime.settle();
    expect(t.routeConds('no-section').map((c) => c.message)).toEqual(['All references are resolved', 'Listener is not found for this parent ref']);
    t.route('good', { hostnames: ['shop.example.com'], rules: [{ backendRefs: [{ name: 'web', port: 8080 }, { name: 'gone', port: 80 }] }] });
    expect(t.routeConds('good').map((c) => `${c.type}: ${c.message}`)).toEqual(['Accepted: The route is accepted', 'ResolvedRefs: spec.rules[0].backendRefs[1].name: Not found: "gone"']);
    expect(t.gw().status.listeners[0]!.attachedRoutes).toBe(1);
  });

  it('reaches a Service in another namespace only through a ReferenceGrant', async () => {
    const t = setup();
    t.gateway({ listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] });
    t.route('cross', { rules: [{ backendRefs: [{ name: 'api', namespace: 'prod', port: 80 }] }] });
    expect(await t.code('http://192.168.1.240/')).toBe('500');
    expect(t.routeConds('cross')[1]).toMatchObject({ type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted', message: 'Backend ref to Service prod/api not permitted by any ReferenceGrant' });
    t.lab.admin.create(RG, 'prod', { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'from-default' }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }], to: [{ group: '', kind: 'Service' }] } });
    t.lab.runtime.settle();
    expect((await t.lab.run(curl, ['curl', '-s', 'http://192.168.1.240/x'], 'controlplane')).stdout).toBe('hello from api-1 /x\n');
    expect(summary(t.routeConds('cross'))).toEqual(['Accepted=True Accepted', 'ResolvedRefs=True ResolvedRefs']);
  });

  it('terminates TLS with the listener Secret, and reports a missing one', async () => {
    const t = setup();
    t.gateway({ listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', hostname: 'shop.example.com', tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'shop-tls' }] } }] });
    t.route('shop', { hostnames: ['shop.example.com'], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] });
    const l = t.gw().status.listeners[0]!;
    expect(summary(l.conditions)).toEqual(['Conflicted=False NoConflicts', 'Accepted=False InvalidCertificateRef', 'ResolvedRefs=False InvalidCertificateRef', 'Programmed=False Invalid']);
    expect(l.conditions[1]!.message).toBe('tls.certificateRefs[0]: Invalid value: default/shop-tls: secret does not exist');
    expect(summary(t.gw().status.conditions)).toEqual(['Accepted=False ListenersNotValid', 'Programmed=False Invalid']);
    expect(summary(t.routeConds('shop'))).toEqual(['ResolvedRefs=True ResolvedRefs', 'Accepted=False InvalidListener']);
    const resolve = ['--resolve', 'shop.example.com:443:192.168.1.240'];
    expect((await t.lab.run(curl, ['curl', '-sk', ...resolve, 'https://shop.example.com/'], 'controlplane')).code).toBe(7);

    const cert = newKubeadmCA('shop.example.com', poolKey(3), t.lab.runtime.now, t.lab.runtime.rand);
    t.lab.admin.create(R.secrets, 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'shop-tls' }, type: 'kubernetes.io/tls', data: { 'tls.crt': btoa(cert.certPem), 'tls.key': btoa(cert.keyPem) } });
    t.lab.runtime.settle();
    expect(summary(t.gw().status.conditions)).toEqual(['Accepted=True Accepted', 'Programmed=True Programmed']);
    expect(t.gw().status.listeners[0]!.attachedRoutes).toBe(1);
    expect((await t.lab.run(curl, ['curl', '-sk', ...resolve, 'https://shop.example.com/a'], 'controlplane')).stdout).toBe('hello from web-1 /a\n');
    t.lab.hosts.get('controlplane')!.fs.writeFile('/root/shop.crt', cert.certPem);
    const verbose = await t.lab.run(curl, ['curl', '-s', '--cacert', '/root/shop.crt', ...resolve, 'https://shop.example.com/b'], 'controlplane');
    expect(verbose.stdout).toBe('hello from web-1 /b\n');
  });

  it('serves the Gateways on the data plane NodePorts of every node', async () => {
    const t = setup(true);
    t.gateway({ listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] });
    t.route('web', { hostnames: ['web.example.com'], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] });
    expect((await t.lab.run(curl, ['curl', '-s', '-H', 'Host: web.example.com', 'http://192.168.1.11:31080/n'], 'controlplane')).stdout).toBe('hello from web-1 /n\n');
    expect(await t.code('http://192.168.1.10:31080/', ['-H', 'Host: nothing.example.com'])).toBe('404');
  });
});
