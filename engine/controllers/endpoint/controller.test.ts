import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

function pod(name: string, labels: Record<string, string>) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] } };
}

describe('endpoints and endpointslice controllers', () => {
  it('list ready pods as addresses and unready ones as notReadyAddresses, ports by name', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['endpoints-controller', 'endpointslice-controller'] });
    t.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { tier: 'front' } }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
    t.admin.create(R.pods, 'default', pod('a', { app: 'web' }));
    t.admin.create(R.pods, 'default', pod('b', { app: 'web' }));
    t.admin.create(R.pods, 'default', pod('other', { app: 'db' }));
    t.settle();
    t.markReady('default', 'a');
    t.markReady('default', 'b');
    const b = t.admin.get(R.pods, 'default', 'b');
    t.admin.updateStatus(R.pods, { ...b, status: { ...(b.status as object), conditions: [{ type: 'Ready', status: 'False' }] } });
    t.settle();
    const ipOf = (n: string) => (t.admin.get(R.pods, 'default', n).status as { podIP: string }).podIP;
    const ep = t.admin.get(R.endpoints, 'default', 'web');
    expect(ep.metadata.labels).toEqual({ tier: 'front' });
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: ipOf('a'), nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: t.admin.get(R.pods, 'default', 'a').metadata.uid } }],
        notReadyAddresses: [{ ip: ipOf('b'), nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: b.metadata.uid } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
    const slices = t.admin.list(R.endpointslices, 'default').items;
    expect(slices).toHaveLength(1);
    const s = slices[0]!;
    expect(s.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(s.metadata.labels).toEqual({ tier: 'front', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(s.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    const conds = (s.endpoints as { targetRef: { name: string }; conditions: unknown }[]).map((e) => [e.targetRef.name, e.conditions]);
    expect(conds.sort()).toEqual([
      ['a', { ready: true, serving: true, terminating: false }],
      ['b', { ready: false, serving: false, terminating: false }],
    ]);
  });

  it('an empty service gets an Endpoints without subsets and a placeholder slice', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['endpoints-controller', 'endpointslice-controller'] });
    t.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    t.settle();
    expect(t.admin.get(R.endpoints, 'default', 'web').subsets).toBeUndefined();
    const slices = t.admin.list(R.endpointslices, 'default').items;
    expect(slices).toHaveLength(1);
    expect(slices[0]!.endpoints).toEqual([]);
  });
});
