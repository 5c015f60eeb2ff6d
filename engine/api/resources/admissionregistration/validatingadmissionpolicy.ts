import { fieldErr } from '../../../base/errors.ts';
import { isSet, list, rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';

/** ValidatingAdmissionPolicy: CEL validations; VALIDATIONS and PARAMKIND columns. */
export const validatingAdmissionPolicyDef = defineResource({
  group: 'admissionregistration.k8s.io',
  version: 'v1',
  kind: 'ValidatingAdmissionPolicy',
  plural: 'validatingadmissionpolicies',
  namespaced: false,
  categories: ['api-extensions'],
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    col('Validations', 'integer', 'Validations indicates the number of validation rules defined in this configuration'),
    col('ParamKind', 'string', 'ParamKind specifies the kind of resources used to parameterize this policy'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    const pk = isSet(spec.paramKind) ? `${str(rec(spec.paramKind).apiVersion)}/${str(rec(spec.paramKind).kind)}` : '<unset>';
    return [obj.metadata.name ?? '', list(spec.validations).length, pk, age(obj, ctx)];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.failurePolicy ??= 'Fail';
    const mc = (spec.matchConstraints ??= {}) as Record<string, unknown>;
    mc.matchPolicy ??= 'Equivalent';
    mc.namespaceSelector ??= {};
    mc.objectSelector ??= {};
    for (const r of list(mc.resourceRules)) r.scope ??= '*';
  },
  validateSpec(obj) {
    const spec = rec(obj.spec);
    const errs = [];
    if (list(spec.validations).length === 0 && list(spec.auditAnnotations).length === 0) {
      errs.push(fieldErr.required('spec.validations', 'validations or auditAnnotations must contain at least one item'));
    }
    list(spec.validations).forEach((v, i) => {
      if (!str(v.expression)) errs.push(fieldErr.required(`spec.validations[${i}].expression`, ''));
    });
    if (!isSet(spec.matchConstraints) || list(rec(spec.matchConstraints).resourceRules).length === 0) {
      errs.push(fieldErr.required('spec.matchConstraints.resourceRules', ''));
    }
    return errs;
  },
  ...specStatusStrategy(() => ({})),
});
