import { fieldErr } from '../../../base/errors.ts';
import { rec, str } from '../../validation/util.ts';
import { CREATE_ONLY, defineResource } from '../common.ts';

/** Binding: create-only; assigns a pod to a node (the scheduler's write, also pods/binding). */
export const bindingDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'Binding',
  plural: 'bindings',
  namespaced: true,
  verbs: CREATE_ONLY,
  storagePrefix: '',
  validateSpec(obj) {
    const t = rec(obj.target);
    if (!str(t.name)) return [fieldErr.required('target.name', '')];
    if (str(t.kind) && str(t.kind) !== 'Node') return [fieldErr.notSupported('target.kind', str(t.kind), ['Node', '<empty>'])];
    return [];
  },
});
