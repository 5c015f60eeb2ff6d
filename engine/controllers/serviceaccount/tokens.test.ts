import { describe, expect, it } from 'vitest';
import { atobUtf8 } from '../../base/base64.ts';
import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import { decodeJwt } from '../../pki/jwt.ts';
import { poolKey } from '../../pki/index.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function tokenSecret(name: string, account: string): KObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, annotations: { 'kubernetes.io/service-account.name': account } }, type: 'kubernetes.io/service-account-token' } as KObject;
}

function started() {
  const t = controllerTestCluster();
  t.start({ controllers: ['serviceaccount-token-controller'], serviceAccountKey: poolKey(0), caCertPem: CA });
  return t;
}

describe('serviceaccount tokens controller', () => {
  it('fills a token Secret with ca.crt, namespace and a legacy token for its account', () => {
    const t = started();
    const sa = t.admin.create(R.serviceaccounts, 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'build' } });
    t.admin.create(R.secrets, 'default', tokenSecret('build-token', 'build'));
    t.settle();
    const s = t.admin.get(R.secrets, 'default', 'build-token') as KObject & { data: Record<string, string> };
    expect(Object.keys(s.data).sort()).toEqual(['ca.crt', 'namespace', 'token']);
    expect(atobUtf8(s.data['ca.crt']!)).toBe(CA);
    expect(atobUtf8(s.data['namespace']!)).toBe('default');
    expect(s.metadata.annotations?.['kubernetes.io/service-account.uid']).toBe(sa.metadata.uid);
    const claims = decodeJwt(atobUtf8(s.data['token']!))!.claims;
    expect(claims).toEqual({
      iss: 'kubernetes/serviceaccount',
      'kubernetes.io/serviceaccount/namespace': 'default',
      'kubernetes.io/serviceaccount/secret.name': 'build-token',
      'kubernetes.io/serviceaccount/service-account.name': 'build',
      'kubernetes.io/serviceaccount/service-account.uid': sa.metadata.uid,
      sub: 'system:serviceaccount:default:build',
    });
  });

  it('deletes a token Secret whose account does not exist, and the token Secrets of a deleted account', () => {
    const t = started();
    t.admin.create(R.secrets, 'default', tokenSecret('orphan', 'nobody'));
    t.admin.create(R.serviceaccounts, 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'build' } });
    t.admin.create(R.secrets, 'default', tokenSecret('build-token', 'build'));
    t.admin.create(R.secrets, 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'plain', annotations: { 'kubernetes.io/service-account.name': 'build' } }, type: 'Opaque' } as KObject);
    t.settle();
    const names = () => t.admin.list(R.secrets, 'default').items.map((s) => s.metadata.name).sort();
    expect(names()).toEqual(['build-token', 'plain']);
    t.admin.delete(R.serviceaccounts, 'default', 'build');
    t.settle();
    expect(names()).toEqual(['plain']);
  });

  it('does nothing without --service-account-private-key-file', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['serviceaccount-token-controller'] });
    t.admin.create(R.secrets, 'default', tokenSecret('orphan', 'nobody'));
    t.settle();
    expect((t.admin.get(R.secrets, 'default', 'orphan') as { data?: unknown }).data).toBeUndefined();
  });
});
