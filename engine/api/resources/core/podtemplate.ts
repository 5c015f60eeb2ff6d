import { validatePodTemplateSpec } from '../../validation/podspec.ts';
import { rec } from '../../validation/util.ts';
import { containerCells, formatLabels } from '../cells.ts';
import { col, defineResource, NAME_COLUMN } from '../common.ts';
import { setPodTemplateDefaults } from './pod-defaults.ts';

/** PodTemplate: a stored pod template; no AGE column upstream. */
export const podTemplateDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'PodTemplate',
  plural: 'podtemplates',
  namespaced: true,
  columns: [
    NAME_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.'),
    col('Images', 'string', 'Images referenced by each container in the template.'),
    col('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  row(obj) {
    const tpl = rec(obj.template);
    const [names, images] = containerCells(rec(tpl.spec).containers);
    return [obj.metadata.name ?? '', names, images, formatLabels(rec(tpl.metadata).labels)];
  },
  defaults: (obj) => setPodTemplateDefaults(obj.template, obj),
  validateSpec: (obj) => validatePodTemplateSpec(obj.template, 'template'),
});
