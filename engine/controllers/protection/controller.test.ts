import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

describe('pvc and pv protection', () => {
  it('holds a claim in use until its pod is gone, and a volume until unbound', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['persistentvolumeclaim-protection-controller', 'persistentvolume-protection-controller'] });
    t.admin.create(R.persistentvolumeclaims, 'default', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', finalizers: ['kubernetes.io/pvc-protection'] }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    t.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'user' }, spec: { containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } });
    t.admin.delete(R.persistentvolumeclaims, 'default', 'data');
    t.settle();
    expect(t.admin.get(R.persistentvolumeclaims, 'default', 'data').metadata.deletionTimestamp).toBeDefined();
    t.admin.delete(R.pods, 'default', 'user');
    t.settle();
    expect(() => t.admin.get(R.persistentvolumeclaims, 'default', 'data')).toThrow(/not found/);
    const pv = t.admin.create(R.persistentvolumes, undefined, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v', finalizers: ['kubernetes.io/pv-protection'] }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/d' } } });
    t.admin.updateStatus(R.persistentvolumes, { ...pv, status: { phase: 'Bound' } });
    t.admin.delete(R.persistentvolumes, undefined, 'v');
    t.settle();
    expect(t.admin.get(R.persistentvolumes, undefined, 'v').metadata.deletionTimestamp).toBeDefined();
    const cur = t.admin.get(R.persistentvolumes, undefined, 'v');
    t.admin.updateStatus(R.persistentvolumes, { ...cur, status: { phase: 'Released' } });
    t.settle();
    expect(() => t.admin.get(R.persistentvolumes, undefined, 'v')).toThrow(/not found/);
  });
});
