import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, pod, request, thrownMessage } from '../testing/fake-view.ts';
import { resourceQuota } from './resource-quota.ts';

const plugin = resourceQuota();
const quota = (name: string, hard: Record<string, string>, used: Record<string, string>, spec: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name, namespace: 'dev' },
  spec: { hard, ...spec },
  status: { hard, used },
});
const sized = (name: string, res: Record<string, unknown>) => pod(name, 'dev', { containers: [{ name: 'nginx', image: 'nginx', resources: res }] });

function admit(obj: KObject, view: FakeView, op: 'CREATE' | 'UPDATE' = 'CREATE', old?: KObject): string {
  return thrownMessage(() => plugin.validate!(request(op, obj, { old }), view));
}

describe('ResourceQuota', () => {
  it('refuses a pod beyond the pod count with the real text', () => {
    const view = new FakeView([quota('q', { pods: '2' }, { pods: '2' })]);
    expect(admit(pod('nginx', 'dev'), view)).toBe('pods "nginx" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2');
  });

  it('demands limits when the quota tracks them', () => {
    const view = new FakeView([quota('q', { 'limits.cpu': '2', 'limits.memory': '2Gi' }, { 'limits.cpu': '0', 'limits.memory': '0' })]);
    expect(admit(pod('nginx', 'dev', { containers: [{ name: 'nginx', image: 'nginx' }] }), view)).toBe(
      'pods "nginx" is forbidden: failed quota: q: must specify limits.cpu for: nginx; limits.memory for: nginx',
    );
  });

  it('charges status.used and reports only the exceeded resources', () => {
    const view = new FakeView([quota('compute', { 'requests.cpu': '1', 'requests.memory': '1Gi', pods: '10' }, { 'requests.cpu': '500m', 'requests.memory': '512Mi', pods: '1' })]);
    expect(admit(sized('a', { requests: { cpu: '250m', memory: '256Mi' } }), view)).toBe('');
    expect(view.statusWrites).toHaveLength(1);
    expect((view.statusWrites[0]!.status as any).used).toEqual({ 'requests.cpu': '750m', 'requests.memory': '768Mi', pods: '2' });
    expect(admit(sized('b', { requests: { cpu: '500m', memory: '100Mi' } }), view)).toBe(
      'pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=750m, limited: requests.cpu=1',
    );
  });

  it('counts object counts, services and node ports', () => {
    const view = new FakeView([
      quota('objects', { 'count/deployments.apps': '1', configmaps: '1', services: '5', 'services.nodeports': '1' }, { 'count/deployments.apps': '1', configmaps: '0', services: '0', 'services.nodeports': '0' }),
    ]);
    const dep: KObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'dev' }, spec: {} };
    expect(admit(dep, view)).toBe('deployments.apps "web" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1');
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'dev' } };
    expect(admit(cm, view)).toBe('');
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'dev' }, spec: { type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] } };
    expect(admit(svc, view)).toBe('services "s" is forbidden: exceeded quota: objects, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1');
  });

  it('counts claims and their storage per class, charging only growth on update', () => {
    const view = new FakeView([quota('storage', { 'requests.storage': '10Gi', 'fast.storageclass.storage.k8s.io/requests.storage': '5Gi' }, { 'requests.storage': '4Gi', 'fast.storageclass.storage.k8s.io/requests.storage': '4Gi' })]);
    const pvc = (size: string): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd', namespace: 'dev' }, spec: { storageClassName: 'fast', resources: { requests: { storage: size } } } });
    expect(admit(pvc('2Gi'), view)).toBe(
      'persistentvolumeclaims "d" is forbidden: exceeded quota: storage, requested: fast.storageclass.storage.k8s.io/requests.storage=2Gi, used: fast.storageclass.storage.k8s.io/requests.storage=4Gi, limited: fast.storageclass.storage.k8s.io/requests.storage=5Gi',
    );
    expect(admit(pvc('1Gi'), view, 'UPDATE', pvc('1Gi'))).toBe('');
    expect(view.statusWrites).toHaveLength(0);
  });

  it('ignores quotas whose status the controller has not filled yet, and respects scopes', () => {
    const fresh: KObject = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'new', namespace: 'dev' }, spec: { hard: { pods: '0' } } };
    const be = quota('besteffort', { pods: '0' }, { pods: '0' }, { scopes: ['BestEffort'] });
    const view = new FakeView([fresh, be]);
    expect(admit(sized('burst', { requests: { cpu: '100m' } }), view)).toBe('');
    expect(admit(pod('lazy', 'dev'), view)).toBe('pods "lazy" is forbidden: exceeded quota: besteffort, requested: pods=1, used: pods=0, limited: pods=0');
  });
});
