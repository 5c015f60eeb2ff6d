import type { KObject, OwnerReference } from '../../api/types.ts';

/** controllerRefOf is metav1.GetControllerOf: the owner reference with controller=true. */
export function controllerRefOf(o: KObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

/** newControllerRef is metav1.NewControllerRef: controller and blockOwnerDeletion set. */
export function newControllerRef(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** isControlledBy reports whether o's controller reference points at owner. */
export function isControlledBy(o: KObject, owner: KObject): boolean {
  return controllerRefOf(o)?.uid === owner.metadata.uid;
}

/** CONTROLLER_UID_INDEX names the informer index of objects by their controller's uid (controller.PodControllerUIDIndex). */
export const CONTROLLER_UID_INDEX = 'controllerUID';

/** orphanIndexKey is where objects without a controller are filed, per namespace (controller.OrphanPodIndexKeyForNamespace). */
export function orphanIndexKey(namespace: string | undefined): string {
  return `_ORPHAN_POD/${namespace ?? ''}`;
}

/** controllerUidIndex files an object under its controller's uid, or as an orphan of its namespace. */
export function controllerUidIndex(o: KObject): string[] {
  const ref = controllerRefOf(o);
  return [ref ? ref.uid : orphanIndexKey(o.metadata.namespace)];
}
