import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';
import { firstIp, startKubernetesServiceReconciler } from './reconciler.ts';

describe('kubernetes service reconciler', () => {
  it('keeps default/kubernetes and its endpoints pointing at the apiserver', () => {
    expect(firstIp('10.96.0.0/12')).toBe('10.96.0.1');
    expect(firstIp('172.20.0.0/16')).toBe('172.20.0.1');
    const t = controllerTestCluster();
    startKubernetesServiceReconciler({ runtime: t.runtime, client: t.admin, advertiseIp: '192.168.1.10', serviceCidr: '10.96.0.0/12' });
    const svc = t.admin.get(R.services, 'default', 'kubernetes');
    expect(svc.metadata.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' });
    expect(svc.spec).toMatchObject({ clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });
    expect(t.admin.get(R.endpoints, 'default', 'kubernetes').subsets).toEqual([{ addresses: [{ ip: '192.168.1.10' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    t.admin.delete(R.endpointslices, 'default', 'kubernetes');
    t.runtime.advance(10_000);
    expect(t.admin.get(R.endpointslices, 'default', 'kubernetes').endpoints).toEqual([{ addresses: ['192.168.1.10'], conditions: { ready: true } }]);
  });
});
