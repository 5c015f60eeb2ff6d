import { fieldErr } from '../../../base/errors.ts';
import { rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { statusOnlyStrategy } from '../strategy.ts';

/** VolumeAttachment: ATTACHER, PV, NODE, ATTACHED. */
export const volumeAttachmentDef = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'VolumeAttachment',
  plural: 'volumeattachments',
  namespaced: false,
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    { ...col('Attacher', 'string', 'VolumeAttachmentSpec.attacher'), format: 'name' },
    col('PV', 'string', 'VolumeAttachmentSource.persistentVolumeName'),
    col('Node', 'string', 'VolumeAttachmentSpec.nodeName'),
    col('Attached', 'boolean', 'VolumeAttachmentStatus.attached'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    return [obj.metadata.name ?? '', str(spec.attacher), str(rec(spec.source).persistentVolumeName), str(spec.nodeName), rec(obj.status).attached === true, age(obj, ctx)];
  },
  validateSpec(obj) {
    const spec = rec(obj.spec);
    const errs = [];
    if (!str(spec.attacher)) errs.push(fieldErr.required('spec.attacher', ''));
    if (!str(spec.nodeName)) errs.push(fieldErr.required('spec.nodeName', ''));
    return errs;
  },
  ...statusOnlyStrategy(() => ({ attached: false })),
});
