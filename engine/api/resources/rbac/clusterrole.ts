import { pathSegmentName } from '../../validation/names.ts';
import { isSet } from '../../validation/util.ts';
import { defineResource } from '../common.ts';
import { validateRules } from './rules.ts';

/** ClusterRole: cluster-wide permissions; an aggregationRule lets the controller fill rules in. */
export const clusterRoleDef = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  namespaced: false,
  meta: { nameFn: pathSegmentName },
  validateSpec: (obj) => (isSet(obj.aggregationRule) ? [] : validateRules(obj.rules, false)),
});
