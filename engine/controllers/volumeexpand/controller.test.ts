import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { controllerTestCluster } from '../testing/cluster.ts';

describe('expand controller', () => {
  it('grows a bound volume when its claim asks for more', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['persistentvolume-binder-controller', 'persistentvolume-expander-controller'] });
    t.admin.create(R.persistentvolumes, undefined, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } } });
    t.admin.create(R.persistentvolumeclaims, 'default', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { storageClassName: '', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    t.settle();
    t.admin.patch(R.persistentvolumeclaims, 'default', 'c', 'merge', { spec: { resources: { requests: { storage: '2Gi' } } } });
    t.settle();
    expect((t.admin.get(R.persistentvolumeclaims, 'default', 'c').status as { capacity: { storage: string } }).capacity.storage).toBe('2Gi');
    expect((t.admin.get(R.persistentvolumes, undefined, 'v').spec as { capacity: { storage: string } }).capacity.storage).toBe('2Gi');
  });
});
