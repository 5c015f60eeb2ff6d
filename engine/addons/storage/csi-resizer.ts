import type { KObject } from '../../api/types.ts';
import { rfc3339 } from '../../base/clock.ts';
import { quantityOf } from '../../base/quantity.ts';
import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient } from '../../client/client.ts';
import { EventRecorder } from '../../client/events.ts';
import { SharedInformerFactory } from '../../client/informer-factory.ts';
import { R } from '../../client/refs.ts';

/** FS_RESIZE_PENDING_MESSAGE is the condition message external-resizer writes when the node must finish. */
export const FS_RESIZE_PENDING_MESSAGE = 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.';

interface PvcStatus {
  phase?: string;
  capacity?: Record<string, string>;
  allocatedResources?: Record<string, string>;
  allocatedResourceStatuses?: Record<string, string>;
  conditions?: { type: string }[];
}

const want = (pvc: KObject) => (pvc.spec as { resources?: { requests?: { storage?: string } } }).resources?.requests?.storage;

/**
 * startCsiResizer is a CSI driver's expansion path: external-resizer grows
 * the volume (PV capacity, claim condition FileSystemResizePending,
 * allocatedResourceStatuses NodeResizePending), then the kubelet of a node
 * running a pod that mounts the claim grows the file system and raises
 * status.capacity, clearing the condition.
 */
export function startCsiResizer(o: { runtime: Runtime; client: ApiClient; driver: string }): { stop(): void } {
  const informers = new SharedInformerFactory(o.client, o.runtime);
  const pvcs = informers.informer(R.persistentvolumeclaims);
  const pvs = informers.informer(R.persistentvolumes);
  const pods = informers.informer(R.pods);
  const resizer = new EventRecorder(o.client, o.runtime, { component: `external-resizer ${o.driver}` });
  const queued = new Set<string>();

  function enqueue(ns: string | undefined, name: string | undefined): void {
    const key = `${ns}/${name}`;
    if (!name || queued.has(key)) return;
    queued.add(key);
    o.runtime.after(0, () => {
      queued.delete(key);
      const pvc = pvcs.get(ns, name);
      if (pvc) sync(pvc);
    }, 'csi-resizer');
  }

  function sync(pvc: KObject): void {
    const status = (pvc.status ?? {}) as PvcStatus;
    const request = want(pvc);
    const volumeName = (pvc.spec as { volumeName?: string }).volumeName;
    if (!request || status.phase !== 'Bound' || !volumeName || !status.capacity?.storage) return;
    const pv = pvs.get(undefined, volumeName);
    if ((pv?.spec as { csi?: { driver?: string } } | undefined)?.csi?.driver !== o.driver || !pv) return;
    const pvCap = (pv.spec as { capacity?: { storage?: string } }).capacity?.storage ?? '0';
    try {
      if (quantityOf(request).cmp(quantityOf(pvCap)) > 0) return controllerExpand(pvc, pv, request, status);
      if (status.allocatedResourceStatuses?.['storage'] === 'NodeResizePending') nodeExpand(pvc, pv, status);
    } catch {
      // a conflict or a deleted object: the next event retries
    }
  }

  function controllerExpand(pvc: KObject, pv: KObject, request: string, status: PvcStatus): void {
    resizer.event(pvc, 'Normal', 'Resizing', `External resizer is resizing volume ${pv.metadata.name}`);
    o.client.update(R.persistentvolumes, { ...pv, spec: { ...(pv.spec as object), capacity: { storage: request } } } as KObject);
    const conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'FileSystemResizePending' && c.type !== 'Resizing'), { type: 'FileSystemResizePending', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(o.runtime.now), message: FS_RESIZE_PENDING_MESSAGE }];
    o.client.updateStatus(R.persistentvolumeclaims, { ...pvc, status: { ...status, allocatedResources: { storage: request }, allocatedResourceStatuses: { storage: 'NodeResizePending' }, conditions } });
    resizer.event(pvc, 'Normal', 'FileSystemResizeRequired', 'Require file system resize of volume on node');
  }

  function nodeExpand(pvc: KObject, pv: KObject, status: PvcStatus): void {
    const user = pods.list(pvc.metadata.namespace).find((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running' && ((p.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] }).volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name));
    if (!user) return;
    const node = (user.spec as { nodeName?: string }).nodeName ?? '';
    const rest = { ...status };
    delete rest.allocatedResourceStatuses;
    const conditions = (status.conditions ?? []).filter((c) => c.type !== 'FileSystemResizePending');
    o.client.updateStatus(R.persistentvolumeclaims, { ...pvc, status: { ...rest, capacity: { ...(status.capacity ?? {}), storage: status.allocatedResources?.['storage'] ?? want(pvc)! }, ...(conditions.length ? { conditions } : { conditions: undefined }) } });
    new EventRecorder(o.client, o.runtime, { component: 'kubelet', host: node }).event(user, 'Normal', 'FileSystemResizeSuccessful', `MountVolume.NodeExpandVolume succeeded for volume "${pv.metadata.name}" ${node}`);
  }

  pvcs.on({ add: (p) => enqueue(p.metadata.namespace, p.metadata.name), update: (_o, p) => enqueue(p.metadata.namespace, p.metadata.name) });
  pods.on({
    update: (_o, p) => {
      for (const v of (p.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] }).volumes ?? []) if (v.persistentVolumeClaim?.claimName) enqueue(p.metadata.namespace, v.persistentVolumeClaim.claimName);
    },
  });
  informers.start();
  return { stop: () => informers.stop() };
}
