import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { curl } from '../../tools/net/curl.ts';
import { netLab } from '../testing/lab.ts';
import { startNetworkPolicy } from '../policy/enforcer.ts';
import { startIngressNginx } from './controller.ts';

/** HTTP_DATE is nginx's Date header line (RFC 7231 IMF-fixdate). */
const HTTP_DATE = /\r\nDate: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT\r\n/;

function setup() {
  const lab = netLab();
  startIngressNginx({ runtime: lab.runtime, client: lab.admin, net: lab.net });
  lab.admin.create(R.ingressclasses, undefined, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
  for (const app of ['web', 'api']) {
    lab.addPod({ name: `${app}-1`, labels: { app } });
    lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: app }, spec: { selector: { app }, ports: [{ name: 'http', port: 80 }] } });
  }
  lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'empty' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
  lab.syncSlices();
  const ingress = (name: string, spec: Record<string, unknown>, annotations?: Record<string, string>) => {
    lab.admin.create(R.ingresses, 'default', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, annotations }, spec: { ingressClassName: 'nginx', ...spec } });
    lab.runtime.settle();
  };
  const backend = (name: string, port: number | string = 80) => ({ service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } });
  const get = (url: string, extra: string[] = []) => lab.run(curl, ['curl', '-s', ...extra, url], 'controlplane');
  return { lab, ingress, backend, get };
}

