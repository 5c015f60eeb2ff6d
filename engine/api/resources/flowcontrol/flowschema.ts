import { fieldErr } from '../../../base/errors.ts';
import { isSet, list, num, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';

/** FlowSchema (API Priority and Fairness). */
export const flowSchemaDef = defineResource({
  group: 'flowcontrol.apiserver.k8s.io',
  version: 'v1',
  kind: 'FlowSchema',
  plural: 'flowschemas',
  namespaced: false,
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    col('PriorityLevel', 'string', 'PriorityLevelConfigurationReference.name'),
    col('MatchingPrecedence', 'string', 'FlowSchemaSpec.matchingPrecedence'),
    col('DistinguisherMethod', 'string', 'FlowSchemaSpec.distinguisherMethod'),
    AGE_COLUMN,
    col('MissingPL', 'string', 'references a broken or non-existent PriorityLevelConfiguration'),
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    const dangling = list(rec(obj.status).conditions).find((c) => str(c.type) === 'Dangling');
    return [
      obj.metadata.name ?? '',
      str(rec(spec.priorityLevelConfiguration).name),
      num(spec.matchingPrecedence),
      isSet(spec.distinguisherMethod) ? str(rec(spec.distinguisherMethod).type) : '<none>',
      age(obj, ctx),
      dangling ? str(dangling.status) : '?',
    ];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.matchingPrecedence ??= 1000;
  },
  validateSpec(obj) {
    const spec = rec(obj.spec);
    const mp = num(spec.matchingPrecedence);
    const errs = [];
    if (mp <= 0 || mp > 10000) errs.push(fieldErr.invalid('spec.matchingPrecedence', mp, 'must be between 1 and 10000, inclusive'));
    if (!str(rec(spec.priorityLevelConfiguration).name)) errs.push(fieldErr.required('spec.priorityLevelConfiguration.name', 'must reference a priority level'));
    return errs;
  },
  ...specStatusStrategy(() => ({})),
});
