import { pathSegmentName } from '../../validation/names.ts';
import { rec, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { defaultSubjects, subjectsCells, validateBinding } from './rules.ts';

/** bindingColumns builds the ROLE/USERS/GROUPS/SERVICEACCOUNTS table for either binding kind. */
export function bindingColumns(kind: string) {
  return [
    NAME_COLUMN,
    col('Role', 'string', `${kind}.roleRef`),
    AGE_COLUMN,
    col('Users', 'string', `Users in the ${kind.charAt(0).toLowerCase()}${kind.slice(1)}`, 1),
    col('Groups', 'string', `Groups in the ${kind.charAt(0).toLowerCase()}${kind.slice(1)}`, 1),
    col('ServiceAccounts', 'string', `ServiceAccounts in the ${kind.charAt(0).toLowerCase()}${kind.slice(1)}`, 1),
  ];
}

/** RoleBinding: grants a Role or ClusterRole inside one namespace. */
export const roleBindingDef = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  namespaced: true,
  meta: { nameFn: pathSegmentName },
  columns: bindingColumns('RoleBinding'),
  row(obj, ctx) {
    const ref = rec(obj.roleRef);
    return [obj.metadata.name ?? '', `${str(ref.kind)}/${str(ref.name)}`, age(obj, ctx), ...subjectsCells(obj.subjects)];
  },
  defaults: (obj) => defaultSubjects(obj.subjects),
  validateSpec: (obj, old) => validateBinding(obj, old, true),
});
