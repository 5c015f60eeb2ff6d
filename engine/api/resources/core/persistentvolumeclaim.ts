import { isSet, rec, str } from '../../validation/util.ts';
import { accessModes } from '../cells.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { canonicalQuantities } from '../decode.ts';
import { validatePVC } from './persistentvolume-validation.ts';

/** PersistentVolumeClaim: STATUS/VOLUME/CAPACITY as printPersistentVolumeClaim shows them. */

export const persistentVolumeClaimDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  shortNames: ['pvc'],
  namespaced: true,
  subresources: ['status'],
  hasStatus: true,
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'PersistentVolumeClaimStatus.phase'),
    col('Volume', 'string', 'PersistentVolumeClaimSpec.volumeName'),
    col('Capacity', 'string', 'PersistentVolumeClaimStatus.capacity'),
    col('Access Modes', 'string', 'PersistentVolumeClaimStatus.accessModes'),
    col('StorageClass', 'string', 'StorageClass of the pvc'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    AGE_COLUMN,
    col('VolumeMode', 'string', 'PersistentVolumeClaimSpec.volumeMode', 1),
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const bound = !!str(spec.volumeName);
    return [
      obj.metadata.name ?? '',
      obj.metadata.deletionTimestamp ? 'Terminating' : str(status.phase),
      str(spec.volumeName),
      bound ? str(rec(status.capacity).storage) || '0' : '',
      bound ? accessModes(status.accessModes) : '',
      str(spec.storageClassName) || str(obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class']),
      isSet(spec.volumeAttributesClassName) ? str(spec.volumeAttributesClassName) : '<unset>',
      age(obj, ctx),
      isSet(spec.volumeMode) ? str(spec.volumeMode) : '<unset>',
    ];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.volumeMode ??= 'Filesystem';
    const r = rec(spec.resources);
    canonicalQuantities(r.requests, obj);
    canonicalQuantities(r.limits, obj);
    const status = (obj.status ??= {}) as Record<string, unknown>;
    status.phase ??= 'Pending';
    canonicalQuantities(status.capacity, obj);
  },
  validateSpec: validatePVC,
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending' };
  },
});
