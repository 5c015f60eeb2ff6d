import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';

const pv = (name: string, size: string, extra: Record<string, unknown> = {}, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, labels },
  spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/data/${name}` }, persistentVolumeReclaimPolicy: 'Retain', ...extra },
});
const pvc = (name: string, size: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, storageClassName: '', ...extra },
});
const phase = (o: KObject) => (o.status as { phase?: string }).phase;

describe('persistentvolume binder', () => {
  it('binds a claim to the smallest matching volume, both sides Bound', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['persistentvolume-binder-controller'] });
    t.admin.create(R.persistentvolumes, undefined, pv('big', '10Gi'));
    t.admin.create(R.persistentvolumes, undefined, pv('small', '2Gi'));
    t.admin.create(R.persistentvolumes, undefined, pv('tiny', '500Mi'));
    t.settle();
    expect(phase(t.admin.get(R.persistentvolumes, undefined, 'small'))).toBe('Available');
    t.admin.create(R.persistentvolumeclaims, 'default', pvc('data', '1Gi'));
    t.settle();
    const claim = t.admin.get(R.persistentvolumeclaims, 'default', 'data');
    expect((claim.spec as { volumeName: string }).volumeName).toBe('small');
    expect(claim.status).toMatchObject({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    expect(claim.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    const vol = t.admin.get(R.persistentvolumes, undefined, 'small');
    expect(phase(vol)).toBe('Bound');
    expect((vol.spec as { claimRef: Record<string, unknown> }).claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: claim.metadata.uid });
    // Retain: the volume is Released once its claim goes.
    t.admin.delete(R.persistentvolumeclaims, 'default', 'data');
    t.settle();
    expect(phase(t.admin.get(R.persistentvolumes, undefined, 'small'))).toBe('Released');
  });

  it('honours selectors and leaves unmatched claims Pending with FailedBinding', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['persistentvolume-binder-controller'] });
    t.admin.create(R.persistentvolumes, undefined, pv('fast', '1Gi', {}, { tier: 'fast' }));
    t.admin.create(R.persistentvolumeclaims, 'default', pvc('slow', '1Gi', { selector: { matchLabels: { tier: 'slow' } } }));
    t.settle();
    expect(phase(t.admin.get(R.persistentvolumeclaims, 'default', 'slow'))).toBe('Pending');
    expect(eventMessages(t.events(), 'slow')).toContain('FailedBinding: no persistent volumes available for this claim and no storage class is set');
  });

  it('waits for the first consumer, and provisions through a registered provisioner', () => {
    const t = controllerTestCluster();
    const provisioners = {
      'rancher.io/local-path': (claim: KObject) => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: {}, spec: { capacity: { storage: (claim.spec as { resources: { requests: { storage: string } } }).resources.requests.storage }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/opt/local-path' } } }),
    };
    t.start({ controllers: ['persistentvolume-binder-controller'], provisioners });
    t.admin.create(R.storageclasses, undefined, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-path' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Delete' });
    t.admin.create(R.persistentvolumeclaims, 'default', pvc('data', '1Gi', { storageClassName: 'local-path' }));
    t.settle();
    expect(phase(t.admin.get(R.persistentvolumeclaims, 'default', 'data'))).toBe('Pending');
    expect(eventMessages(t.events(), 'data')).toContain('WaitForFirstConsumer: waiting for first consumer to be created before binding');
    t.admin.patch(R.persistentvolumeclaims, 'default', 'data', 'merge', { metadata: { annotations: { 'volume.kubernetes.io/selected-node': 'node-1' } } });
    t.settle();
    const claim = t.admin.get(R.persistentvolumeclaims, 'default', 'data');
    expect(phase(claim)).toBe('Bound');
    expect((claim.spec as { volumeName: string }).volumeName).toBe(`pvc-${claim.metadata.uid}`);
    // Delete: the provisioned volume goes with its claim.
    t.admin.delete(R.persistentvolumeclaims, 'default', 'data');
    t.settle();
    expect(t.admin.list(R.persistentvolumes, undefined).items).toHaveLength(0);
  });

  it('leaves unbound volumes of a WaitForFirstConsumer class to the scheduler, and completes the binding it chose', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['persistentvolume-binder-controller'] });
    t.admin.create(R.storageclasses, undefined, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-storage' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' });
    const affinity = (node: string) => ({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } });
    t.admin.create(R.persistentvolumes, undefined, pv('local-a', '1Gi', { storageClassName: 'local-storage', hostPath: undefined, local: { path: '/mnt/a' }, nodeAffinity: affinity('node-1') }));
    t.admin.create(R.persistentvolumes, undefined, pv('local-b', '1Gi', { storageClassName: 'local-storage', hostPath: undefined, local: { path: '/mnt/b' }, nodeAffinity: affinity('node-2') }));
    t.admin.create(R.persistentvolumeclaims, 'default', pvc('data', '1Gi', { storageClassName: 'local-storage' }));
    t.settle();
    // no consumer yet: a matching volume is not taken
    expect(phase(t.admin.get(R.persistentvolumeclaims, 'default', 'data'))).toBe('Pending');
    expect(phase(t.admin.get(R.persistentvolumes, undefined, 'local-a'))).toBe('Available');
    expect(eventMessages(t.events(), 'data')).toContain('WaitForFirstConsumer: waiting for first consumer to be created before binding');
    // the scheduler's VolumeBinding plugin picks local-b for the pod's node by setting its claimRef
    const claim = t.admin.get(R.persistentvolumeclaims, 'default', 'data');
    t.admin.patch(R.persistentvolumes, undefined, 'local-b', 'merge', { metadata: { annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' } }, spec: { claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: 'default', name: 'data', uid: claim.metadata.uid } } });
    t.settle();
    const bound = t.admin.get(R.persistentvolumeclaims, 'default', 'data');
    expect(phase(bound)).toBe('Bound');
    expect((bound.spec as { volumeName: string }).volumeName).toBe('local-b');
    expect(phase(t.admin.get(R.persistentvolumes, undefined, 'local-b'))).toBe('Bound');
    expect(phase(t.admin.get(R.persistentvolumes, undefined, 'local-a'))).toBe('Available');
  });

  it('marks a released Delete volume Failed when no deleter can remove it, and deletes a hostPath one under /tmp', () => {
    const t = controllerTestCluster();
    t.start({ controllers: ['persistentvolume-binder-controller'] });
    t.admin.create(R.persistentvolumes, undefined, pv('kept', '1Gi', { persistentVolumeReclaimPolicy: 'Delete', hostPath: { path: '/pv/log' }, storageClassName: 'a' }));
    t.admin.create(R.persistentvolumes, undefined, pv('shared', '1Gi', { persistentVolumeReclaimPolicy: 'Delete', hostPath: undefined, nfs: { server: 'nfs', path: '/x' }, storageClassName: 'b' }));
    t.admin.create(R.persistentvolumes, undefined, pv('scratch', '1Gi', { persistentVolumeReclaimPolicy: 'Delete', hostPath: { path: '/tmp/scratch' }, storageClassName: 'c' }));
    for (const c of ['a', 'b', 'c']) t.admin.create(R.persistentvolumeclaims, 'default', pvc(`claim-${c}`, '1Gi', { storageClassName: c }));
    t.settle();
    for (const c of ['a', 'b', 'c']) t.admin.delete(R.persistentvolumeclaims, 'default', `claim-${c}`);
    t.settle();
    const kept = t.admin.get(R.persistentvolumes, undefined, 'kept');
    expect(kept.status).toMatchObject({ phase: 'Failed', message: 'host_path deleter only supports /tmp/.+ but received provided /pv/log' });
    expect(eventMessages(t.events(), 'kept')).toContain('VolumeFailedDelete: host_path deleter only supports /tmp/.+ but received provided /pv/log');
    expect(t.admin.get(R.persistentvolumes, undefined, 'shared').status).toMatchObject({ phase: 'Failed', message: 'error getting deleter volume plugin for volume "shared": no deletable volume plugin matched' });
    expect(() => t.admin.get(R.persistentvolumes, undefined, 'scratch')).toThrow();
  });
});
