import type { PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import type { CycleState } from '../../framework/cycle-state.ts';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, PreFilterPlugin } from '../../framework/interfaces.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { SKIP, unresolvable, unschedulable } from '../../framework/status.ts';
import { Names } from '../names.ts';

/** ERR_REASON_DISK_CONFLICT is volumerestrictions.ErrReasonDiskConflict. */
export const ERR_REASON_DISK_CONFLICT = 'node(s) had no available disk';
/** ERR_REASON_RWOP_CONFLICT is ErrReasonReadWriteOncePodConflict. */
export const ERR_REASON_RWOP_CONFLICT = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';

const PRE_FILTER_KEY = 'PreFilterVolumeRestrictions';

/** diskKey identifies disks that only one pod per node may mount read-write (GCE PD, EBS, iSCSI, RBD). */
function diskKey(v: Volume): { key: string; readOnly: boolean } | undefined {
  if (v.gcePersistentDisk) return { key: `gce/${v.gcePersistentDisk.pdName}`, readOnly: !!v.gcePersistentDisk.readOnly };
  if (v.awsElasticBlockStore) return { key: `aws/${v.awsElasticBlockStore.volumeID}`, readOnly: false };
  if (v.iscsi) return { key: `iscsi/${v.iscsi.iqn}`, readOnly: !!v.iscsi.readOnly };
  if (v.rbd) return { key: `rbd/${[...v.rbd.monitors].sort().join(',')}/${v.rbd.pool ?? 'rbd'}/${v.rbd.image}`, readOnly: !!v.rbd.readOnly };
  return undefined;
}

function diskConflict(pod: Pod, existing: readonly PodInfo[]): boolean {
  for (const v of pod.spec?.volumes ?? []) {
    const d = diskKey(v);
    if (!d) continue;
    for (const e of existing) {
      for (const ev of e.pod.spec?.volumes ?? []) {
        const o = diskKey(ev);
        if (o && o.key === d.key && !(d.readOnly && o.readOnly)) return true;
      }
    }
  }
  return false;
}

class RwopState {
  constructor(
    readonly pvcKeys: Set<string>,
    public conflicting: number,
  ) {}
  clone(): RwopState {
    return new RwopState(this.pvcKeys, this.conflicting);
  }
}

/** VolumeRestrictions rejects nodes where a disk is already mounted read-write, and ReadWriteOncePod claims in use elsewhere. */
export function volumeRestrictions(_args: Record<string, unknown>, h: Handle): PreFilterPlugin & FilterPlugin & EnqueueExtensions {
  const update = (state: CycleState, p: PodInfo, by: number) => {
    const s = state.read<RwopState>(PRE_FILTER_KEY);
    if (!s) return null;
    const ns = p.pod.metadata?.namespace ?? '';
    for (const v of p.pod.spec?.volumes ?? []) if (v.persistentVolumeClaim && s.pvcKeys.has(`${ns}/${v.persistentVolumeClaim.claimName}`)) s.conflicting += by;
    return null;
  };
  return {
    name: Names.VolumeRestrictions,
    preFilter(state, pi) {
      const pod = pi.pod;
      const ns = pod.metadata?.namespace ?? '';
      const needsDiskCheck = (pod.spec?.volumes ?? []).some((v) => diskKey(v) !== undefined);
      const keys = new Set<string>();
      for (const v of pod.spec?.volumes ?? []) {
        if (!v.persistentVolumeClaim) continue;
        const c = h.listers.persistentVolumeClaims.get(ns, v.persistentVolumeClaim.claimName) as unknown as PersistentVolumeClaim | undefined;
        if (!c) return { status: unresolvable(`persistentvolumeclaim "${v.persistentVolumeClaim.claimName}" not found`) };
        if (c.spec?.accessModes?.includes('ReadWriteOncePod')) keys.add(`${ns}/${v.persistentVolumeClaim.claimName}`);
      }
      let conflicting = 0;
      if (keys.size) for (const ni of h.snapshot.list()) for (const k of keys) conflicting += ni.pvcRefCounts.get(k) ?? 0;
      if (!needsDiskCheck && conflicting === 0) return { status: SKIP };
      state.write(PRE_FILTER_KEY, new RwopState(keys, conflicting));
      return { status: null };
    },
    preFilterExtensions: () => ({ addPod: (state, _p, toAdd) => update(state, toAdd, 1), removePod: (state, _p, toRemove) => update(state, toRemove, -1) }),
    filter(state, pi, nodeInfo) {
      if (diskConflict(pi.pod, nodeInfo.pods)) return unschedulable(ERR_REASON_DISK_CONFLICT);
      if ((state.read<RwopState>(PRE_FILTER_KEY)?.conflicting ?? 0) > 0) return unschedulable(ERR_REASON_RWOP_CONFLICT);
      return null;
    },
    eventsToRegister() {
      return [
        { event: { resource: 'AssignedPod', action: Action.Delete } },
        { event: { resource: 'PersistentVolumeClaim', action: Action.Add | Action.Update } },
      ];
    },
  };
}
