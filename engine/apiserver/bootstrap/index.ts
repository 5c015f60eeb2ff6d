import type { KObject } from '../../api/types.ts';
import { aggregateClusterRole } from '../authz/aggregation.ts';
import { clusterRoleBindings, namespacedRbac } from './bindings.ts';
import { clusterRoles } from './roles-cluster.ts';
import { controllerRoles } from './roles-controllers.ts';

export { kubeadmRbacObjects } from './kubeadm.ts';
export { SYSTEM_NODE_RULES } from './roles-cluster.ts';
export { CONTROLLER_RULES } from './roles-controllers.ts';

/**
 * bootstrapRbacObjects is what the rbac/bootstrap-roles post-start hook
 * creates: the default ClusterRoles (admin, edit and view already carrying
 * their aggregated rules, as the aggregation controller leaves them), the
 * controller roles, the default ClusterRoleBindings, and the Roles and
 * RoleBindings in kube-system and kube-public. Fresh objects on every call.
 */
export function bootstrapRbacObjects(): KObject[] {
  const roles = [...clusterRoles(), ...controllerRoles()];
  // Aggregate view first, then edit (which includes view), then admin (which includes edit).
  for (const name of ['view', 'edit', 'admin']) {
    const role = roles.find((x) => x.metadata.name === name)!;
    role.rules = aggregateClusterRole(role, roles) ?? [];
  }
  return [...roles, ...clusterRoleBindings(), ...namespacedRbac()];
}
