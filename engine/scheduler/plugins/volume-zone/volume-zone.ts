import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { LABEL_REGION, LABEL_ZONE } from '../../framework/api.ts';
import type { CycleState } from '../../framework/cycle-state.ts';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, PreFilterPlugin } from '../../framework/interfaces.ts';
import { SKIP, unresolvable } from '../../framework/status.ts';
import { Names } from '../names.ts';
import { claimClass } from '../volume-binding/binder.ts';

/** ERR_REASON_VOLUME_ZONE is volumezone.ErrReasonConflict. */
export const ERR_REASON_VOLUME_ZONE = 'node(s) had no available volume zone';

const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
const BETA_REGION = 'failure-domain.beta.kubernetes.io/region';
const TOPOLOGY_LABELS = [BETA_ZONE, BETA_REGION, LABEL_ZONE, LABEL_REGION];
const GA: Record<string, string> = { [BETA_ZONE]: LABEL_ZONE, [BETA_REGION]: LABEL_REGION };
const PRE_FILTER_KEY = 'PreFilterVolumeZone';

interface PVTopology {
  key: string;
  values: Set<string>;
}

/** VolumeZone keeps pods on nodes in the zones/regions of their bound PersistentVolumes. */
export function volumeZone(_args: Record<string, unknown>, h: Handle): PreFilterPlugin & FilterPlugin & EnqueueExtensions {
  return {
    name: Names.VolumeZone,
    preFilter(state: CycleState, pi) {
      const ns = pi.pod.metadata?.namespace ?? '';
      const topologies: PVTopology[] = [];
      for (const v of pi.pod.spec?.volumes ?? []) {
        if (!v.persistentVolumeClaim) continue;
        const name = v.persistentVolumeClaim.claimName;
        if (!name) return { status: unresolvable('PersistentVolumeClaim had no name') };
        const c = h.listers.persistentVolumeClaims.get(ns, name) as unknown as PersistentVolumeClaim | undefined;
        if (!c) return { status: unresolvable(`persistentvolumeclaim "${name}" not found`) };
        const pvName = c.spec?.volumeName ?? '';
        if (!pvName) {
          const sc = claimClass(c);
          if (!sc) return { status: unresolvable('PersistentVolumeClaim had no pv name and storageClass name') };
          const cls = h.listers.storageClasses.get(undefined, sc) as unknown as StorageClass | undefined;
          if (!cls) return { status: unresolvable(`storageclass.storage.k8s.io "${sc}" not found`) };
          if (cls.volumeBindingMode === 'WaitForFirstConsumer') continue;
          return { status: unresolvable('PersistentVolume had no name') };
        }
        const pv = h.listers.persistentVolumes.get(undefined, pvName) as unknown as PersistentVolume | undefined;
        if (!pv) return { status: unresolvable(`persistentvolume "${pvName}" not found`) };
        for (const key of TOPOLOGY_LABELS) {
          const val = pv.metadata?.labels?.[key];
          if (val !== undefined) topologies.push({ key, values: new Set(val.split('__')) });
        }
      }
      if (topologies.length === 0) return { status: SKIP };
      state.write(PRE_FILTER_KEY, { topologies } as { topologies: PVTopology[] });
      return { status: null };
    },
    filter(state, _pi, nodeInfo) {
      const s = state.read<{ topologies: PVTopology[] }>(PRE_FILTER_KEY);
      if (!s) return null;
      const labels = nodeInfo.labels;
      if (!TOPOLOGY_LABELS.some((k) => k in labels)) return null;
      for (const t of s.topologies) {
        const v = labels[t.key] ?? (GA[t.key] ? labels[GA[t.key]!] : undefined);
        if (v === undefined || !t.values.has(v)) return unresolvable(ERR_REASON_VOLUME_ZONE);
      }
      return null;
    },
    eventsToRegister() {
      return [
        { event: { resource: 'StorageClass', action: Action.Add } },
        { event: { resource: 'Node', action: Action.Add | Action.UpdateNodeLabel } },
        { event: { resource: 'PersistentVolumeClaim', action: Action.Add | Action.Update } },
        { event: { resource: 'PersistentVolume', action: Action.Add | Action.Update } },
      ];
    },
  };
}
