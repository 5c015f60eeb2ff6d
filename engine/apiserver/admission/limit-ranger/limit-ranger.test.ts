import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, pod, request, thrownMessage } from '../testing/fake-view.ts';
import { admissionServer } from '../testing/server.ts';
import { limitRanger } from './limit-ranger.ts';

const plugin = limitRanger();
const lr = (limits: unknown[], name = 'lr'): KObject => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name, namespace: 'dev' }, spec: { limits } });
const withRes = (resources: unknown, name = 'nginx') => pod('p', 'dev', { containers: [{ name, image: 'nginx', resources }] });

function run(p: KObject, view: FakeView): KObject {
  const req = request('CREATE', p);
  plugin.admit!(req, view);
  plugin.validate!(req, view);
  return req.object!;
}

describe('LimitRanger', () => {
  it('fills default limits and requests and records them in the annotation', () => {
    const view = new FakeView([lr([{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '250m', memory: '128Mi' } }])]);
    const out = run(pod('p', 'dev', { initContainers: [{ name: 'init', image: 'busybox', resources: { requests: { cpu: '100m' } } }] }), view);
    const spec = out.spec as Record<string, any>;
    expect(spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
    expect(spec.initContainers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
    expect(out.metadata.annotations).toEqual({
      'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c; memory request for init container init; cpu, memory limit for init container init',
    });
  });

  it('enforces max with the real texts', () => {
    const view = new FakeView([lr([{ type: 'Container', max: { memory: '100Mi' } }])]);
    expect(thrownMessage(() => run(withRes({ limits: { memory: '150Mi' } }), view))).toBe('pods "p" is forbidden: maximum memory usage per Container is 100Mi, but limit is 150Mi');
    expect(thrownMessage(() => run(withRes({}), view))).toBe('pods "p" is forbidden: maximum memory usage per Container is 100Mi.  No limit is specified');
  });

  it('enforces min and the limit/request ratio, several errors in brackets', () => {
    const view = new FakeView([lr([{ type: 'Container', min: { cpu: '200m', memory: '64Mi' }, maxLimitRequestRatio: { cpu: '2' } }])]);
    expect(thrownMessage(() => run(withRes({ requests: { cpu: '100m', memory: '32Mi' }, limits: { cpu: '1' } }), view))).toBe(
      'pods "p" is forbidden: [minimum cpu usage per Container is 200m, but request is 100m, minimum memory usage per Container is 64Mi, but request is 32Mi, cpu max limit to request ratio per Container is 2, but provided ratio is 10.000000]',
    );
    expect(thrownMessage(() => run(withRes({ requests: { memory: '64Mi' } }), view))).toBe(
      'pods "p" is forbidden: [minimum cpu usage per Container is 200m.  No request is specified, cpu max limit to request ratio per Container is 2, but no request is specified or request is 0]',
    );
  });

  it('checks Pod items against the whole pod and PVC items against the claim', () => {
    const view = new FakeView([lr([{ type: 'Pod', max: { cpu: '1' } }, { type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '5Gi' } }])]);
    const two = pod('p', 'dev', { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '600m' } } }, { name: 'b', image: 'x', resources: { limits: { cpu: '600m' } } }] });
    expect(thrownMessage(() => run(two, view))).toBe('pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m');
    const pvc = (size: string): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'dev' }, spec: { resources: { requests: { storage: size } } } });
    expect(thrownMessage(() => run(pvc('10Gi'), view))).toBe('persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 5Gi, but request is 10Gi');
    expect(thrownMessage(() => run(pvc('500Mi'), view))).toBe('persistentvolumeclaims "data" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi');
    expect(thrownMessage(() => run(pvc('2Gi'), view))).toBe('');
  });

  it('gives the course example its real error: max becomes the default limit, then Pod validation refuses the request', () => {
    const s = admissionServer([plugin], ['tenant-b-100mi']);
    const made = s.create('/api/v1/namespaces/tenant-b-100mi/limitranges', {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'tenant-b-memlimit' },
      spec: { limits: [{ max: { memory: '100Mi' }, type: 'Container' }] },
    });
    expect(made.status).toBe(201);
    const r = s.create('/api/v1/namespaces/tenant-b-100mi/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'default-mem-demo' },
      spec: { containers: [{ name: 'default-mem-demo', image: 'nginx', resources: { requests: { memory: '150Mi' } } }] },
    });
    expect(r.status).toBe(422);
    expect(s.message(r)).toBe('Pod "default-mem-demo" is invalid: spec.containers[0].resources.requests: Invalid value: "150Mi": must be less than or equal to memory limit of 100Mi');
    const over = s.create('/api/v1/namespaces/tenant-b-100mi/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'big' },
      spec: { containers: [{ name: 'big', image: 'nginx', resources: { limits: { memory: '150Mi' } } }] },
    });
    expect(over.status).toBe(403);
    expect(s.message(over)).toBe('pods "big" is forbidden: maximum memory usage per Container is 100Mi, but limit is 150Mi');
    const fine = s.create('/api/v1/namespaces/tenant-b-100mi/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'fine' },
      spec: { containers: [{ name: 'fine', image: 'nginx' }] },
    });
    expect(fine.status).toBe(201);
    expect((fine.body as any).spec.containers[0].resources).toEqual({ limits: { memory: '100Mi' }, requests: { memory: '100Mi' } });
  });
});
