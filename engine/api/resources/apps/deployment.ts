import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { isSet, num, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { setPodTemplateDefaults } from '../core/pod-defaults.ts';
import { specStatusStrategy } from '../strategy.ts';
import { replicasAndHistory, selectorCell, selectorImmutable, templateCells, validateRollingUpdate, validateTemplateForReplicas } from './common.ts';

/** Deployment: READY 2/3, UP-TO-DATE, AVAILABLE; RollingUpdate 25%/25% by default. */

const STRATEGIES = ['Recreate', 'RollingUpdate'];

function validateDeployment(obj: KObject, old: KObject | undefined): FieldError[] {
  const spec = rec(obj.spec);
  const errs = replicasAndHistory(obj);
  errs.push(...validateTemplateForReplicas(obj, 'empty selector is invalid for deployment', 'ReplicaSet'));
  const strategy = rec(spec.strategy);
  const type = str(strategy.type);
  if (!STRATEGIES.includes(type)) errs.push(fieldErr.notSupported('spec.strategy.type', type, STRATEGIES));
  if (type === 'Recreate' && isSet(strategy.rollingUpdate)) {
    errs.push(fieldErr.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  }
  if (type === 'RollingUpdate' && isSet(strategy.rollingUpdate)) errs.push(...validateRollingUpdate(strategy.rollingUpdate, 'spec.strategy.rollingUpdate'));
  if (isSet(spec.progressDeadlineSeconds)) {
    const pds = num(spec.progressDeadlineSeconds);
    if (pds < 0) errs.push(fieldErr.invalid('spec.progressDeadlineSeconds', pds, 'must be greater than or equal to 0'));
    else if (pds <= num(spec.minReadySeconds)) errs.push(fieldErr.invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  errs.push(...selectorImmutable(obj, old));
  return errs;
}

export const deploymentDef = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  shortNames: ['deploy'],
  namespaced: true,
  categories: ['all'],
  subresources: ['scale', 'status'],
  scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'string', 'DeploymentStatus.updatedReplicas'),
    col('Available', 'string', 'DeploymentStatus.availableReplicas'),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
    col('Selector', 'string', 'DeploymentSpec.selector', 1),
  ],
  row(obj, ctx) {
    const status = rec(obj.status);
    const [names, images] = templateCells(obj);
    return [
      obj.metadata.name ?? '',
      `${num(status.readyReplicas)}/${num(rec(obj.spec).replicas)}`,
      num(status.updatedReplicas),
      num(status.availableReplicas),
      age(obj, ctx),
      names,
      images,
      selectorCell(obj),
    ];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.replicas ??= 1;
    const strategy = (spec.strategy ??= {}) as Record<string, unknown>;
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const ru = (strategy.rollingUpdate ??= {}) as Record<string, unknown>;
      ru.maxUnavailable ??= '25%';
      ru.maxSurge ??= '25%';
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    setPodTemplateDefaults(spec.template, obj);
  },
  validateSpec: validateDeployment,
  ...specStatusStrategy(() => ({}), { annotations: true }),
});
