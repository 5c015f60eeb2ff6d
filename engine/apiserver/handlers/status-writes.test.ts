import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../api/transport.ts';
import type { KObject } from '../../api/types.ts';
import { testApiServer } from '../testing/harness.ts';

const admin = { token: 'admin' };

function setup() {
  const h = testApiServer();
  const call = (method: ApiRequest['method'], path: string, body?: unknown) => h.server.request({ method, path, body, credentials: admin });
  call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const pod = call('POST', '/api/v1/namespaces/default/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
  }).body as KObject;
  return { ...h, call, pod };
}

/** stored is the object as etcd holds it, in its key order. */
function stored(kv: ReturnType<typeof testApiServer>['kv'], key: string): Record<string, unknown> {
  return JSON.parse(kv.range(key).kvs[0]!.value) as Record<string, unknown>;
}

describe('status and binding writes', () => {
  it('bind a pod: spec.nodeName and the PodScheduled condition are added after the existing fields, nothing else moves', () => {
    const { call, kv, pod, runtime } = setup();
    runtime.advance(1500);
    const r = call('POST', '/api/v1/namespaces/default/pods/web/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'web' }, target: { kind: 'Node', name: 'node01' } });
    expect(r.status).toBe(201);
    const s = stored(kv, '/registry/pods/default/web') as { spec: Record<string, unknown>; status: Record<string, unknown>; metadata: Record<string, unknown> };
    expect(Object.keys(s)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(s.spec).at(-1)).toBe('nodeName');
    expect(s.spec.nodeName).toBe('node01');
    expect(Object.keys(s.status)).toEqual(['phase', 'qosClass', 'conditions']);
    expect(s.status.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-05T09:00:01Z' }]);
    expect(s.metadata).toEqual({ ...pod.metadata, resourceVersion: undefined });
    // the pod as read before the binding is untouched
    expect((pod.spec as { nodeName?: string }).nodeName).toBeUndefined();
    const again = call('POST', '/api/v1/namespaces/default/pods/web/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'web' }, target: { kind: 'Node', name: 'node02' } });
    expect(again.status).toBe(409);
  });

  it('update status: only status (and labels, for kinds that keep them) come from the request, the rest is the stored object', () => {
    const { call, kv, pod } = setup();
    const sent = { ...pod, metadata: { ...pod.metadata, labels: { app: 'other' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:9' }] }, status: { phase: 'Running', podIP: '10.244.0.5' } };
    const r = call('PUT', '/api/v1/namespaces/default/pods/web/status', sent);
    expect(r.status).toBe(200);
    const got = r.body as KObject;
    expect(Object.isFrozen(got)).toBe(true);
    expect(got.spec).toEqual(pod.spec);
    expect(got.status).toEqual({ phase: 'Running', podIP: '10.244.0.5' });
    expect(got.metadata.resourceVersion).toBe(String(kv.revision));
    const s = stored(kv, '/registry/pods/default/web');
    expect(Object.keys(s)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(s.spec).toEqual(pod.spec);
    expect((s.metadata as { labels: unknown }).labels).toEqual({ app: 'web' });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    // the same status again writes nothing
    const same = call('PUT', '/api/v1/namespaces/default/pods/web/status', { ...got });
    expect((same.body as KObject).metadata.resourceVersion).toBe(got.metadata.resourceVersion);
  });

  it('update status through a kind with an update hook: the hook may edit the whole object it is given', () => {
    const h = testApiServer({ hooks: { services: { beforeUpdate: (obj) => void ((obj.spec as { clusterIP?: string }).clusterIP = '10.96.0.10') } } });
    const call = (method: ApiRequest['method'], path: string, body?: unknown) => h.server.request({ method, path, body, credentials: admin });
    call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const svc = call('POST', '/api/v1/namespaces/default/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } });
    expect(svc.status).toBe(201);
    const r = call('PUT', '/api/v1/namespaces/default/services/s/status', { ...(svc.body as KObject), status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } });
    expect(r.status).toBe(200);
    expect((r.body as KObject).status).toEqual({ loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } });
    expect((r.body as { spec: { clusterIP: string } }).spec.clusterIP).toBe('10.96.0.10');
    expect((svc.body as { spec: { clusterIP?: string } }).spec.clusterIP).toBeUndefined();
  });
});
