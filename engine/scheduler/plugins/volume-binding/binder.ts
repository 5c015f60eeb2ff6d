import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { fromLabelSelector, matches } from '../../../base/labels.ts';
import { amount } from '../../framework/resources.ts';
import type { Listers } from '../../framework/interfaces.ts';
import { nodeSelectorMatches } from '../../framework/node-selector.ts';

/**
 * The volume binder's read side (pkg/scheduler/framework/plugins/volumebinding/binder.go):
 * which of a pod's claims are bound, which wait for the first consumer, and
 * which PersistentVolumes could serve them on a node.
 */

/** ANN_BIND_COMPLETED marks a claim the PV controller finished binding. */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** ANN_SELECTED_NODE is the node a WaitForFirstConsumer claim is to be provisioned on. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const ANN_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** claimClass is GetPersistentVolumeClaimClass. */
export function claimClass(c: PersistentVolumeClaim): string {
  return c.metadata?.annotations?.[ANN_STORAGE_CLASS] ?? c.spec?.storageClassName ?? '';
}

/** volumeClass is GetPersistentVolumeClass. */
export function volumeClass(pv: PersistentVolume): string {
  return pv.metadata?.annotations?.[ANN_STORAGE_CLASS] ?? pv.spec?.storageClassName ?? '';
}

/** isFullyBound: the claim names its volume and the binding is complete. */
export function isFullyBound(c: PersistentVolumeClaim): boolean {
  return !!c.spec?.volumeName && (c.metadata?.annotations?.[ANN_BIND_COMPLETED] !== undefined || c.status?.phase === 'Bound');
}

/** PodVolumeClaims is the pod's claims sorted by how they are to be bound. */
export interface PodVolumeClaims {
  bound: PersistentVolumeClaim[];
  delayBinding: PersistentVolumeClaim[];
  immediate: PersistentVolumeClaim[];
}

/** claimNamesOf lists the claim names of the pod's PVC and ephemeral volumes. */
export function claimNamesOf(pod: Pod): { name: string; ephemeral: boolean }[] {
  const out: { name: string; ephemeral: boolean }[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push({ name: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ name: `${pod.metadata?.name ?? ''}-${v.name}`, ephemeral: true });
  }
  return out;
}

function isDelayBinding(c: PersistentVolumeClaim, l: Listers): boolean {
  const cls = claimClass(c);
  if (!cls) return false;
  const sc = l.storageClasses.get(undefined, cls) as unknown as StorageClass | undefined;
  return sc?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** podVolumeClaims is GetPodVolumeClaims. */
export function podVolumeClaims(pod: Pod, l: Listers): PodVolumeClaims {
  const out: PodVolumeClaims = { bound: [], delayBinding: [], immediate: [] };
  const ns = pod.metadata?.namespace ?? '';
  for (const { name } of claimNamesOf(pod)) {
    const c = l.persistentVolumeClaims.get(ns, name) as unknown as PersistentVolumeClaim | undefined;
    if (!c) continue;
    if (isFullyBound(c)) out.bound.push(c);
    else if (isDelayBinding(c, l) && !c.spec?.volumeName) out.delayBinding.push(c);
    else out.immediate.push(c);
  }
  return out;
}

/** pvNodeAffinityMatches is CheckNodeAffinity: a PV without node affinity fits any node. */
export function pvNodeAffinityMatches(pv: PersistentVolume, node: Node): boolean {
  const req = pv.spec?.nodeAffinity?.required;
  return !req || nodeSelectorMatches(req, node);
}

function boundToClaim(pv: PersistentVolume, c: PersistentVolumeClaim): boolean {
  const r = pv.spec?.claimRef;
  return !!r && r.name === c.metadata?.name && r.namespace === c.metadata?.namespace && (!r.uid || r.uid === c.metadata?.uid);
}

/**
 * findMatchingVolume is volume.FindMatchingVolume on the scheduler path:
 * a volume pre-bound to the claim, else the smallest Available volume of
 * the claim's class, size, access modes, selector and node affinity.
 */
export function findMatchingVolume(c: PersistentVolumeClaim, volumes: readonly PersistentVolume[], node: Node, excluded: ReadonlySet<string>, assumedFor: (pv: string) => string | undefined): PersistentVolume | undefined {
  const want = amount('storage', c.spec?.resources?.requests?.storage ?? '0');
  const cls = claimClass(c);
  const selector = c.spec?.selector ? fromLabelSelector(c.spec.selector) : undefined;
  const claimKey = `${c.metadata?.namespace}/${c.metadata?.name}`;
  let best: PersistentVolume | undefined;
  let bestQty = 0;
  for (const pv of volumes) {
    const name = pv.metadata?.name ?? '';
    if (excluded.has(name)) continue;
    const assumed = assumedFor(name);
    if (assumed && assumed !== claimKey) continue;
    if (pv.spec?.claimRef && !boundToClaim(pv, c)) continue;
    const qty = amount('storage', pv.spec?.capacity?.storage ?? '0');
    if (qty < want) continue;
    if ((c.spec?.volumeMode ?? 'Filesystem') !== (pv.spec?.volumeMode ?? 'Filesystem')) continue;
    if (pv.metadata?.deletionTimestamp) continue;
    const affinityOk = pvNodeAffinityMatches(pv, node);
    if (boundToClaim(pv, c) || assumed === claimKey) return affinityOk ? pv : undefined;
    if (pv.status?.phase !== 'Available') continue;
    if (selector && !matches(selector, pv.metadata?.labels)) continue;
    if (volumeClass(pv) !== cls || !affinityOk) continue;
    const modes = pv.spec?.accessModes ?? [];
    if (!(c.spec?.accessModes ?? []).every((m) => modes.includes(m))) continue;
    if (!best || bestQty > qty) {
      best = pv;
      bestQty = qty;
    }
  }
  return best;
}
