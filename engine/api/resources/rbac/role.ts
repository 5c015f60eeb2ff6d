import { pathSegmentName } from '../../validation/names.ts';
import { defineResource } from '../common.ts';
import { validateRules } from './rules.ts';

/** Role: namespaced permissions; no printer upstream (NAME, CREATED AT). */
export const roleDef = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'Role',
  plural: 'roles',
  namespaced: true,
  meta: { nameFn: pathSegmentName },
  validateSpec: (obj) => validateRules(obj.rules, true),
});
