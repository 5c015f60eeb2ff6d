import type { KObject } from '../../api/types.ts';
import { rfc3339 } from '../../base/clock.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isAlreadyExists, isNotFound } from '../base/errors.ts';
import { keyOf, WorkQueue } from '../base/workqueue.ts';
import { deleteFailure } from './deleter.ts';
import { claimClass, findBestMatch, pvcSpec, pvSpec } from './match.ts';

export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

/** Provisioner creates a PersistentVolume for a claim of its StorageClass (the dynamic provisioning hook). */
export type Provisioner = (claim: KObject, storageClass: KObject, name: string) => KObject;

/** RESYNC_MS is the binder's periodic resync (--pvclaimbinder-sync-period, 15s). */
const RESYNC_MS = 15_000;

/**
 * startPersistentVolumeBinder runs pkg/controller/volume/persistentvolume:
 * claims bind to the smallest matching volume (or one pre-bound to them),
 * WaitForFirstConsumer classes wait for a selected node, dynamic classes ask
 * their provisioner, and released volumes follow their reclaim policy.
 */
export function startPersistentVolumeBinder(ctx: ControllerContext, provisioners: Record<string, Provisioner> = {}): Controller {
  const { client, runtime } = ctx;
  const recorder = ctx.recorder('persistentvolume-controller');
  const pvInf = ctx.informers.informer(R.persistentvolumes);
  const pvcInf = ctx.informers.informer(R.persistentvolumeclaims);
  const scInf = ctx.informers.informer(R.storageclasses);
  const queue = new WorkQueue(runtime, 'persistentvolume', sync);
  const allClaims = () => pvcInf.list().forEach((c) => queue.add(`pvc|${keyOf(c)}`));
  pvcInf.on({ add: (o) => queue.add(`pvc|${keyOf(o)}`), update: (_o, n) => queue.add(`pvc|${keyOf(n)}`), delete: () => pvInf.list().forEach((v) => queue.add(`pv|${v.metadata.name}`)) });
  pvInf.on({ add: (o) => (queue.add(`pv|${o.metadata.name}`), allClaims()), update: (_o, n) => queue.add(`pv|${n.metadata.name}`), delete: allClaims });
  const resync = runtime.every(RESYNC_MS, () => (allClaims(), pvInf.list().forEach((v) => queue.add(`pv|${v.metadata.name}`))), 'pv resync');

  function sync(item: string): void {
    const [kind, key] = item.split('|') as [string, string];
    if (kind === 'pv') return syncVolume(key);
    const [ns, name] = key.split('/') as [string, string];
    const pvc = pvcInf.get(ns, name);
    if (pvc && !pvc.metadata.deletionTimestamp) syncClaim(pvc);
  }

  function setPvcStatus(pvc: KObject, status: Record<string, unknown>): void {
    const cur = (pvc.status ?? {}) as Record<string, unknown>;
    if (JSON.stringify({ ...cur, ...status }) === JSON.stringify(cur)) return;
    try {
      client.updateStatus(R.persistentvolumeclaims, { ...pvc, status: { ...cur, ...status } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  function setPvPhase(pv: KObject, phase: string, extra: Record<string, unknown> = {}): void {
    const cur = (pv.status ?? {}) as { phase?: string };
    if (cur.phase === phase && Object.keys(extra).length === 0) return;
    try {
      client.updateStatus(R.persistentvolumes, { ...pv, status: { ...cur, phase, ...extra, lastPhaseTransitionTime: cur.phase === phase ? (cur as { lastPhaseTransitionTime?: string }).lastPhaseTransitionTime : rfc3339(runtime.now) } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  function syncClaim(pvc: KObject): void {
    const s = pvcSpec(pvc);
    if (s.volumeName) {
      const pv = pvInf.get(undefined, s.volumeName);
      if (!pv) {
        if ((pvc.status as { phase?: string } | undefined)?.phase === 'Bound') {
          recorder.event(pvc, 'Warning', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
          setPvcStatus(pvc, { phase: 'Lost' });
        }
        return;
      }
      const ref = pvSpec(pv).claimRef;
      if (!ref) return bind(pv, pvc, false);
      if (ref.uid === pvc.metadata.uid) return markBound(pv, pvc);
      return;
    }
    const cls = claimClass(pvc);
    const sc = cls ? scInf.get(undefined, cls) : undefined;
    const waitForConsumer = (sc as { volumeBindingMode?: string } | undefined)?.volumeBindingMode === 'WaitForFirstConsumer';
    const selected = pvc.metadata.annotations?.[SELECTED_NODE];
    if (waitForConsumer && !selected) {
      // The scheduler binds the volume it chose for the pod's node by setting its claimRef: the controller completes that binding.
      const chosen = findBestMatch(pvc, pvInf.list(), true);
      if (chosen) return bind(chosen, pvc, false);
      recorder.event(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return setPvcStatus(pvc, { phase: 'Pending' });
    }
    const match = findBestMatch(pvc, pvInf.list());
    if (match) return bind(match, pvc, !pvSpec(match).claimRef);
    const provisioner = (sc as { provisioner?: string } | undefined)?.provisioner;
    if (sc && provisioner && provisioner !== 'kubernetes.io/no-provisioner') return provision(pvc, sc, provisioner);
    setPvcStatus(pvc, { phase: 'Pending' });
    if (!cls) recorder.event(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    else if (!sc) recorder.event(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${cls}" not found`);
  }

  function provision(pvc: KObject, sc: KObject, provisioner: string): void {
    if (pvc.metadata.annotations?.[STORAGE_PROVISIONER] !== provisioner) {
      try {
        pvc = client.update(R.persistentvolumeclaims, { ...pvc, metadata: { ...pvc.metadata, annotations: { ...(pvc.metadata.annotations ?? {}), [STORAGE_PROVISIONER]: provisioner, 'volume.beta.kubernetes.io/storage-provisioner': provisioner } } });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    setPvcStatus(pvc, { phase: 'Pending' });
    const make = provisioners[provisioner];
    if (!make) {
      recorder.event(pvc, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
      return;
    }
    const name = `pvc-${pvc.metadata.uid}`;
    recorder.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${pvc.metadata.namespace}/${pvc.metadata.name}"`);
    const pv = make(pvc, sc, name);
    pv.metadata = { ...pv.metadata, name, annotations: { ...(pv.metadata.annotations ?? {}), [PROVISIONED_BY]: provisioner } };
    (pv.spec as Record<string, unknown>).claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
    (pv.spec as Record<string, unknown>).persistentVolumeReclaimPolicy = (sc as { reclaimPolicy?: string }).reclaimPolicy ?? 'Delete';
    (pv.spec as Record<string, unknown>).storageClassName = sc.metadata.name;
    try {
      client.create(R.persistentvolumes, undefined, pv);
      recorder.event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }

  function bind(pv: KObject, pvc: KObject, byController: boolean): void {
    const claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
    let boundPv: KObject;
    try {
      const ann = byController ? { ...(pv.metadata.annotations ?? {}), [BOUND_BY_CONTROLLER]: 'yes' } : pv.metadata.annotations;
      boundPv = client.update(R.persistentvolumes, { ...pv, metadata: { ...pv.metadata, annotations: ann }, spec: { ...(pv.spec as object), claimRef } });
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    markBound(boundPv, pvc);
  }

  function markBound(pv: KObject, pvc: KObject): void {
    setPvPhase(pv, 'Bound');
    let claim = pvc;
    const ann = pvc.metadata.annotations ?? {};
    const wantAnn: Record<string, string> = { ...ann, [BIND_COMPLETED]: 'yes' };
    if (!pvcSpec(pvc).volumeName) wantAnn[BOUND_BY_CONTROLLER] = 'yes';
    if (pvcSpec(pvc).volumeName !== pv.metadata.name || ann[BIND_COMPLETED] !== 'yes') {
      try {
        claim = client.update(R.persistentvolumeclaims, { ...pvc, metadata: { ...pvc.metadata, annotations: wantAnn }, spec: { ...(pvc.spec as object), volumeName: pv.metadata.name } });
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
    }
    // Capacity is copied only as the claim becomes Bound: later a smaller status.capacity means a file system resize is pending.
    const becoming = (claim.status as { phase?: string } | undefined)?.phase !== 'Bound';
    setPvcStatus(claim, { phase: 'Bound', accessModes: pvSpec(pv).accessModes, ...(becoming ? { capacity: { ...(pvSpec(pv).capacity ?? {}) } } : {}) });
  }

  function syncVolume(name: string): void {
    const pv = pvInf.get(undefined, name);
    if (!pv || pv.metadata.deletionTimestamp) return;
    const ref = pvSpec(pv).claimRef;
    if (!ref) return setPvPhase(pv, 'Available');
    const claim = pvcInf.get(ref.namespace, ref.name ?? '');
    if (!ref.uid) {
      // Pre-bound to a claim by name: the claim side completes the binding.
      if (claim) queue.add(`pvc|${keyOf(claim)}`);
      return setPvPhase(pv, 'Available');
    }
    if (claim && claim.metadata.uid === ref.uid) {
      if (pvcSpec(claim).volumeName === name) setPvPhase(pv, 'Bound');
      // The binding is half done (the scheduler or a provisioner set the claimRef): the claim's sync completes it, soon.
      else if (!pvcSpec(claim).volumeName) queue.add(`pvc|${keyOf(claim)}`);
      return;
    }
    // The claim is gone: the volume is released and its reclaim policy applies.
    const policy = (pv.spec as { persistentVolumeReclaimPolicy?: string }).persistentVolumeReclaimPolicy ?? 'Retain';
    if (policy === 'Delete') {
      const failure = deleteFailure(pv);
      if (failure) {
        // A volume no deleter can remove stays, Failed, with the deleter's error as its message.
        if ((pv.status as { phase?: string } | undefined)?.phase === 'Failed') return;
        recorder.event(pv, 'Warning', 'VolumeFailedDelete', failure);
        return setPvPhase(pv, 'Failed', { message: failure });
      }
      // Released first, as the real controller does: pv-protection lets go of a volume only once it is no longer Bound.
      setPvPhase(pv, 'Released');
      try {
        client.delete(R.persistentvolumes, undefined, name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      return;
    }
    if (policy === 'Recycle') {
      recorder.event(pv, 'Warning', 'VolumeFailedRecycle', 'Recycle failed: no volume plugin matched');
      return setPvPhase(pv, 'Failed', { message: 'Recycle failed: no volume plugin matched' });
    }
    setPvPhase(pv, 'Released');
  }

  return {
    stop: () => {
      resync.cancel();
      queue.stop();
    },
  };
}
