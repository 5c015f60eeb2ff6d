import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { isSet, list, rec, str, strs } from '../../validation/util.ts';
import { accessModes } from '../cells.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { canonicalQuantities } from '../decode.ts';

/** PersistentVolume: cluster-scoped storage; RECLAIM POLICY defaults to Retain. */

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM = ['Delete', 'Recycle', 'Retain'];
const SOURCES = ['hostPath', 'nfs', 'local', 'csi', 'iscsi', 'fc', 'rbd', 'cephfs', 'cinder', 'gcePersistentDisk', 'awsElasticBlockStore', 'azureDisk', 'azureFile', 'glusterfs', 'flexVolume', 'vsphereVolume', 'portworxVolume', 'scaleIO', 'storageos', 'quobyte', 'photonPersistentDisk', 'flocker'];

/** validateAccessModes checks a PV/PVC access mode list. */
export function validateAccessModes(modes: unknown, path: string, requiredDetail: string): FieldError[] {
  const m = strs(modes);
  if (m.length === 0) return [fieldErr.required(path, requiredDetail)];
  const errs = m.filter((x) => !ACCESS_MODES.includes(x)).map((x) => fieldErr.notSupported(path, x, ACCESS_MODES));
  if (m.includes('ReadWriteOncePod') && m.length > 1) errs.push(fieldErr.forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

function validatePV(obj: KObject, old: KObject | undefined): FieldError[] {
  const spec = rec(obj.spec);
  const errs = validateAccessModes(spec.accessModes, 'spec.accessModes', '');
  const cap = rec(spec.capacity);
  if (Object.keys(cap).length === 0) errs.push(fieldErr.required('spec.capacity', ''));
  else if (!('storage' in cap) || Object.keys(cap).length > 1) errs.push(fieldErr.notSupported('spec.capacity', Object.keys(cap), ['storage']));
  const rp = str(spec.persistentVolumeReclaimPolicy);
  if (rp && !RECLAIM.includes(rp)) errs.push(fieldErr.notSupported('spec.persistentVolumeReclaimPolicy', rp, RECLAIM));
  const present = SOURCES.filter((s) => isSet(spec[s]));
  if (present.length === 0) errs.push(fieldErr.required('spec', 'must specify a volume type'));
  for (const extra of present.slice(1)) errs.push(fieldErr.forbidden(`spec.${extra}`, 'may not specify more than 1 volume type'));
  if (present[0] === 'hostPath' && !str(rec(spec.hostPath).path)) errs.push(fieldErr.required('spec.hostPath.path', ''));
  if (present[0] === 'local') {
    if (!str(rec(spec.local).path)) errs.push(fieldErr.required('spec.local.path', ''));
    if (!isSet(spec.nodeAffinity)) errs.push(fieldErr.required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (present[0] === 'nfs') {
    if (!str(rec(spec.nfs).server)) errs.push(fieldErr.required('spec.nfs.server', ''));
    if (!str(rec(spec.nfs).path)) errs.push(fieldErr.required('spec.nfs.path', ''));
  }
  if (old) {
    const o = rec(old.spec);
    const changedSource = SOURCES.some((s) => JSON.stringify(spec[s] ?? null) !== JSON.stringify(o[s] ?? null));
    if (changedSource) errs.push(fieldErr.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  }
  return errs;
}

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

