import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { nonNegative } from '../../validation/meta.ts';
import { validatePodTemplateSpec } from '../../validation/podspec.ts';
import { validateLabels } from '../../validation/meta.ts';
import { isSet, num, rec, strMap } from '../../validation/util.ts';
import { matches, fromMap } from '../../../base/labels.ts';
import { containerCells, formatLabels } from '../cells.ts';
import { age, col, defineResource, metaFields, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';
import { setPodTemplateDefaults } from './pod-defaults.ts';

/** ReplicationController: the ancestor of ReplicaSet, with a map selector. */

function validateRC(obj: KObject): FieldError[] {
  const spec = rec(obj.spec);
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  const sel = strMap(spec.selector);
  if (Object.keys(sel).length === 0) errs.push(fieldErr.required('spec.selector', ''));
  else errs.push(...validateLabels(sel, 'spec.selector'));
  if (!isSet(spec.template)) errs.push(fieldErr.required('spec.template', ''));
  else {
    const labels = strMap(rec(rec(spec.template).metadata).labels);
    if (Object.keys(sel).length && !matches(fromMap(sel), labels)) {
      errs.push(fieldErr.invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
    }
    errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
    const rp = rec(rec(spec.template).spec).restartPolicy;
    if (rp !== 'Always') errs.push(fieldErr.notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  }
  return errs;
}

export const replicationControllerDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  plural: 'replicationcontrollers',
  shortNames: ['rc'],
  namespaced: true,
  categories: ['all'],
  storagePrefix: '/registry/controllers',
  subresources: ['scale', 'status'],
  scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', 'ReplicationControllerSpec.replicas'),
    col('Current', 'integer', 'ReplicationControllerStatus.replicas'),
    col('Ready', 'integer', 'ReplicationControllerStatus.readyReplicas'),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
    col('Selector', 'string', 'ReplicationControllerSpec.selector', 1),
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const [names, images] = containerCells(rec(rec(spec.template).spec).containers);
    return [obj.metadata.name ?? '', num(spec.replicas), num(status.replicas), num(status.readyReplicas), age(obj, ctx), names, images, formatLabels(spec.selector)];
  },
  fields: (obj) => ({ ...metaFields(obj, true), 'status.replicas': String(num(rec(obj.status).replicas)) }),
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.replicas ??= 1;
    spec.minReadySeconds ??= 0;
    const labels = rec(rec(spec.template).metadata).labels as Record<string, string> | undefined;
    // SetDefaults_ReplicationController: selector and labels default to the template's labels.
    if (labels && Object.keys(labels).length) {
      if (Object.keys(rec(spec.selector)).length === 0) spec.selector = { ...labels };
      if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
    }
    setPodTemplateDefaults(spec.template, obj);
  },
  validateSpec: validateRC,
  ...specStatusStrategy(() => ({ replicas: 0 })),
});
