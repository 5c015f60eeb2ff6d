import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, request } from '../testing/fake-view.ts';
import { storageObjectInUseProtection } from './storage-object-in-use-protection.ts';

function admit(o: KObject): string[] | undefined {
  const req = request('CREATE', o);
  storageObjectInUseProtection().admit!(req, new FakeView());
  return req.object!.metadata.finalizers;
}

describe('StorageObjectInUseProtection', () => {
  it('adds the pvc-protection and pv-protection finalizers once', () => {
    expect(admit({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'd' }, spec: {} })).toEqual(['kubernetes.io/pvc-protection']);
    expect(admit({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v', finalizers: ['kubernetes.io/pv-protection'] }, spec: {} })).toEqual(['kubernetes.io/pv-protection']);
    expect(admit({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'd' } })).toBeUndefined();
  });
});
