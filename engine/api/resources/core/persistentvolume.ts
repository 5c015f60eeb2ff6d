import { isSet, rec, str } from '../../validation/util.ts';
import { accessModes } from '../cells.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { canonicalQuantities } from '../decode.ts';
import { validatePV } from './persistentvolume-validation.ts';

/** PersistentVolume: cluster-scoped storage; RECLAIM POLICY defaults to Retain. */

export const persistentVolumeDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  shortNames: ['pv'],
  namespaced: false,
  subresources: ['status'],
  hasStatus: true,
  columns: [
    NAME_COLUMN,
    col('Capacity', 'string', 'PersistentVolumeSpec.capacity'),
    col('Access Modes', 'string', 'PersistentVolumeSpec.accessModes'),
    col('Reclaim Policy', 'string', 'PersistentVolumeSpec.persistentVolumeReclaimPolicy'),
    col('Status', 'string', 'PersistentVolumeStatus.phase'),
    col('Claim', 'string', 'PersistentVolumeSpec.claimRef'),
    col('StorageClass', 'string', 'StorageClass of the pv'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    col('Reason', 'string', 'PersistentVolumeStatus.reason'),
    AGE_COLUMN,
    col('VolumeMode', 'string', 'PersistentVolumeSpec.volumeMode', 1),
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const claim = isSet(spec.claimRef) ? `${str(rec(spec.claimRef).namespace)}/${str(rec(spec.claimRef).name)}` : '';
    const storageClass = str(spec.storageClassName) || str(obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class']);
    return [
      obj.metadata.name ?? '',
      str(rec(spec.capacity).storage) || '0',
      accessModes(spec.accessModes),
      str(spec.persistentVolumeReclaimPolicy),
      obj.metadata.deletionTimestamp ? 'Terminating' : str(status.phase),
      claim,
      storageClass,
      isSet(spec.volumeAttributesClassName) ? str(spec.volumeAttributesClassName) : '<unset>',
      str(status.reason),
      age(obj, ctx),
      isSet(spec.volumeMode) ? str(spec.volumeMode) : '<unset>',
    ];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.persistentVolumeReclaimPolicy ??= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    canonicalQuantities(spec.capacity, obj);
    if (isSet(spec.hostPath)) rec(spec.hostPath).type ??= '';
    const status = (obj.status ??= {}) as Record<string, unknown>;
    status.phase ??= 'Pending';
  },
  validateSpec: validatePV,
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending', lastPhaseTransitionTime: obj.metadata.creationTimestamp };
  },
});

