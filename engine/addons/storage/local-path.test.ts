import { describe, expect, it } from 'vitest';
import { bootLab } from '../../cluster/boot/boot-lab.ts';
import { R } from '../../client/refs.ts';
import { advance } from '../../node/testing/advance.ts';

describe('local-path provisioner add-on', () => {
  it('is the default class: a claim binds once a pod uses it, on that pod\'s node, and its volume goes on delete', async () => {
    const lab = bootLab();
    const c = lab.clusters[0]!;
    const rt = lab.world.runtime;
    await advance(rt, 1000);
    const sc = c.admin.get(R.storageclasses, undefined, 'local-path') as unknown as { provisioner: string; reclaimPolicy: string; volumeBindingMode: string; metadata: { annotations: Record<string, string> } };
    expect([sc.provisioner, sc.reclaimPolicy, sc.volumeBindingMode, sc.metadata.annotations['storageclass.kubernetes.io/is-default-class']]).toEqual(['rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', 'true']);
    // no storageClassName: the DefaultStorageClass admission gives it local-path
    const pvc = c.admin.create(R.persistentvolumeclaims, 'default', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    await advance(rt, 5000);
    expect((c.admin.get(R.persistentvolumeclaims, 'default', 'data').status as { phase: string }).phase).toBe('Pending');
    expect(c.admin.list(R.persistentvolumes).items).toHaveLength(0);
    c.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'user' }, spec: { containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'd', mountPath: '/data' }] }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } });
    await advance(rt, 10_000);
    const bound = c.admin.get(R.persistentvolumeclaims, 'default', 'data');
    expect((bound.status as { phase: string }).phase).toBe('Bound');
    const pvName = `pvc-${pvc.metadata.uid}`;
    expect((bound.spec as { volumeName: string }).volumeName).toBe(pvName);
    const pv = c.admin.get(R.persistentvolumes, undefined, pvName);
    const node = (c.admin.get(R.pods, 'default', 'user').spec as { nodeName: string }).nodeName;
    const path = `/opt/local-path-provisioner/${pvName}_default_data`;
    expect(pv.spec).toMatchObject({ hostPath: { path, type: 'DirectoryOrCreate' }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'local-path', capacity: { storage: '1Gi' } });
    expect(JSON.stringify((pv.spec as { nodeAffinity: unknown }).nodeAffinity)).toContain(`"values":["${node}"]`);
    expect(lab.world.mustHost(node).fs.exists(path)).toBe(true);
    c.admin.delete(R.pods, 'default', 'user');
    await advance(rt, 40_000);
    c.admin.delete(R.persistentvolumeclaims, 'default', 'data');
    await advance(rt, 20_000);
    expect(c.admin.list(R.persistentvolumes).items).toHaveLength(0);
    expect(lab.world.mustHost(node).fs.exists(path)).toBe(false);
  });
});
