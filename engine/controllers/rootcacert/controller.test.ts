import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';
import { DESCRIPTION } from './controller.ts';

describe('root CA publisher', () => {
  it('publishes kube-root-ca.crt in every namespace and repairs it', () => {
    const t = controllerTestCluster();
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    t.start({ controllers: ['root-ca-certificate-publisher-controller'], caCertPem: pem });
    t.admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    t.settle();
    const cm = t.admin.get(R.configmaps, 'dev', 'kube-root-ca.crt');
    expect(cm.data).toEqual({ 'ca.crt': pem });
    expect(cm.metadata.annotations?.['kubernetes.io/description']).toBe(DESCRIPTION);
    t.admin.patch(R.configmaps, 'dev', 'kube-root-ca.crt', 'merge', { data: { 'ca.crt': 'tampered' } });
    t.settle();
    expect(t.admin.get(R.configmaps, 'dev', 'kube-root-ca.crt').data).toEqual({ 'ca.crt': pem });
    t.admin.delete(R.configmaps, 'default', 'kube-root-ca.crt');
    t.settle();
    expect(t.admin.get(R.configmaps, 'default', 'kube-root-ca.crt').data).toEqual({ 'ca.crt': pem });
  });
});
