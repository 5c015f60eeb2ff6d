import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { CSINode, StorageClass } from 'kubernetes-types/storage/v1';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, Listers, PreFilterPlugin } from '../../framework/interfaces.ts';
import { SKIP, unschedulable } from '../../framework/status.ts';
import { Names } from '../names.ts';
import { claimClass } from '../volume-binding/binder.ts';

/** ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED is nodevolumelimits.ErrReasonMaxVolumeCountExceeded. */
export const ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED = 'node(s) exceed max volume count';

/** attachableVolumes maps each CSI volume of the pod (unique name) to its driver. */
function attachableVolumes(pod: Pod, l: Listers, into: Map<string, string>): void {
  const ns = pod.metadata?.namespace ?? '';
  for (const v of pod.spec?.volumes ?? []) {
    if (v.csi) {
      into.set(`${v.csi.driver}/${pod.metadata?.uid}-${v.name}`, v.csi.driver);
      continue;
    }
    const claimName = v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${pod.metadata?.name}-${v.name}` : undefined);
    if (!claimName) continue;
    const c = l.persistentVolumeClaims.get(ns, claimName) as unknown as PersistentVolumeClaim | undefined;
    if (!c) continue;
    const pvName = c.spec?.volumeName;
    if (!pvName) {
      const sc = l.storageClasses.get(undefined, claimClass(c)) as unknown as StorageClass | undefined;
      if (sc?.provisioner) into.set(`${sc.provisioner}/${ns}/${claimName}`, sc.provisioner);
      continue;
    }
    const pv = l.persistentVolumes.get(undefined, pvName) as unknown as PersistentVolume | undefined;
    if (pv?.spec?.csi) into.set(`${pv.spec.csi.driver}/${pv.spec.csi.volumeHandle}`, pv.spec.csi.driver);
  }
}

/** NodeVolumeLimits rejects nodes whose CSINode says a driver cannot attach more volumes. */
export function nodeVolumeLimits(_args: Record<string, unknown>, h: Handle): PreFilterPlugin & FilterPlugin & EnqueueExtensions {
  return {
    name: Names.NodeVolumeLimits,
    preFilter(_state, pi) {
      // Pods without claim or CSI volumes skip the Filter.
      const has = (pi.pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim || v.ephemeral || v.csi);
      return { status: has ? null : SKIP };
    },
    filter(_state, pi, nodeInfo) {
      if ((pi.pod.spec?.volumes ?? []).length === 0) return null;
      const csiNode = h.listers.csiNodes.get(undefined, nodeInfo.name) as unknown as CSINode | undefined;
      const limits = new Map<string, number>();
      for (const d of csiNode?.spec?.drivers ?? []) if (d.allocatable?.count !== undefined) limits.set(d.name, d.allocatable.count);
      if (limits.size === 0) return null;
      const wanted = new Map<string, string>();
      attachableVolumes(pi.pod, h.listers, wanted);
      if (wanted.size === 0) return null;
      const attached = new Map<string, string>();
      for (const p of nodeInfo.pods) attachableVolumes(p.pod, h.listers, attached);
      const attachedCount = new Map<string, number>();
      for (const [name, driver] of attached) {
        wanted.delete(name);
        attachedCount.set(driver, (attachedCount.get(driver) ?? 0) + 1);
      }
      const newCount = new Map<string, number>();
      for (const driver of wanted.values()) newCount.set(driver, (newCount.get(driver) ?? 0) + 1);
      for (const [driver, n] of newCount) {
        const max = limits.get(driver);
        if (max !== undefined && (attachedCount.get(driver) ?? 0) + n > max) return unschedulable(ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED);
      }
      return null;
    },
    eventsToRegister() {
      return [
        { event: { resource: 'CSINode', action: Action.Add | Action.Update } },
        { event: { resource: 'AssignedPod', action: Action.Delete } },
        { event: { resource: 'PersistentVolumeClaim', action: Action.Add } },
      ];
    },
  };
}
