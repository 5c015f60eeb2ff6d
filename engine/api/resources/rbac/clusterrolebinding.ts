import { pathSegmentName } from '../../validation/names.ts';
import { rec, str } from '../../validation/util.ts';
import { age, defineResource } from '../common.ts';
import { bindingColumns } from './rolebinding.ts';
import { defaultSubjects, subjectsCells, validateBinding } from './rules.ts';

/** ClusterRoleBinding: grants a ClusterRole cluster-wide. */
export const clusterRoleBindingDef = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  namespaced: false,
  meta: { nameFn: pathSegmentName },
  columns: bindingColumns('ClusterRoleBinding'),
  row(obj, ctx) {
    const ref = rec(obj.roleRef);
    return [obj.metadata.name ?? '', `${str(ref.kind)}/${str(ref.name)}`, age(obj, ctx), ...subjectsCells(obj.subjects)];
  },
  defaults: (obj) => defaultSubjects(obj.subjects),
  validateSpec: (obj, old) => validateBinding(obj, old, false),
});
