import type { KObject } from '../../api/types.ts';
import type { NodeGraphSource } from './node-graph.ts';
import type { RbacSource } from './rbac.ts';

/** memorySources serves RBAC objects, pods and claims from a list, for authorizer tests. */
export function memorySources(objs: KObject[]): { rbac: RbacSource; nodeGraph: NodeGraphSource } {
  const of = (kind: string) => objs.filter((o) => o.kind === kind);
  return {
    rbac: {
      clusterRoleBindings: () => of('ClusterRoleBinding'),
      roleBindings: (ns) => of('RoleBinding').filter((o) => o.metadata.namespace === ns),
      clusterRole: (name) => of('ClusterRole').find((o) => o.metadata.name === name),
      role: (ns, name) => of('Role').find((o) => o.metadata.namespace === ns && o.metadata.name === name),
    },
    nodeGraph: {
      podsOnNode: (node) => of('Pod').filter((p) => (p.spec as { nodeName?: string }).nodeName === node),
      pvc: (ns, name) => of('PersistentVolumeClaim').find((o) => o.metadata.namespace === ns && o.metadata.name === name),
    },
  };
}
