import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { num, rec, str } from '../../validation/util.ts';
import { formatLabels } from '../cells.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { setPodTemplateDefaults } from '../core/pod-defaults.ts';
import { specStatusStrategy } from '../strategy.ts';
import { replicasAndHistory, selectorCell, selectorImmutable, templateCells, validateRollingUpdate, validateTemplateForReplicas } from './common.ts';

/** DaemonSet: one pod per node; NODE SELECTOR column; RollingUpdate maxUnavailable 1 by default. */

const UPDATE_TYPES = ['OnDelete', 'RollingUpdate'];

function validateDs(obj: KObject, old: KObject | undefined): FieldError[] {
  const spec = rec(obj.spec);
  const errs = replicasAndHistory(obj);
  errs.push(...validateTemplateForReplicas(obj, 'empty selector is not valid for daemonset.', 'DaemonSet'));
  const us = rec(spec.updateStrategy);
  const t = str(us.type);
  if (!UPDATE_TYPES.includes(t)) errs.push(fieldErr.notSupported('spec.updateStrategy.type', t, UPDATE_TYPES));
  if (t === 'RollingUpdate') errs.push(...validateRollingUpdate(us.rollingUpdate, 'spec.updateStrategy.rollingUpdate'));
  errs.push(...selectorImmutable(obj, old));
  return errs;
}

export const daemonSetDef = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  shortNames: ['ds'],
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', 'DaemonSetStatus.desiredNumberScheduled'),
    col('Current', 'integer', 'DaemonSetStatus.currentNumberScheduled'),
    col('Ready', 'integer', 'DaemonSetStatus.numberReady'),
    col('Up-to-date', 'integer', 'DaemonSetStatus.updatedNumberScheduled'),
    col('Available', 'integer', 'DaemonSetStatus.numberAvailable'),
    col('Node Selector', 'string', 'PodSpec.nodeSelector'),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
    col('Selector', 'string', 'DaemonSetSpec.selector', 1),
  ],
  row(obj, ctx) {
    const s = rec(obj.status);
    const [names, images] = templateCells(obj);
    return [
      obj.metadata.name ?? '',
      num(s.desiredNumberScheduled),
      num(s.currentNumberScheduled),
      num(s.numberReady),
      num(s.updatedNumberScheduled),
      num(s.numberAvailable),
      formatLabels(rec(rec(rec(obj.spec).template).spec).nodeSelector),
      age(obj, ctx),
      names,
      images,
      selectorCell(obj),
    ];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    const us = (spec.updateStrategy ??= {}) as Record<string, unknown>;
    us.type ??= 'RollingUpdate';
    if (us.type === 'RollingUpdate') {
      const ru = (us.rollingUpdate ??= {}) as Record<string, unknown>;
      ru.maxUnavailable ??= 1;
      ru.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    setPodTemplateDefaults(spec.template, obj);
  },
  validateSpec: validateDs,
  ...specStatusStrategy(() => ({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 })),
});
