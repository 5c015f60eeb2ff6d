import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Listers } from '../../framework/interfaces.ts';
import { amount } from '../../framework/resources.ts';
import { ANN_SELECTED_NODE, claimClass, claimNamesOf, findMatchingVolume, pvNodeAffinityMatches, volumeClass, type PodVolumeClaims } from './binder.ts';

/** ERR_REASON_BIND_CONFLICT and the next three are volumebinding's Filter reasons (ConflictReason); not enough space needs CSIStorageCapacity, which is not modelled. */
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
/** ERR_REASON_NODE_CONFLICT: a bound volume's node affinity excludes the node. */
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
/** ERR_REASON_NOT_ENOUGH_SPACE: provisioning capacity is short (CSIStorageCapacity, not modelled). */
export const ERR_REASON_NOT_ENOUGH_SPACE = 'node(s) did not have enough free storage';
/** ERR_REASON_PV_NOT_EXIST: a claim is bound to a volume that does not exist. */
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
/** PodVolumes is what binding the pod's claims on one node takes. */
export interface PodVolumes {
  staticBindings: { pv: PersistentVolume; pvc: PersistentVolumeClaim }[];
  provisions: PersistentVolumeClaim[];
}

/** claimError is podHasPVCs' error: a missing, lost or deleted claim. */
export function claimError(pod: Pod, l: Listers): string | undefined {
  const ns = pod.metadata?.namespace ?? '';
  for (const { name, ephemeral } of claimNamesOf(pod)) {
    const c = l.persistentVolumeClaims.get(ns, name) as unknown as PersistentVolumeClaim | undefined;
    if (!c) return ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"` : `persistentvolumeclaim "${name}" not found`;
    if (c.status?.phase === 'Lost') return `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${c.spec?.volumeName ?? ''}"`;
    if (c.metadata?.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
  }
  return undefined;
}

function topologyAllows(sc: StorageClass, node: Node): boolean {
  const terms = sc.allowedTopologies ?? [];
  if (terms.length === 0) return true;
  const labels = node.metadata?.labels ?? {};
  return terms.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key] ?? '\u0000')));
}

/**
 * findPodVolumes is FindPodVolumes: for one node, the bound claims' volumes
 * must be reachable, and each WaitForFirstConsumer claim needs a matching
 * Available volume or a class that can provision there.
 */
export function findPodVolumes(l: Listers, assumedPVs: ReadonlyMap<string, string>, assumedProvisions: ReadonlyMap<string, string>, claims: PodVolumeClaims, node: Node): { reasons: string[]; volumes: PodVolumes } {
  const reasons: string[] = [];
  const volumes: PodVolumes = { staticBindings: [], provisions: [] };
  for (const c of claims.bound) {
    const pv = l.persistentVolumes.get(undefined, c.spec?.volumeName ?? '') as unknown as PersistentVolume | undefined;
    if (!pv) {
      reasons.push(ERR_REASON_PV_NOT_EXIST);
      break;
    }
    if (!pvNodeAffinityMatches(pv, node)) {
      reasons.push(ERR_REASON_NODE_CONFLICT);
      break;
    }
  }
  let satisfied = true;
  const toFind: PersistentVolumeClaim[] = [];
  for (const c of claims.delayBinding) {
    const selected = c.metadata?.annotations?.[ANN_SELECTED_NODE] ?? assumedProvisions.get(`${c.metadata?.namespace}/${c.metadata?.name}`);
    if (selected !== undefined && selected !== node.metadata?.name) satisfied = false;
    else if (selected !== undefined) volumes.provisions.push(c);
    else toFind.push(c);
  }
  if (satisfied) {
    toFind.sort((a, b) => amount('storage', a.spec?.resources?.requests?.storage ?? '0') - amount('storage', b.spec?.resources?.requests?.storage ?? '0'));
    const chosen = new Set<string>();
    const allPVs = l.persistentVolumes.list() as unknown as PersistentVolume[];
    for (const c of toFind) {
      const pv = findMatchingVolume(c, allPVs.filter((v) => volumeClass(v) === claimClass(c)), node, chosen, (n) => assumedPVs.get(n));
      if (pv) {
        chosen.add(pv.metadata?.name ?? '');
        volumes.staticBindings.push({ pv, pvc: c });
      } else volumes.provisions.push(c);
    }
    for (const c of volumes.provisions) {
      const sc = l.storageClasses.get(undefined, claimClass(c)) as unknown as StorageClass | undefined;
      if (!sc || !sc.provisioner || sc.provisioner === 'kubernetes.io/no-provisioner' || !topologyAllows(sc, node)) {
        satisfied = false;
        break;
      }
    }
  }
  if (!satisfied) reasons.push(ERR_REASON_BIND_CONFLICT);
  return { reasons, volumes };
}
