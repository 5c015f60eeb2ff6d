import { fieldErr } from '../../../base/errors.ts';
import { fromLabelSelector, selectorString, type LabelSelector } from '../../../base/labels.ts';
import { isSet, rec, str, strs } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { generationStrategy } from '../strategy.ts';

const ACTIONS = ['Audit', 'Deny', 'Warn'];

/** ValidatingAdmissionPolicyBinding: POLICYNAME and PARAMREF columns. */
export const validatingAdmissionPolicyBindingDef = defineResource({
  group: 'admissionregistration.k8s.io',
  version: 'v1',
  kind: 'ValidatingAdmissionPolicyBinding',
  plural: 'validatingadmissionpolicybindings',
  namespaced: false,
  categories: ['api-extensions'],
  columns: [
    NAME_COLUMN,
    col('PolicyName', 'string', 'PolicyName indicates the policy definition which the policy binding binded to'),
    col('ParamRef', 'string', 'ParamRef indicates the param resource which sets the configration param'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    let param = '<unset>';
    if (isSet(spec.paramRef)) {
      const pr = rec(spec.paramRef);
      if (str(pr.name)) param = str(pr.namespace) ? `${str(pr.namespace)}/${str(pr.name)}` : `*/${str(pr.name)}`;
      else if (isSet(pr.selector)) param = selectorString(fromLabelSelector(rec(pr.selector) as LabelSelector));
    }
    return [obj.metadata.name ?? '', str(spec.policyName), param, age(obj, ctx)];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    if (isSet(spec.matchResources)) {
      const mr = rec(spec.matchResources);
      mr.matchPolicy ??= 'Equivalent';
      mr.namespaceSelector ??= {};
      mr.objectSelector ??= {};
    }
  },
  validateSpec(obj) {
    const spec = rec(obj.spec);
    const errs = [];
    if (!str(spec.policyName)) errs.push(fieldErr.required('spec.policyName', ''));
    const actions = strs(spec.validationActions);
    if (actions.length === 0) errs.push(fieldErr.required('spec.validationActions', 'at least one validation action is required'));
    for (const a of actions) if (!ACTIONS.includes(a)) errs.push(fieldErr.notSupported('spec.validationActions', a, ACTIONS));
    return errs;
  },
  ...generationStrategy(),
});
