import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../transport.ts';
import { testApiServer } from '../../../apiserver/testing/harness.ts';

const admin = { token: 'admin' };

describe('Service defaulting of load balancer addresses (LoadBalancerIPMode)', () => {
  const lab = () => {
    const { server } = testApiServer();
    const request = (method: ApiRequest['method'], path: string, body?: unknown, headers?: Record<string, string>) => server.request({ method, path, body, credentials: admin, ...(headers ? { headers } : {}) });
    request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    return request;
  };
  const svc = (type: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { type, ports: [{ port: 80 }] } });
  const setStatus = { status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }, { hostname: 'lb.example.com' }, { ip: '5.6.7.8', ipMode: 'Proxy' }] } } };

  it('gives an address written through the status subresource without ipMode the mode VIP, and leaves hostnames and given modes', () => {
    const request = lab();
    expect(request('POST', '/api/v1/namespaces/default/services', svc('LoadBalancer')).status).toBe(201);
    const r = request('PATCH', '/api/v1/namespaces/default/services/lb/status', setStatus, { 'content-type': 'application/merge-patch+json' });
    expect(r.status).toBe(200);
    expect((r.body as { status: unknown }).status).toEqual({ loadBalancer: { ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }, { hostname: 'lb.example.com' }, { ip: '5.6.7.8', ipMode: 'Proxy' }] } });
  });

  it('leaves the addresses of a Service that is not a LoadBalancer as written', () => {
    const request = lab();
    request('POST', '/api/v1/namespaces/default/services', svc('NodePort'));
    const r = request('PATCH', '/api/v1/namespaces/default/services/lb/status', setStatus, { 'content-type': 'application/merge-patch+json' });
    expect((r.body as { status: { loadBalancer: { ingress: unknown[] } } }).status.loadBalancer.ingress[0]).toEqual({ ip: '1.2.3.4' });
  });
});
