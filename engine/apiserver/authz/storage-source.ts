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
    version: () => ['clusterrolebindings', 'rolebindings', 'clusterroles', 'roles'].reduce((sum, p) => sum * 31 + (store(p)?.revision ?? 0), 7),
  };
}

/** storageNodeGraph reads pods and claims for the Node authorizer from the watch cache. */
export function storageNodeGraph(storage: Storage): NodeGraphSource {
  return {
    *podsOnNode(node) {
      yield* storage.storeFor('', 'pods')?.withField(undefined, 'spec.nodeName', node) ?? [];
    },
    pvc: (ns, name) => storage.storeFor('', 'persistentvolumeclaims')?.get(ns, name),
  };
}
