import type { KObject } from '../../api/types.ts';
import { fromLabelSelector, matches } from '../../base/labels.ts';
import { quantityOf } from '../../base/quantity.ts';

interface PvSpec {
  capacity?: { storage?: string };
  accessModes?: string[];
  storageClassName?: string;
  volumeMode?: string;
  claimRef?: { namespace?: string; name?: string; uid?: string };
}
interface PvcSpec {
  accessModes?: string[];
  resources?: { requests?: { storage?: string } };
  storageClassName?: string | null;
  selector?: unknown;
  volumeMode?: string;
  volumeName?: string;
}

export const pvSpec = (pv: KObject) => (pv.spec ?? {}) as PvSpec;
export const pvcSpec = (pvc: KObject) => (pvc.spec ?? {}) as PvcSpec;

/** claimClass is GetPersistentVolumeClaimClass: spec.storageClassName, or the beta annotation, or "". */
export function claimClass(pvc: KObject): string {
  return pvcSpec(pvc).storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

/**
 * findBestMatch is the binder's FindMatchingVolume: a volume pre-bound to the
 * claim wins; otherwise the smallest available volume with the claim's class,
 * volume mode, every requested access mode, enough capacity and matching labels.
 * With delayBinding (a WaitForFirstConsumer claim with no node chosen yet) only
 * a volume pre-bound to the claim counts: the scheduler's VolumeBinding plugin
 * picks unbound volumes, on the node it chooses.
 */
export function findBestMatch(pvc: KObject, pvs: KObject[], delayBinding = false): KObject | undefined {
  const s = pvcSpec(pvc);
  const want = quantityOf(s.resources?.requests?.storage ?? '0');
  const cls = claimClass(pvc);
  const sel = s.selector ? fromLabelSelector(s.selector as never) : undefined;
  let best: KObject | undefined;
  for (const pv of pvs) {
    const v = pvSpec(pv);
    if (pv.metadata.deletionTimestamp) continue;
    const ref = v.claimRef;
    const preBound = ref && ref.name === pvc.metadata.name && ref.namespace === pvc.metadata.namespace && (!ref.uid || ref.uid === pvc.metadata.uid);
    if (ref && !preBound) continue;
    if ((v.storageClassName ?? '') !== cls) continue;
    if ((v.volumeMode ?? 'Filesystem') !== (s.volumeMode ?? 'Filesystem')) continue;
    if (!(s.accessModes ?? []).every((m) => (v.accessModes ?? []).includes(m))) continue;
    const cap = quantityOf(v.capacity?.storage ?? '0');
    if (cap.cmp(want) < 0) continue;
    if (sel && !matches(sel, pv.metadata.labels)) continue;
    if (preBound) return pv;
    if (delayBinding) continue;
    if ((pv.status as { phase?: string } | undefined)?.phase && (pv.status as { phase?: string }).phase !== 'Available' && (pv.status as { phase?: string }).phase !== 'Pending') continue;
    if (!best || cap.cmp(quantityOf(pvSpec(best).capacity?.storage ?? '0')) < 0) best = pv;
  }
  return best;
}
