import { deepEqual } from '../../../base/deep.ts';
import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { immutable } from '../../validation/meta.ts';
import { each, isDns1123Subdomain } from '../../validation/names.ts';
import { quantity } from '../../validation/resources.ts';
import { isSet, rec, str, strs } from '../../validation/util.ts';
import { validateVolumeSource } from '../../validation/volumes.ts';

/**
 * PersistentVolume and PersistentVolumeClaim validation, in the order and
 * with the texts of pkg/apis/core/validation (ValidatePersistentVolumeSpec,
 * ValidatePersistentVolumeClaimSpec and their Update checks).
 */

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM = ['Delete', 'Recycle', 'Retain'];
const VOLUME_MODES = ['Block', 'Filesystem'];
/** SOURCES are PersistentVolumeSource's members, in the order validation visits them. */
export const PV_SOURCES = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs', 'iscsi', 'cinder', 'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'scaleIO', 'local', 'storageos', 'csi'];
const MUST_BE_POSITIVE = 'must be greater than zero';

function validateAccessModes(modes: unknown, path: string, requiredDetail: string): FieldError[] {
  const m = strs(modes);
  if (m.length === 0) return [fieldErr.required(path, requiredDetail)];
  const errs = m.filter((x) => !ACCESS_MODES.includes(x)).map((x) => fieldErr.notSupported(path, x, ACCESS_MODES));
  if (m.includes('ReadWriteOncePod') && m.some((x) => x !== 'ReadWriteOncePod' && ACCESS_MODES.includes(x))) {
    errs.push(fieldErr.forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  }
  return errs;
}

/** positive is ValidatePositiveQuantityValue for a quantity that parsed (defaulting already refused the others). */
function positive(v: unknown, path: string): FieldError[] {
  const q = quantity(v);
  return q && q.sign() <= 0 ? [fieldErr.invalid(path, q.toString(), MUST_BE_POSITIVE)] : [];
}

/** sortedKeys renders a ResourceList as json.Marshal does: keys in order. */
function sortedKeys(m: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}

function className(v: unknown, path: string): FieldError[] {
  const name = str(v);
  return name ? each(path, name, isDns1123Subdomain(name)) : [];
}

function volumeMode(v: unknown, path: string): FieldError[] {
  return isSet(v) && !VOLUME_MODES.includes(str(v)) ? [fieldErr.notSupported(path, str(v), VOLUME_MODES)] : [];
}

export function validatePV(obj: KObject, old: KObject | undefined): FieldError[] {
  const spec = rec(obj.spec);
  const errs = validateAccessModes(spec.accessModes, 'spec.accessModes', '');
  const capacity = isSet(spec.capacity) ? rec(spec.capacity) : undefined;
  const keys = Object.keys(capacity ?? {});
  if (keys.length === 0) errs.push(fieldErr.required('spec.capacity', ''));
  // A missing capacity is reported twice, as the apiserver does: Required, then NotSupported with the value null.
  if (!keys.includes('storage') || keys.length > 1) errs.push(fieldErr.notSupported('spec.capacity', capacity ? sortedKeys(capacity) : null, ['storage']));
  for (const k of keys) errs.push(...positive(capacity![k], `spec.capacity[${k}]`));
  const rp = str(spec.persistentVolumeReclaimPolicy);
  if (rp && !RECLAIM.includes(rp)) errs.push(fieldErr.notSupported('spec.persistentVolumeReclaimPolicy', rp, RECLAIM));
  const present = PV_SOURCES.filter((s) => isSet(spec[s]));
  if (present.length === 0) errs.push(fieldErr.required('spec', 'must specify a volume type'));
  present.forEach((src, i) => {
    // flexVolume is counted but never refused as a second type (the upstream check omits it).
    if (i > 0 && src !== 'flexVolume') return errs.push(fieldErr.forbidden(`spec.${src}`, 'may not specify more than 1 volume type'));
    errs.push(...validatePvSource(src, rec(spec[src]), isSet(spec.nodeAffinity)));
  });
  const hostPath = str(rec(spec.hostPath).path);
  if (isSet(spec.hostPath) && hostPath.replace(/\/+$/, '') === '' && hostPath.startsWith('/') && rp === 'Recycle') {
    errs.push(fieldErr.forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"));
  }
  errs.push(...className(spec.storageClassName, 'spec.storageClassName'));
  errs.push(...volumeMode(spec.volumeMode, 'spec.volumeMode'));
  if (old) {
    const o = rec(old.spec);
    const changedSource = PV_SOURCES.some((s) => !deepEqual(spec[s] ?? null, o[s] ?? null));
    if (changedSource) errs.push(fieldErr.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
    errs.push(...immutable(spec.volumeMode, o.volumeMode, 'volumeMode'));
    // Node affinity may be set once; after that it may not change.
    if (isSet(o.nodeAffinity)) errs.push(...immutable(spec.nodeAffinity, o.nodeAffinity, 'nodeAffinity'));
  }
  return errs;
}

function validatePvSource(src: string, v: Record<string, unknown>, nodeAffinity: boolean): FieldError[] {
  const p = `spec.${src}`;
  switch (src) {
    case 'hostPath':
    case 'nfs':
      return validateVolumeSource(src, v, 'spec');
    case 'local': {
      const errs = str(v.path) ? [] : [fieldErr.required(`${p}.path`, '')];
      if (!nodeAffinity) errs.push(fieldErr.required('spec.nodeAffinity', 'Local volume requires node affinity'));
      return errs;
    }
    case 'csi': {
      const errs = str(v.driver) ? [] : [fieldErr.required(`${p}.driver`, '')];
      if (!str(v.volumeHandle)) errs.push(fieldErr.required(`${p}.volumeHandle`, ''));
      return errs;
    }
    default:
      return [];
  }
}

/** claimSpecErrors is ValidatePersistentVolumeClaimSpec. */
function claimSpecErrors(spec: Record<string, unknown>): FieldError[] {
  const errs = validateAccessModes(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required');
  const req = rec(rec(spec.resources).requests);
  if (!isSet(req.storage)) errs.push(fieldErr.required('spec.resources[storage]', ''));
  else errs.push(...positive(req.storage, 'spec.resources[storage]'));
  errs.push(...className(spec.storageClassName, 'spec.storageClassName'));
  errs.push(...volumeMode(spec.volumeMode, 'spec.volumeMode'));
  return errs;
}

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

export function validatePVC(obj: KObject, old: KObject | undefined): FieldError[] {
  const spec = rec(obj.spec);
  const errs = claimSpecErrors(spec);
  if (!old) return errs;
  const o = rec(old.spec);
  // What may change: volumeName once, storageClassName from unset, and, on a bound claim, the storage request and volumeAttributesClassName.
  const mine: Record<string, unknown> = { ...spec };
  const theirs: Record<string, unknown> = { ...o };
  if (!str(o.volumeName)) theirs.volumeName = spec.volumeName;
  const oldBeta = old.metadata.annotations?.[BETA_CLASS];
  if (!isSet(o.storageClassName) && isSet(spec.storageClassName) && (oldBeta === undefined || oldBeta === str(spec.storageClassName))) {
    theirs.storageClassName = spec.storageClassName;
  }
  const bound = str(rec(obj.status).phase || rec(old.status).phase) === 'Bound';
  if (bound) {
    const requests = { ...rec(rec(spec.resources).requests), storage: rec(rec(o.resources).requests).storage };
    mine.resources = { ...rec(spec.resources), requests };
    if (isSet(spec.volumeAttributesClassName)) mine.volumeAttributesClassName = o.volumeAttributesClassName;
  }
  if (!deepEqual(mine, theirs)) {
    errs.push(fieldErr.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  // Shrinking is allowed down to (not including) status.capacity, so that a failed expansion can be taken back.
  const oldSize = quantity(rec(rec(o.resources).requests).storage);
  const newSize = quantity(rec(rec(spec.resources).requests).storage);
  const statusSize = quantity(rec(rec(old.status).capacity).storage ?? '0');
  if (oldSize && newSize && statusSize && newSize.cmp(oldSize) < 0 && newSize.cmp(statusSize) <= 0) {
    errs.push(fieldErr.forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  }
  errs.push(...immutable(spec.volumeMode, o.volumeMode, 'volumeMode'));
  return errs;
}
