import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { validatePV, validatePVC } from './persistentvolume-validation.ts';

const pv = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: '/data', type: '' }, volumeMode: 'Filesystem', ...spec } });
const pvc = (spec: Record<string, unknown>, status: Record<string, unknown> = { phase: 'Pending' }): KObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'c', namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'manual', volumeMode: 'Filesystem', ...spec },
  status,
});
const msgs = (errs: ReturnType<typeof validatePV>) => errs.map(fieldErrorString);
const IMMUTABLE_SPEC = 'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

describe('PersistentVolume validation', () => {
  it('reports a missing capacity as Required and as NotSupported null, as the apiserver does', () => {
    expect(msgs(validatePV(pv({ capacity: undefined }), undefined))).toEqual(['spec.capacity: Required value', 'spec.capacity: Unsupported value: null: supported values: "storage"']);
  });

  it('shows a capacity with other resources as its JSON, and refuses a zero size', () => {
    expect(msgs(validatePV(pv({ capacity: { storage: '1Gi', cpu: '1' } }), undefined))).toEqual(['spec.capacity: Unsupported value: {"cpu":"1","storage":"1Gi"}: supported values: "storage"']);
    expect(msgs(validatePV(pv({ capacity: { storage: '0' } }), undefined))).toEqual(['spec.capacity[storage]: Invalid value: "0": must be greater than zero']);
  });

  it('checks the class name, the volume mode and the hostPath source', () => {
    expect(msgs(validatePV(pv({ storageClassName: 'Fast_SSD', volumeMode: 'Disk', hostPath: { path: '' } }), undefined))).toEqual([
      'spec.hostPath.path: Required value',
      'spec.storageClassName: Invalid value: "Fast_SSD": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
      'spec.volumeMode: Unsupported value: "Disk": supported values: "Block", "Filesystem"',
    ]);
  });

  it('keeps the source and the volume mode immutable, but not capacity or access modes', () => {
    const old = pv({});
    expect(msgs(validatePV(pv({ capacity: { storage: '2Gi' }, accessModes: ['ReadWriteMany'] }), old))).toEqual([]);
    expect(msgs(validatePV(pv({ hostPath: { path: '/other', type: '' }, volumeMode: 'Block' }), old))).toEqual([
      'spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation',
      'volumeMode: Invalid value: "Block": field is immutable',
    ]);
  });
});

describe('PersistentVolumeClaim validation', () => {
  it('names the storage request spec.resources[storage]', () => {
    expect(msgs(validatePVC(pvc({ resources: { requests: { storage: '0' } } }), undefined))).toEqual(['spec.resources[storage]: Invalid value: "0": must be greater than zero']);
    expect(msgs(validatePVC(pvc({ resources: {} }), undefined))).toEqual(['spec.resources[storage]: Required value']);
  });

  it('lets only a bound claim change its storage request', () => {
    const bigger = { resources: { requests: { storage: '2Gi' } } };
    expect(msgs(validatePVC(pvc(bigger), pvc({})))).toEqual([IMMUTABLE_SPEC]);
    const bound = { phase: 'Bound', capacity: { storage: '1Gi' } };
    expect(msgs(validatePVC(pvc({ ...bigger, volumeName: 'v' }, bound), pvc({ volumeName: 'v' }, bound)))).toEqual([]);
    expect(msgs(validatePVC(pvc({ volumeName: 'v', accessModes: ['ReadWriteMany'] }, bound), pvc({ volumeName: 'v' }, bound)))).toEqual([IMMUTABLE_SPEC]);
  });

  it('allows volumeName once and storageClassName from unset', () => {
    expect(msgs(validatePVC(pvc({ volumeName: 'v' }), pvc({})))).toEqual([]);
    expect(msgs(validatePVC(pvc({ volumeName: 'w' }), pvc({ volumeName: 'v' })))).toEqual([IMMUTABLE_SPEC]);
    expect(msgs(validatePVC(pvc({ storageClassName: 'fast' }), pvc({ storageClassName: undefined })))).toEqual([]);
    expect(msgs(validatePVC(pvc({ storageClassName: 'fast' }), pvc({})))).toEqual([IMMUTABLE_SPEC]);
  });

  it('refuses shrinking to status.capacity or below, but allows taking back part of a failed expansion', () => {
    const status = { phase: 'Bound', capacity: { storage: '1Gi' } };
    const old = pvc({ volumeName: 'v', resources: { requests: { storage: '4Gi' } } }, status);
    const to = (size: string) => msgs(validatePVC(pvc({ volumeName: 'v', resources: { requests: { storage: size } } }, status), old));
    expect(to('2Gi')).toEqual([]);
    expect(to('1Gi')).toEqual(['spec.resources.requests.storage: Forbidden: field can not be less than status.capacity']);
  });
});
