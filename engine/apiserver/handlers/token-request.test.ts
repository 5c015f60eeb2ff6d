import { describe, expect, it } from 'vitest';
import { bootLab } from '../../cluster/boot/boot-lab.ts';
import { decodeJwt } from '../../pki/index.ts';

describe('TokenRequest (serviceaccounts/token)', () => {
  const lab = bootLab({ seed: 3 });
  const c = lab.clusters[0]!;
  const admin = { clientCertPem: c.pki!.kubeconfigs['super-admin.conf']!.certPem };
  const call = (method: 'GET' | 'POST', path: string, body?: unknown, credentials: Record<string, string> = admin) => c.apiserver.request({ method, path, body, credentials });
  call('POST', '/api/v1/namespaces/default/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } });

  it('issues a token that authenticates as the ServiceAccount', () => {
    const r = call('POST', '/api/v1/namespaces/default/serviceaccounts/robot/token', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} });
    expect(r.status).toBe(201);
    const body = r.body as { spec: { expirationSeconds: number; audiences: string[] }; status: { token: string; expirationTimestamp: string } };
    expect(body.spec).toMatchObject({ expirationSeconds: 3600, audiences: ['https://kubernetes.default.svc.cluster.local'] });
    const claims = decodeJwt(body.status.token)!.claims;
    expect(claims.sub).toBe('system:serviceaccount:default:robot');
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    const denied = call('GET', '/api/v1/namespaces/default/pods', undefined, { token: body.status.token });
    expect(denied.status).toBe(403);
    expect((denied.body as { message: string }).message).toBe('pods is forbidden: User "system:serviceaccount:default:robot" cannot list resource "pods" in API group "" in the namespace "default"');
  });

  it('refuses a missing ServiceAccount and a lifetime under ten minutes', () => {
    expect((call('POST', '/api/v1/namespaces/default/serviceaccounts/ghost/token', { spec: {} }).body as { message: string }).message).toBe('serviceaccounts "ghost" not found');
    const short = call('POST', '/api/v1/namespaces/default/serviceaccounts/robot/token', { spec: { expirationSeconds: 60 } });
    expect(short.status).toBe(422);
    expect((short.body as { message: string }).message).toContain('spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes');
  });
});
