import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { immutable } from '../../validation/meta.ts';
import { isDns1123Subdomain } from '../../validation/names.ts';
import { isSet, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** StorageClass: NAME gets " (default)" when annotated as the default class. */

const DEFAULT_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** isDefaultClass is storageutil.IsDefaultAnnotation. */
export function isDefaultClass(obj: KObject): boolean {
  return DEFAULT_ANNOTATIONS.some((a) => obj.metadata.annotations?.[a] === 'true');
}

function validateSC(obj: KObject, old: KObject | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const prov = str(obj.provisioner);
  if (!prov) errs.push(fieldErr.required('provisioner', ''));
  else errs.push(...isDns1123Subdomain(prov.replace(/\//g, '.')).map((m) => fieldErr.invalid('provisioner', prov, m)));
  const rp = str(obj.reclaimPolicy);
  if (rp !== 'Delete' && rp !== 'Retain') errs.push(fieldErr.notSupported('reclaimPolicy', rp, ['Delete', 'Retain']));
  const vbm = str(obj.volumeBindingMode);
  if (vbm !== 'Immediate' && vbm !== 'WaitForFirstConsumer') errs.push(fieldErr.notSupported('volumeBindingMode', vbm, ['Immediate', 'WaitForFirstConsumer']));
  if (old) {
    errs.push(...immutable(obj.parameters ?? null, old.parameters ?? null, 'parameters').map((e) => ({ ...e, type: 'FieldValueForbidden' as const, detail: 'updates to parameters are forbidden.' })));
    errs.push(...immutable(prov, str(old.provisioner), 'provisioner').map((e) => ({ ...e, type: 'FieldValueForbidden' as const, detail: 'updates to provisioner are forbidden.' })));
    errs.push(...immutable(rp, str(old.reclaimPolicy), 'reclaimPolicy').map((e) => ({ ...e, type: 'FieldValueForbidden' as const, detail: 'updates to reclaimPolicy are forbidden.' })));
    errs.push(...immutable(vbm, str(old.volumeBindingMode), 'volumeBindingMode'));
  }
  return errs;
}

export const storageClassDef = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  shortNames: ['sc'],
  namespaced: false,
  columns: [
    NAME_COLUMN,
    col('Provisioner', 'string', 'StorageClass.provisioner'),
    col('ReclaimPolicy', 'string', 'StorageClass.reclaimPolicy'),
    col('VolumeBindingMode', 'string', 'StorageClass.volumeBindingMode'),
    col('AllowVolumeExpansion', 'string', 'StorageClass.allowVolumeExpansion'),
    AGE_COLUMN,
  ],
  row: (obj, ctx) => [
    (obj.metadata.name ?? '') + (isDefaultClass(obj) ? ' (default)' : ''),
    str(obj.provisioner),
    isSet(obj.reclaimPolicy) ? str(obj.reclaimPolicy) : 'Delete',
    isSet(obj.volumeBindingMode) ? str(obj.volumeBindingMode) : 'Immediate',
    obj.allowVolumeExpansion === true,
    age(obj, ctx),
  ],
  defaults(obj) {
    obj.reclaimPolicy ??= 'Delete';
    obj.volumeBindingMode ??= 'Immediate';
  },
  validateSpec: validateSC,
});
