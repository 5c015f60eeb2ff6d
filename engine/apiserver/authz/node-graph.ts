import type { KObject } from '../../api/types.ts';
import { list, rec, str } from '../../api/validation/util.ts';

/** NodeGraphSource gives the Node authorizer the objects its graph is made of. */
export interface NodeGraphSource {
  /** pods bound to a node (spec.nodeName) */
  podsOnNode(node: string): Iterable<KObject>;
  pvc(namespace: string, name: string): KObject | undefined;
}

/** refsOf lists what a pod references: secrets, configmaps, claims and its service account. */
export function refsOf(pod: KObject): { secrets: Set<string>; configMaps: Set<string>; pvcs: Set<string>; serviceAccount: string } {
  const spec = rec(pod.spec);
  const secrets = new Set<string>();
  const configMaps = new Set<string>();
  const pvcs = new Set<string>();
  for (const s of list(spec.imagePullSecrets)) secrets.add(str(s.name));
  const containers = [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)];
  for (const c of containers) {
    for (const e of list(c.env)) {
      const from = rec(e.valueFrom);
      if (from.secretKeyRef) secrets.add(str(rec(from.secretKeyRef).name));
      if (from.configMapKeyRef) configMaps.add(str(rec(from.configMapKeyRef).name));
    }
    for (const e of list(c.envFrom)) {
      if (e.secretRef) secrets.add(str(rec(e.secretRef).name));
      if (e.configMapRef) configMaps.add(str(rec(e.configMapRef).name));
    }
  }
  for (const v of list(spec.volumes)) {
    if (v.secret) secrets.add(str(rec(v.secret).secretName));
    if (v.configMap) configMaps.add(str(rec(v.configMap).name));
    if (v.persistentVolumeClaim) pvcs.add(str(rec(v.persistentVolumeClaim).claimName));
    if (v.ephemeral) pvcs.add(`${pod.metadata.name ?? ''}-${str(v.name)}`);
    for (const s of list(rec(v.projected).sources)) {
      if (s.secret) secrets.add(str(rec(s.secret).name));
      if (s.configMap) configMaps.add(str(rec(s.configMap).name));
    }
    for (const k of ['cephfs', 'cinder', 'flexVolume', 'iscsi', 'rbd', 'scaleIO', 'storageos', 'azureFile', 'csi']) {
      const ref = rec(rec(v[k]).secretRef ?? rec(v[k]).nodePublishSecretRef);
      if (str(ref.name)) secrets.add(str(ref.name));
    }
  }
  return { secrets, configMaps, pvcs, serviceAccount: str(spec.serviceAccountName) || 'default' };
}

export type Vertex = 'secrets' | 'configmaps' | 'persistentvolumeclaims' | 'persistentvolumes' | 'serviceaccounts';

/** hasPathFrom reports whether a pod bound to node references the object (the graph's path node ← pod ← object). */
export function hasPathFrom(src: NodeGraphSource, node: string, type: Vertex, namespace: string, name: string): boolean {
  for (const pod of src.podsOnNode(node)) {
    const ns = pod.metadata.namespace ?? '';
    const refs = refsOf(pod);
    if (type === 'persistentvolumes') {
      for (const c of refs.pvcs) if (str(rec(src.pvc(ns, c)?.spec).volumeName) === name) return true;
      continue;
    }
    if (ns !== namespace) continue;
    if (type === 'secrets' && refs.secrets.has(name)) return true;
    if (type === 'configmaps' && refs.configMaps.has(name)) return true;
    if (type === 'persistentvolumeclaims' && refs.pvcs.has(name)) return true;
    if (type === 'serviceaccounts' && refs.serviceAccount === name) return true;
  }
  return false;
}
