import { fieldErr } from '../../../base/errors.ts';
import { immutable } from '../../validation/meta.ts';
import { isSet, num, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** PriorityClass: VALUE, GLOBAL-DEFAULT, PREEMPTIONPOLICY (wide). */
export const priorityClassDef = defineResource({
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  plural: 'priorityclasses',
  shortNames: ['pc'],
  namespaced: false,
  columns: [
    NAME_COLUMN,
    col('Value', 'integer', 'PriorityClass.value'),
    col('Global-Default', 'boolean', 'PriorityClass.globalDefault'),
    AGE_COLUMN,
    col('PreemptionPolicy', 'string', 'PriorityClass.preemptionPolicy', 1),
  ],
  row: (obj, ctx) => [obj.metadata.name ?? '', num(obj.value), obj.globalDefault === true, age(obj, ctx), str(obj.preemptionPolicy)],
  defaults(obj) {
    obj.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  validateSpec(obj, old) {
    const errs = [];
    const name = obj.metadata.name ?? '';
    if (name.startsWith('system-') && !old && name !== 'system-node-critical' && name !== 'system-cluster-critical') {
      errs.push(fieldErr.forbidden('metadata.name', "priority class names with 'system-' prefix are reserved for system use only"));
    }
    if (!isSet(obj.value) && !old) errs.push(fieldErr.required('value', ''));
    if (num(obj.value) > 1000000000 && !name.startsWith('system-')) {
      errs.push(fieldErr.forbidden('value', 'maximum allowed value of a user defined priority is 1000000000'));
    }
    const pp = str(obj.preemptionPolicy);
    if (pp !== 'PreemptLowerPriority' && pp !== 'Never') errs.push(fieldErr.notSupported('preemptionPolicy', pp, ['Never', 'PreemptLowerPriority']));
    if (old) {
      errs.push(...immutable(num(obj.value), num(old.value), 'value'));
      errs.push(...immutable(pp, str(old.preemptionPolicy), 'preemptionPolicy'));
    }
    return errs;
  },
});
