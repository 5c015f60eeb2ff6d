import type { KObject } from '../../types.ts';
import { num, rec } from '../../validation/util.ts';
import { age, col, defineResource, metaFields, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { setPodTemplateDefaults } from '../core/pod-defaults.ts';
import { specStatusStrategy } from '../strategy.ts';
import { replicasAndHistory, selectorCell, selectorImmutable, templateCells, validateTemplateForReplicas } from './common.ts';

/** ReplicaSet: DESIRED/CURRENT/READY as integers. */
export const replicaSetDef = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  shortNames: ['rs'],
  namespaced: true,
  categories: ['all'],
  subresources: ['scale', 'status'],
  scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', 'ReplicaSetSpec.replicas'),
    col('Current', 'integer', 'ReplicaSetStatus.replicas'),
    col('Ready', 'integer', 'ReplicaSetStatus.readyReplicas'),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
    col('Selector', 'string', 'ReplicaSetSpec.selector', 1),
  ],
  row(obj, ctx) {
    const status = rec(obj.status);
    const [names, images] = templateCells(obj);
    return [obj.metadata.name ?? '', num(rec(obj.spec).replicas), num(status.replicas), num(status.readyReplicas), age(obj, ctx), names, images, selectorCell(obj)];
  },
  fields: (obj) => ({ ...metaFields(obj, true), 'status.replicas': String(num(rec(obj.status).replicas)) }),
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.replicas ??= 1;
    setPodTemplateDefaults(spec.template, obj);
  },
  validateSpec: (obj: KObject, old) => [
    ...replicasAndHistory(obj),
    ...validateTemplateForReplicas(obj, 'empty selector is invalid for deployment', 'ReplicaSet'),
    ...selectorImmutable(obj, old),
  ],
  ...specStatusStrategy(() => ({ replicas: 0 })),
});
