import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { nonNegative } from '../../validation/meta.ts';
import { isValidPercent } from '../../validation/names.ts';
import { validateLabelSelector } from '../../validation/selector.ts';
import { isSet, num, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';

/** PodDisruptionBudget: MIN AVAILABLE, MAX UNAVAILABLE ("N/A" when unset), ALLOWED DISRUPTIONS. */

function intOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') {
    const msgs = isValidPercent(v);
    if (msgs.length) return msgs.map((m) => fieldErr.invalid(path, v, m));
    if (Number(v.slice(0, -1)) > 100) return [fieldErr.invalid(path, v, 'must not be greater than 100%')];
    return [];
  }
  return nonNegative(v, path);
}

function validatePDB(obj: KObject): FieldError[] {
  const spec = rec(obj.spec);
  const errs: FieldError[] = [];
  if (isSet(spec.minAvailable) && isSet(spec.maxUnavailable)) {
    errs.push(fieldErr.invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (isSet(spec.minAvailable)) errs.push(...intOrPercent(spec.minAvailable, 'spec.minAvailable'));
  if (isSet(spec.maxUnavailable)) errs.push(...intOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = str(spec.unhealthyPodEvictionPolicy);
  if (policy && policy !== 'IfHealthyBudget' && policy !== 'AlwaysAllow') {
    errs.push(fieldErr.notSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}

const intOrString = (v: unknown) => (isSet(v) ? String(v) : 'N/A');

export const podDisruptionBudgetDef = defineResource({
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  shortNames: ['pdb'],
  namespaced: true,
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    col('Min Available', 'string', 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    AGE_COLUMN,
  ],
  row: (obj, ctx) => [obj.metadata.name ?? '', intOrString(rec(obj.spec).minAvailable), intOrString(rec(obj.spec).maxUnavailable), num(rec(obj.status).disruptionsAllowed), age(obj, ctx)],
  validateSpec: validatePDB,
  ...specStatusStrategy(() => ({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 })),
});