describe('ingress-nginx', () => {
  it('routes by host and path (Prefix, Exact) on the http NodePort of every node', async () => {
    const t = setup();
    t.ingress('main', {
      rules: [
        { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: t.backend('web') }, { path: '/api', pathType: 'Prefix', backend: t.backend('api', 'http') }] } },
        { host: 'exact.example.com', http: { paths: [{ path: '/only', pathType: 'Exact', backend: t.backend('web') }] } },
      ],
    });
    const h = (host: string) => ['-H', `Host: ${host}`];
    expect((await t.get('http://192.168.1.11:30080/api/v1', h('shop.example.com'))).stdout).toBe('hello from api-1 /api/v1\n');
    expect((await t.get('http://192.168.1.10:30080/apix', h('shop.example.com'))).stdout).toBe('hello from web-1 /apix\n');
    expect((await t.get('http://192.168.1.10:30080/only', h('exact.example.com'))).stdout).toBe('hello from web-1 /only\n');
    const miss = await t.get('http://192.168.1.10:30080/only/more', ['-i', ...h('exact.example.com')]);
    expect(miss.stdout).toMatch(HTTP_DATE);
    expect(miss.stdout.replace(HTTP_DATE, '\r\nDate: <date>\r\n')).toBe(
      `HTTP/1.1 404 Not Found\r\nDate: <date>\r\nContent-Type: text/html\r\nContent-Length: 146\r\nConnection: keep-alive\r\n\r\n<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    );
    expect((await t.get('http://192.168.1.10:30080/', ['-o', '/dev/null', '-w', '%{http_code}', ...h('other.example.com')])).stdout).toBe('404');
  });

  it('answers 503 for a backend without endpoints and uses the default backend', async () => {
    const t = setup();
    t.ingress('e', { rules: [{ host: 'e.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: t.backend('empty') }] } }] });
    expect((await t.get('http://192.168.1.10:30080/', ['-o', '/dev/null', '-w', '%{http_code}', '-H', 'Host: e.example.com'])).stdout).toBe('503');
    t.ingress('d', { defaultBackend: t.backend('web') });
    expect((await t.get('http://192.168.1.10:30080/x', ['-H', 'Host: nobody.example.com'])).stdout).toBe('hello from web-1 /x\n');
  });

  it('sends unmatched paths of a host to the defaultBackend of the Ingress that names it, other hosts to the catch-all', async () => {
    const t = setup();
    t.ingress('shop', { defaultBackend: t.backend('api'), rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/web', pathType: 'Exact', backend: t.backend('web') }] } }] });
    const code = async (path: string, host: string) => (await t.get(`http://192.168.1.10:30080${path}`, ['-o', '/dev/null', '-w', '%{http_code}', '-H', `Host: ${host}`])).stdout;
    expect((await t.get('http://192.168.1.10:30080/web/more', ['-H', 'Host: shop.example.com'])).stdout).toBe('hello from api-1 /web/more\n');
    // an Ingress with rules does not configure the catch-all server: other hosts get the controller's 404
    expect(await code('/x', 'nobody.example.com')).toBe('404');
    t.ingress('catch-all', { defaultBackend: t.backend('web') });
    expect((await t.get('http://192.168.1.10:30080/x', ['-H', 'Host: nobody.example.com'])).stdout).toBe('hello from web-1 /x\n');
    expect((await t.get('http://192.168.1.10:30080/y', ['-H', 'Host: shop.example.com'])).stdout).toBe('hello from api-1 /y\n');
  });

  it('rewrites paths with rewrite-target and ignores other classes', async () => {
    const t = setup();
    t.ingress('rw', { rules: [{ http: { paths: [{ path: '/app(/|$)(.*)', pathType: 'ImplementationSpecific', backend: t.backend('web') }] } }] }, { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' });
    expect((await t.get('http://192.168.1.10:30080/app/hello')).stdout).toBe('hello from web-1 /hello\n');
    t.lab.admin.create(R.ingresses, 'default', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'other' }, spec: { ingressClassName: 'traefik', rules: [{ host: 't.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: t.backend('api') }] } }] } });
    t.lab.runtime.settle();
    expect((await t.get('http://192.168.1.10:30080/', ['-o', '/dev/null', '-w', '%{http_code}', '-H', 'Host: t.example.com'])).stdout).toBe('404');
  });

  it('redirects TLS hosts to https and serves https with -k', async () => {
    const t = setup();
    t.ingress('tls', { tls: [{ hosts: ['secure.example.com'], secretName: 'missing' }], rules: [{ host: 'secure.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: t.backend('web') }] } }] });
    const r = await t.get('http://192.168.1.10:30080/a', ['-o', '/dev/null', '-w', '%{http_code}', '-H', 'Host: secure.example.com']);
    expect(r.stdout).toBe('308');
    const s = await t.lab.run(curl, ['curl', '-sk', '--resolve', 'secure.example.com:30443:192.168.1.10', 'https://secure.example.com:30443/a'], 'controlplane');
    expect(s.stdout).toBe('hello from web-1 /a\n');
    const strict = await t.lab.run(curl, ['curl', '-sS', '--resolve', 'secure.example.com:30443:192.168.1.10', 'https://secure.example.com:30443/a'], 'controlplane');
    expect(strict.code).toBe(60);
    expect(strict.stderr).toMatch(/^curl: \(60\) SSL certificate problem: self-signed certificate\nMore details here: https:\/\/curl.se\/docs\/sslcerts.html\n/);
  });

  it('reaches backends as the controller pod, so NetworkPolicy can admit it', async () => {
    const t = setup();
    startNetworkPolicy({ runtime: t.lab.runtime, client: t.lab.admin, net: t.lab.net });
    t.ingress('main', { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: t.backend('web') }] } }] });
    t.lab.admin.create(R.networkpolicies, 'default', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    t.lab.runtime.settle();
    expect((await t.get('http://192.168.1.10:30080/', ['-o', '/dev/null', '-w', '%{http_code}'])).stdout).toBe('504');
    t.lab.admin.create(R.networkpolicies, 'default', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'from-ingress' }, spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] }] } });
    t.lab.runtime.settle();
    expect((await t.get('http://192.168.1.10:30080/', ['-o', '/dev/null', '-w', '%{http_code}'])).stdout).toBe('200');
  });

  it('answers with its own Date and no Server header, as nginx proxying with server-tokens off does', async () => {
    const t = setup();
    t.ingress('main', { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: t.backend('web') }] } }] });
    const r = await t.get('http://192.168.1.10:30080/', ['-i', '-H', 'Host: a.example.com']);
    expect(r.stdout).toMatch(HTTP_DATE);
    expect(r.stdout.replace(HTTP_DATE, '\r\nDate: <date>\r\n').split('\r\n').slice(0, 3)).toEqual(['HTTP/1.1 200 OK', 'Date: <date>', 'Content-Type: text/html']);
    expect(r.stdout).not.toMatch(/^Server:/im);
  });

  it('records a Sync event for each Ingress of its class it starts serving and each change to one', () => {
    const t = setup();
    const syncs = () => (t.lab.admin.list(R.events, 'default').items as unknown as { involvedObject: { name: string }; reason: string; message: string; count: number; source: { component: string } }[])
      .filter((e) => e.reason === 'Sync')
      .map((e) => `${e.involvedObject.name} ${e.source.component} ${e.message} x${e.count}`);
    t.ingress('mine', { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: t.backend('web') }] } }] });
    t.lab.admin.create(R.ingresses, 'default', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'other' }, spec: { ingressClassName: 'traefik', defaultBackend: t.backend('web') } });
    t.lab.runtime.settle();
    expect(syncs()).toEqual(['mine nginx-ingress-controller Scheduled for sync x1']);
    const cur = t.lab.admin.get(R.ingresses, 'default', 'mine') as unknown as { metadata: { labels?: Record<string, string> } };
    t.lab.admin.update(R.ingresses, { ...cur, metadata: { ...cur.metadata, labels: { tier: 'web' } } } as never);
    t.lab.runtime.settle();
    expect(syncs()).toEqual(['mine nginx-ingress-controller Scheduled for sync x2']);
  });
});
