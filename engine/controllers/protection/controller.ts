import type { KObject } from '../../api/types.ts';
import type { ResourceRef } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';

function dropFinalizer(ctx: ControllerContext, ref: ResourceRef, o: KObject, fin: string): void {
  const rest = (o.metadata.finalizers ?? []).filter((f) => f !== fin);
  try {
    ctx.client.update(ref, { ...o, metadata: { ...o.metadata, finalizers: rest.length ? rest : undefined } });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** claimsInUse lists the claims non-terminal pods of a namespace mount. */
function claimsInUse(pods: KObject[]): Set<string> {
  const out = new Set<string>();
  for (const p of pods) {
    const phase = (p.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    for (const v of (p.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string }; ephemeral?: unknown; name: string }[] }).volumes ?? []) {
      if (v.persistentVolumeClaim?.claimName) out.add(v.persistentVolumeClaim.claimName);
      if (v.ephemeral) out.add(`${p.metadata.name}-${v.name}`);
    }
  }
  return out;
}

/**
 * startPvcProtectionController runs pkg/controller/volume/pvcprotection: a
 * claim being deleted keeps kubernetes.io/pvc-protection while a pod uses it.
 */
export function startPvcProtectionController(ctx: ControllerContext): Controller {
  const pvcInf = ctx.informers.informer(R.persistentvolumeclaims);
  const podInf = ctx.informers.informer(R.pods);
  const queue = new WorkQueue(ctx.runtime, 'pvcprotection', sync);
  const onPvc = (o: KObject) => o.metadata.deletionTimestamp && o.metadata.finalizers?.includes(PVC_PROTECTION) && queue.add(keyOf(o));
  pvcInf.on({ add: onPvc, update: (_o, n) => onPvc(n) });
  const onPod = (p: KObject) => pvcInf.list(p.metadata.namespace).forEach(onPvc);
  podInf.on({ update: (_o, n) => onPod(n), delete: onPod });

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pvc = pvcInf.get(ns, name);
    if (!pvc || !pvc.metadata.deletionTimestamp || !pvc.metadata.finalizers?.includes(PVC_PROTECTION)) return;
    // The cache may lag a pod that was just created: ask the apiserver, as the controller does.
    const pods = ctx.client.list(R.pods, ns).items;
    if (claimsInUse(pods).has(name)) return;
    dropFinalizer(ctx, R.persistentvolumeclaims, pvc, PVC_PROTECTION);
  }
  return { stop: () => queue.stop() };
}

/**
 * startPvProtectionController runs pkg/controller/volume/pvprotection: a
 * volume being deleted keeps kubernetes.io/pv-protection while it is Bound.
 */
export function startPvProtectionController(ctx: ControllerContext): Controller {
  const pvInf = ctx.informers.informer(R.persistentvolumes);
  const queue = new WorkQueue(ctx.runtime, 'pvprotection', sync);
  const onPv = (o: KObject) => o.metadata.deletionTimestamp && o.metadata.finalizers?.includes(PV_PROTECTION) && queue.add(o.metadata.name!);
  pvInf.on({ add: onPv, update: (_o, n) => onPv(n) });

  function sync(name: string): void {
    const pv = pvInf.get(undefined, name);
    if (!pv || !pv.metadata.deletionTimestamp || !pv.metadata.finalizers?.includes(PV_PROTECTION)) return;
    if ((pv.status as { phase?: string } | undefined)?.phase === 'Bound') return;
    dropFinalizer(ctx, R.persistentvolumes, pv, PV_PROTECTION);
  }
  return { stop: () => queue.stop() };
}
