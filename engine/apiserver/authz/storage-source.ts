import type { Storage } from '../storage/storage.ts';
import type { NodeGraphSource } from './node-graph.ts';
import type { RbacSource } from './rbac.ts';

/** storageRbacSource reads RBAC objects from the apiserver's watch cache. */
export function storageRbacSource(storage: Storage): RbacSource {
  const store = (plural: string) => storage.storeFor('rbac.authorization.k8s.io', plural);
  return {
    clusterRoleBindings: () => store('clusterrolebindings')?.list() ?? [],
    roleBindings: (ns) => store('rolebindings')?.list(ns) ?? [],
    clusterRole: (name) => store('clusterroles')?.get(undefined, name),
    role: (ns, name) => store('roles')?.get(ns, name),
  };
}

/** storageNodeGraph reads pods and claims for the Node authorizer from the watch cache. */
export function storageNodeGraph(storage: Storage): NodeGraphSource {
  return {
    *podsOnNode(node) {
      for (const p of storage.storeFor('', 'pods')?.list() ?? []) if ((p.spec as { nodeName?: string } | undefined)?.nodeName === node) yield p;
    },
    pvc: (ns, name) => storage.storeFor('', 'persistentvolumeclaims')?.get(ns, name),
  };
}
