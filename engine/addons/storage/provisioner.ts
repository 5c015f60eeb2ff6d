import type { KObject } from '../../api/types.ts';
import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient } from '../../client/client.ts';
import { EventRecorder } from '../../client/events.ts';
import { SharedInformerFactory } from '../../client/informer-factory.ts';
import { R } from '../../client/refs.ts';

/** The annotations the PV controller and the scheduler write on claims (pkg/controller/volume/persistentvolume). */
export const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

/** ExternalProvisionerOptions describe one external provisioner (sig-storage-lib-external-provisioner). */
export interface ExternalProvisionerOptions {
  runtime: Runtime;
  client: ApiClient;
  /** provisioner is the StorageClass provisioner name it serves ("rancher.io/local-path") */
  provisioner: string;
  /** identity is the controller's event source ("rancher.io/local-path_local-path-provisioner-…") */
  identity: string;
  /** nodeFor picks the node of an Immediate claim (no selected node) */
  nodeFor(claim: KObject): string | undefined;
  /** volumeSource builds the PV's source, capacity aside: hostPath + nodeAffinity, or csi */
  volumeSource(claim: KObject, sc: KObject, name: string, node: string | undefined): Record<string, unknown>;
  /** released is told a provisioned volume was deleted (its data goes) */
  released(pv: KObject): void;
}

/**
 * startExternalProvisioner is the external provisioner's loop: the PV
 * controller marks a claim of the class with volume.kubernetes.io/storage-provisioner
 * (and, for WaitForFirstConsumer, the scheduler names the node); the provisioner
 * creates a PersistentVolume pre-bound to the claim, which the PV controller
 * then binds. When the PV controller deletes a released volume, the
 * provisioner removes the data.
 */
export function startExternalProvisioner(o: ExternalProvisionerOptions): { stop(): void } {
  const informers = new SharedInformerFactory(o.client, o.runtime);
  const pvcs = informers.informer(R.persistentvolumeclaims);
  const pvs = informers.informer(R.persistentvolumes);
  const classes = informers.informer(R.storageclasses);
  const recorder = new EventRecorder(o.client, o.runtime, { component: o.identity });
  const pending = new Set<string>();

  function consider(pvc: KObject): void {
    const key = `${pvc.metadata.namespace}/${pvc.metadata.name}`;
    if (pending.has(key)) return;
    pending.add(key);
    // the work queue: provision once the current event has been handled
    o.runtime.after(0, () => {
      pending.delete(key);
      const cur = pvcs.get(pvc.metadata.namespace, pvc.metadata.name!);
      if (cur) provision(cur);
    }, `${o.provisioner} provision`);
  }

  function provision(pvc: KObject): void {
    const ann = pvc.metadata.annotations ?? {};
    const spec = (pvc.spec ?? {}) as { volumeName?: string; storageClassName?: string; accessModes?: string[]; volumeMode?: string; resources?: { requests?: { storage?: string } } };
    if (ann[STORAGE_PROVISIONER] !== o.provisioner || spec.volumeName || pvc.metadata.deletionTimestamp) return;
    const sc = classes.get(undefined, spec.storageClassName ?? '');
    if (!sc || (sc as { provisioner?: string }).provisioner !== o.provisioner) return;
    const waits = (sc as { volumeBindingMode?: string }).volumeBindingMode === 'WaitForFirstConsumer';
    const node = ann[SELECTED_NODE] ?? (waits ? undefined : o.nodeFor(pvc));
    if (waits && !node) return;
    const name = `pvc-${pvc.metadata.uid}`;
    if (pvs.get(undefined, name)) return;
    const claim = `${pvc.metadata.namespace}/${pvc.metadata.name}`;
    recorder.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claim}"`);
    const pv: KObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, annotations: { [PROVISIONED_BY]: o.provisioner } },
      spec: {
        capacity: { storage: spec.resources?.requests?.storage ?? '1Gi' },
        accessModes: spec.accessModes ?? ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: (sc as { reclaimPolicy?: string }).reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: spec.volumeMode ?? 'Filesystem',
        claimRef: { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion },
        ...o.volumeSource(pvc, sc, name, node),
      },
    };
    try {
      o.client.create(R.persistentvolumes, undefined, pv);
      recorder.event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
    } catch (err) {
      recorder.event(pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": ${(err as Error).message}`);
    }
  }

  pvcs.on({ add: consider, update: (_o, n) => consider(n) });
  pvs.on({
    delete: (pv) => {
      if (pv.metadata.annotations?.[PROVISIONED_BY] === o.provisioner) o.released(pv);
    },
  });
  informers.start();
  return { stop: () => informers.stop() };
}
