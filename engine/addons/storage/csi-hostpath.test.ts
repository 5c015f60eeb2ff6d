import { describe, expect, it } from 'vitest';
import { bootLab } from '../../cluster/boot/boot-lab.ts';
import { DEFAULT_LAB, parseLabDefinition } from '../../cluster/lab-definition.ts';
import { R } from '../../client/refs.ts';
import { advance } from '../../node/testing/advance.ts';
import { FS_RESIZE_PENDING_MESSAGE } from './csi-resizer.ts';

interface PvcStatus {
  phase: string;
  capacity?: { storage: string };
  allocatedResources?: { storage: string };
  allocatedResourceStatuses?: Record<string, string>;
  conditions?: { type: string; status: string; message?: string }[];
}

describe('csi-hostpath add-on', () => {
  it('provisions at once, and grows a claim: FileSystemResizePending until a pod mounts it, then the new capacity', async () => {
    const lab = bootLab({ def: parseLabDefinition(DEFAULT_LAB.replace('    - name: local-path-provisioner\n', '    - name: local-path-provisioner\n    - name: csi-hostpath\n')) });
    const c = lab.clusters[0]!;
    const rt = lab.world.runtime;
    await advance(rt, 1000);
    expect(c.admin.get(R.storageclasses, undefined, 'csi-hostpath-sc')).toMatchObject({ provisioner: 'hostpath.csi.k8s.io', allowVolumeExpansion: true, reclaimPolicy: 'Delete' });
    c.admin.create(R.persistentvolumeclaims, 'default', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'grow' }, spec: { storageClassName: 'csi-hostpath-sc', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    await advance(rt, 5000);
    const bound = c.admin.get(R.persistentvolumeclaims, 'default', 'grow');
    expect(bound.status).toMatchObject({ phase: 'Bound', capacity: { storage: '1Gi' } });
    const pvName = (bound.spec as { volumeName: string }).volumeName;
    expect((c.admin.get(R.persistentvolumes, undefined, pvName).spec as { csi: { driver: string } }).csi.driver).toBe('hostpath.csi.k8s.io');
    c.admin.patch(R.persistentvolumeclaims, 'default', 'grow', 'strategic', { spec: { resources: { requests: { storage: '2Gi' } } } });
    await advance(rt, 5000);
    let st = c.admin.get(R.persistentvolumeclaims, 'default', 'grow').status as PvcStatus;
    expect(st.capacity).toEqual({ storage: '1Gi' });
    expect(st.allocatedResources).toEqual({ storage: '2Gi' });
    expect(st.allocatedResourceStatuses).toEqual({ storage: 'NodeResizePending' });
    expect(st.conditions?.map((x) => [x.type, x.status, x.message])).toEqual([['FileSystemResizePending', 'True', FS_RESIZE_PENDING_MESSAGE]]);
    expect((c.admin.get(R.persistentvolumes, undefined, pvName).spec as { capacity: { storage: string } }).capacity.storage).toBe('2Gi');
    c.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'user' }, spec: { containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'd', mountPath: '/data' }] }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'grow' } }] } });
    await advance(rt, 15_000);
    st = c.admin.get(R.persistentvolumeclaims, 'default', 'grow').status as PvcStatus;
    expect(st.capacity).toEqual({ storage: '2Gi' });
    expect(st.allocatedResourceStatuses).toBeUndefined();
    expect((st.conditions ?? []).map((x) => x.type)).toEqual([]);
  });
});
