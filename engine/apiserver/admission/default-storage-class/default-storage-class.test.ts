import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, request } from '../testing/fake-view.ts';
import { defaultStorageClass } from './default-storage-class.ts';

const sc = (name: string, isDefault: boolean, created = '2026-01-01T00:00:00Z'): KObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, creationTimestamp: created, ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  provisioner: 'rancher.io/local-path',
});
const pvc = (spec: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'dev' }, spec: { resources: { requests: { storage: '1Gi' } }, ...spec } });

function admit(p: KObject, view: FakeView): unknown {
  const req = request('CREATE', p);
  defaultStorageClass().admit!(req, view);
  return (req.object!.spec as Record<string, unknown>).storageClassName;
}

describe('DefaultStorageClass', () => {
  it('sets the default class on claims that name none', () => {
    const view = new FakeView([sc('slow', false), sc('local-path', true)]);
    expect(admit(pvc(), view)).toBe('local-path');
  });
  it('leaves an explicit class, even the empty one, alone', () => {
    const view = new FakeView([sc('local-path', true)]);
    expect(admit(pvc({ storageClassName: '' }), view)).toBe('');
    expect(admit(pvc({ storageClassName: 'slow' }), view)).toBe('slow');
  });
  it('picks the newest default when several exist, and nothing when none', () => {
    expect(admit(pvc(), new FakeView([sc('old', true, '2025-01-01T00:00:00Z'), sc('new', true, '2026-01-01T00:00:00Z')]))).toBe('new');
    expect(admit(pvc(), new FakeView([sc('slow', false)]))).toBeUndefined();
  });
});
