import type { KObject } from '../../api/types.ts';
import { clone } from '../../base/deep.ts';
import { fromLabelSelector, matches } from '../../base/labels.ts';
import { R } from '../../client/refs.ts';
import { claimObjects, recheckDeletion } from '../base/claim.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { controllerRefOf } from '../base/owner.ts';
import { asPod } from '../base/pods.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import { byCreation, newReplicaSetSync, splitRS } from './new-rs.ts';
import { proportionalScale, reconcileNewReplicaSet, reconcileOldReplicaSets } from './rollout.ts';
import { calculateStatus, deploymentComplete, hasProgressDeadline, REASON, requeueAfter, rolloutStatus, sameStatus } from './status.ts';
import {
  condition, dspec, dstatus, maxSurge, newCondition, replicasAnnotationsNeedUpdate, replicasOf, revisionOf, rsReplicas, rspec, rstatus, setCondition, DESIRED_REPLICAS, MAX_REPLICAS,
  type DeploymentStatus,
} from './util.ts';

/**
 * startDeploymentController runs pkg/controller/deployment: one ReplicaSet
 * per pod template (named <deployment>-<pod-template-hash>), rolled out with
 * RollingUpdate or Recreate, revisions, history cleanup, pausing, proportional
 * scaling and the Available/Progressing conditions.
 */
