import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, request, thrownMessage } from '../testing/fake-view.ts';
import { persistentVolumeClaimResize } from './persistent-volume-claim-resize.ts';

const sc = (name: string, allow?: boolean): KObject => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner: 'x', ...(allow === undefined ? {} : { allowVolumeExpansion: allow }) });
const pvc = (size: string, cls: string, phase = 'Bound'): KObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'dev' },
  spec: { storageClassName: cls, resources: { requests: { storage: size } } },
  status: { phase },
});

function resize(from: KObject, to: string, view: FakeView): string {
  const next = structuredClone(from);
  (next.spec as any).resources.requests.storage = to;
  return thrownMessage(() => persistentVolumeClaimResize().validate!(request('UPDATE', next, { old: from }), view));
}

describe('PersistentVolumeClaimResize', () => {
  const view = new FakeView([sc('expandable', true), sc('fixed'), sc('no', false)]);
  it('allows growth when the class allows expansion', () => {
    expect(resize(pvc('1Gi', 'expandable'), '2Gi', view)).toBe('');
  });
  it('refuses growth otherwise, with the real text', () => {
    const msg = 'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';
    expect(resize(pvc('1Gi', 'fixed'), '2Gi', view)).toBe(msg);
    expect(resize(pvc('1Gi', 'no'), '2Gi', view)).toBe(msg);
    expect(resize(pvc('1Gi', 'missing'), '2Gi', view)).toBe(msg);
  });
  it('refuses to expand an unbound claim and ignores shrinking or equal sizes', () => {
    expect(resize(pvc('1Gi', 'expandable', 'Pending'), '2Gi', view)).toBe('persistentvolumeclaims "data" is forbidden: Only bound persistent volume claims can be expanded');
    expect(resize(pvc('2Gi', 'fixed'), '1Gi', view)).toBe('');
  });
});
