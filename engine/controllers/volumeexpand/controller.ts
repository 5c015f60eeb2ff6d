import type { KObject } from '../../api/types.ts';
import { quantityOf } from '../../base/quantity.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';

/**
 * startExpandController runs pkg/controller/volume/expand for volumes the
 * simulation can grow itself: a bound claim asking for more than its
 * capacity gets its volume resized, then its status.capacity raised.
 */
export function startExpandController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const recorder = ctx.recorder('volume_expand');
  const pvcInf = ctx.informers.informer(R.persistentvolumeclaims);
  const pvInf = ctx.informers.informer(R.persistentvolumes);
  const queue = new WorkQueue(runtime, 'volume_expand', sync);
  pvcInf.on({ add: (o) => queue.add(keyOf(o)), update: (_o, n) => queue.add(keyOf(n)) });

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pvc = pvcInf.get(ns, name);
    if (!pvc) return;
    const want = (pvc.spec as { resources?: { requests?: { storage?: string } } }).resources?.requests?.storage;
    const status = (pvc.status ?? {}) as { phase?: string; capacity?: { storage?: string } };
    const volumeName = (pvc.spec as { volumeName?: string }).volumeName;
    if (!want || status.phase !== 'Bound' || !volumeName || !status.capacity?.storage) return;
    if (quantityOf(want).cmp(quantityOf(status.capacity.storage)) <= 0) return;
    const pv = pvInf.get(undefined, volumeName);
    // CSI volumes grow through their driver's external-resizer and the kubelet, not here.
    if (!pv || (pv.spec as { csi?: unknown }).csi) return;
    try {
      const cap = (pv.spec as { capacity?: { storage?: string } }).capacity?.storage;
      if (!cap || quantityOf(cap).cmp(quantityOf(want)) < 0) {
        client.update(R.persistentvolumes, { ...pv, spec: { ...(pv.spec as object), capacity: { ...((pv.spec as { capacity?: object }).capacity ?? {}), storage: want } } } as KObject);
      }
      client.updateStatus(R.persistentvolumeclaims, { ...pvc, status: { ...status, capacity: { ...status.capacity, storage: want }, allocatedResources: { storage: want } } });
      recorder.event(pvc, 'Normal', 'VolumeResizeSuccessful', `ExpandVolume succeeded for volume ${ns}/${name}`);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return { stop: () => queue.stop() };
}