export function startDeploymentController(ctx: ControllerContext): Controller {
  const { runtime, client } = ctx;
  const recorder = ctx.recorder('deployment-controller');
  const dInf = ctx.informers.informer(R.deployments);
  const rsInf = ctx.informers.informer(R.replicasets);
  const podInf = ctx.informers.informer(R.pods);
  const queue = new WorkQueue(runtime, 'deployment', sync);
  const { syncRevision } = newReplicaSetSync(client, recorder, runtime);

  const ownerOf = (rs: KObject) => {
    const ref = controllerRefOf(rs);
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = dInf.get(rs.metadata.namespace, ref.name);
    return d?.metadata.uid === ref.uid ? d : undefined;
  };
  const onRs = (rs: KObject) => {
    const d = ownerOf(rs);
    if (d) return queue.add(keyOf(d));
    if (controllerRefOf(rs)) return;
    for (const x of dInf.list(rs.metadata.namespace)) if (matches(fromLabelSelector(dspec(x).selector as never), rs.metadata.labels)) queue.add(keyOf(x));
  };
  dInf.on({ add: (o) => queue.add(keyOf(o)), update: (_o, n) => queue.add(keyOf(n)), delete: (o) => queue.add(keyOf(o)) });
  rsInf.on({ add: onRs, update: (o, n) => (onRs(n), ownerOf(o) !== ownerOf(n) && onRs(o)), delete: onRs });
  podInf.on({
    // Recreate waits for the old pods to be gone.
    delete: (pod) => {
      const ref = controllerRefOf(pod);
      if (ref?.kind !== 'ReplicaSet') return;
      const rs = rsInf.get(pod.metadata.namespace, ref.name);
      const d = rs && ownerOf(rs);
      if (d && dspec(d).strategy?.type === 'Recreate') queue.add(keyOf(d));
    },
  });

  /** scaleRS is scaleReplicaSetAndRecordEvent: resize (and refresh the replica annotations), with a ScalingReplicaSet event. */
  function scaler(d: KObject) {
    return (rs: KObject, newScale: number): KObject => {
      const old = rsReplicas(rs);
      const desired = replicasOf(d);
      const max = desired + maxSurge(d);
      if (old === newScale && !replicasAnnotationsNeedUpdate(rs, desired, max)) return rs;
      const copy = clone(rs);
      copy.spec = { ...rspec(copy), replicas: newScale };
      copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(max) };
      const updated = client.update(R.replicasets, copy);
      if (old !== newScale) recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${old < newScale ? 'up' : 'down'} replica set ${rs.metadata.name} from ${old} to ${newScale}`);
      return updated;
    };
  }

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const cached = dInf.get(ns, name);
    if (!cached) return;
    let d = clone(cached);
    const selector = fromLabelSelector(dspec(d).selector as never);
    if (selector.requirements.length === 0) {
      recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((dstatus(d).observedGeneration ?? 0) < (d.metadata.generation ?? 0)) client.updateStatus(R.deployments, { ...d, status: { ...dstatus(d), observedGeneration: d.metadata.generation } });
      return;
    }
    const rsList = claimObjects(client, R.replicasets, d, selector, rsInf.list(ns), recheckDeletion(client, R.deployments, d));
    if (d.metadata.deletionTimestamp) return syncStatusOnly(d, rsList);
    d = checkPaused(d);
    if (dspec(d).paused) return scaleOnly(d, rsList);
    const [newRS0, olds0] = splitRS(d, rsList);
    if (isScalingEvent(d, [newRS0, ...olds0])) return scaleOnly(d, rsList);
    if (dspec(d).strategy?.type === 'Recreate') return recreate(d, rsList);
    return rolling(d, rsList);
  }

  function isScalingEvent(d: KObject, rss: (KObject | undefined)[]): boolean {
    return rss.some((rs) => rs && rsReplicas(rs) > 0 && rs.metadata.annotations?.[DESIRED_REPLICAS] !== undefined && rs.metadata.annotations[DESIRED_REPLICAS] !== String(replicasOf(d)));
  }

  function checkPaused(d: KObject): KObject {
    if (!hasProgressDeadline(d)) return d;
    const st = clone(dstatus(d));
    const c = condition(st, 'Progressing');
    const paused = !!dspec(d).paused;
    if (paused && c?.reason !== REASON.paused) setCondition(st, newCondition('Progressing', 'Unknown', REASON.paused, 'Deployment is paused', runtime.now));
    else if (!paused && c?.reason === REASON.paused) setCondition(st, newCondition('Progressing', 'Unknown', REASON.resumed, 'Deployment is resumed', runtime.now));
    else return d;
    return client.updateStatus(R.deployments, { ...d, status: st });
  }

  function rolling(d0: KObject, rsList: KObject[]): void {
    const { d, newRS, olds } = syncRevision(d0, rsList, true);
    if (!newRS) return;
    const scale = scaler(d);
    const all = [...olds, newRS];
    if (reconcileNewReplicaSet(d, all, newRS, scale)) return syncRollout(d, all, newRS);
    const activeOld = olds.filter((rs) => rsReplicas(rs) > 0);
    if (reconcileOldReplicaSets(d, all, activeOld, newRS, scale)) return syncRollout(d, all, newRS);
    finish(d, all, newRS, olds);
  }

  function recreate(d0: KObject, rsList: KObject[]): void {
    let { d, newRS, olds } = syncRevision(d0, rsList, false);
    const scale = scaler(d);
    let scaledDown = false;
    for (const rs of olds) if (rsReplicas(rs) > 0) (scale(rs, 0), (scaledDown = true));
    if (scaledDown) return syncRollout(d, [...olds, ...(newRS ? [newRS] : [])], newRS);
    // Old pods must be gone before the new ReplicaSet starts.
    const oldUids = new Set(olds.map((rs) => rs.metadata.uid));
    const oldRunning = olds.some((rs) => (rstatus(rs).replicas ?? 0) > 0) || podInf.list(d.metadata.namespace).some((p) => oldUids.has(controllerRefOf(p)?.uid) && !['Failed', 'Succeeded'].includes(asPod(p).status?.phase ?? ''));
    if (oldRunning) return syncRollout(d, [...olds, ...(newRS ? [newRS] : [])], newRS);
    if (!newRS) ({ d, newRS, olds } = syncRevision(d, rsList, true));
    if (!newRS) return;
    const up = rsReplicas(newRS) !== replicasOf(d) ? scaler(d)(newRS, replicasOf(d)) : newRS;
    finish(d, [...olds, up], up, olds);
  }

  function finish(d: KObject, all: KObject[], newRS: KObject, olds: KObject[]): void {
    const st = rolloutStatus(d, all, newRS, runtime.now);
    if (deploymentComplete(d, st)) cleanup(d, olds);
    writeStatus(d, st);
  }

  function syncRollout(d: KObject, all: KObject[], newRS: KObject | undefined): void {
    writeStatus(d, rolloutStatus(d, all, newRS, runtime.now));
  }

  function writeStatus(d: KObject, st: DeploymentStatus): void {
    if (!sameStatus(dstatus(d), st)) {
      try {
        client.updateStatus(R.deployments, { ...d, status: st });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    const wait = requeueAfter(d, st, runtime.now);
    if (wait !== undefined) queue.addAfter(keyOf(d), wait);
  }

  function scaleOnly(d0: KObject, rsList: KObject[]): void {
    const { d, newRS, olds } = syncRevision(d0, rsList, false);
    proportionalScale(d, newRS, olds, scaler(d));
    if (dspec(d).paused) cleanup(d, olds);
    const st = calculateStatus(d, [...olds, ...(newRS ? [newRS] : [])], newRS, runtime.now);
    if (!sameStatus(dstatus(d), st)) client.updateStatus(R.deployments, { ...d, status: st });
  }

  function syncStatusOnly(d: KObject, rsList: KObject[]): void {
    const [newRS, olds] = splitRS(d, rsList);
    const st = calculateStatus(d, [...olds, ...(newRS ? [newRS] : [])], newRS, runtime.now);
    if (!sameStatus(dstatus(d), st)) client.updateStatus(R.deployments, { ...d, status: st });
  }

  /** cleanup is cleanupDeployment: delete the oldest empty ReplicaSets beyond revisionHistoryLimit. */
  function cleanup(d: KObject, olds: KObject[]): void {
    const limit = dspec(d).revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = olds.filter((rs) => !rs.metadata.deletionTimestamp).sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    const diff = cleanable.length - limit;
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i]!;
      if ((rstatus(rs).replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rstatus(rs).observedGeneration ?? 0)) continue;
      try {
        client.delete(R.replicasets, rs.metadata.namespace, rs.metadata.name!);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  return { stop: () => queue.stop() };
}
