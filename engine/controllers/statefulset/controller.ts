import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import { clone, deepEqual } from '../../base/deep.ts';
import { fromLabelSelector } from '../../base/labels.ts';
import { R } from '../../client/refs.ts';
import { claimObjects, recheckDeletion } from '../base/claim.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { errorText, isAlreadyExists, isNotFound } from '../base/errors.ts';
import { ensureRevision, hashOf, REVISION_HASH, revisionsOf, truncateHistory } from '../base/history.ts';
import { controllerRefOf } from '../base/owner.ts';
import { asPod, isPodAvailable, isPodReady } from '../base/pods.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import type { PodTemplate } from '../replicaset/pod-template.ts';
import { claimsFor, ordinalOf, statefulPod } from './pods.ts';

interface StsSpec {
  replicas?: number;
  selector?: unknown;
  podManagementPolicy?: string;
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
  revisionHistoryLimit?: number;
  minReadySeconds?: number;
  ordinals?: { start?: number };
}

const runningReady = (p: Pod) => p.status?.phase === 'Running' && isPodReady(p);

/**
 * startStatefulSetController runs pkg/controller/statefulset: pods
 * <sts>-0…n-1 created in order (OrderedReady: each waits for the previous to
 * be Running and Ready; Parallel: all at once), claims from
 * volumeClaimTemplates, scale-down from the highest ordinal, and rolling
 * updates from the highest ordinal down to the partition.
 */
export function startStatefulSetController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const recorder = ctx.recorder('statefulset-controller');
  const stsInf = ctx.informers.informer(R.statefulsets);
  const podInf = ctx.informers.informer(R.pods);
  const pvcInf = ctx.informers.informer(R.persistentvolumeclaims);
  const revInf = ctx.informers.informer(R.controllerrevisions);
  const queue = new WorkQueue(runtime, 'statefulset', sync);
  const onPod = (p: KObject) => {
    const ref = controllerRefOf(p);
    if (ref?.kind === 'StatefulSet') queue.add(`${p.metadata.namespace}/${ref.name}`);
  };
  stsInf.on({ add: (o) => queue.add(keyOf(o)), update: (_o, n) => queue.add(keyOf(n)) });
  podInf.on({ add: onPod, update: (_o, n) => onPod(n), delete: onPod });

  function templateOf(rev: KObject): PodTemplate {
    const t = clone(((rev.data as { spec?: { template?: Record<string, unknown> } }).spec?.template ?? {}) as Record<string, unknown>);
    delete t.$patch;
    return t as PodTemplate;
  }

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const cached = stsInf.get(ns, name);
    if (!cached || cached.metadata.deletionTimestamp) return;
    const sts = clone(cached);
    const spec = sts.spec as StsSpec;
    const revs = revisionsOf(revInf.list(ns), sts);
    const update = ensureRevision(client, sts, revs);
    const status = (sts.status ?? {}) as { currentRevision?: string };
    const current = revs.find((r) => r.metadata.name === status.currentRevision) ?? update;
    const pods = claimObjects(client, R.pods, sts, fromLabelSelector(spec.selector as never), podInf.list(ns), recheckDeletion(client, R.statefulsets, sts)).map(asPod);
    const start = spec.ordinals?.start ?? 0;
    const replicas = spec.replicas ?? 1;
    const parallel = spec.podManagementPolicy === 'Parallel';
    const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    const byOrd = new Map<number, Pod>();
    const condemned: Pod[] = [];
    for (const p of pods) {
      const ord = ordinalOf(name, p.metadata!.name!);
      if (ord === undefined) continue;
      if (ord >= start && ord < start + replicas) byOrd.set(ord, p);
      else condemned.push(p);
    }
    condemned.sort((a, b) => ordinalOf(name, b.metadata!.name!)! - ordinalOf(name, a.metadata!.name!)!);

    let blocked = false;
    for (let ord = start; ord < start + replicas && !blocked; ord++) {
      const p = byOrd.get(ord);
      if (p && p.status?.phase === 'Failed' && !p.metadata?.deletionTimestamp) {
        deletePod(sts, p);
        byOrd.delete(ord);
        if (!parallel) blocked = true;
        continue;
      }
      if (!p) {
        const useCurrent = (spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && ord < partition;
        const rev = useCurrent ? current : update;
        createClaims(sts, ord);
        const pod = statefulPod(sts, templateOf(rev), hashOf(rev), ord);
        try {
          const created = client.create(R.pods, ns, pod);
          recorder.event(sts, 'Normal', 'SuccessfulCreate', `create Pod ${created.metadata.name} in StatefulSet ${name} successful`);
        } catch (err) {
          if (!isAlreadyExists(err)) recorder.event(sts, 'Warning', 'FailedCreate', `create Pod ${pod.metadata.name} in StatefulSet ${name} failed error: ${errorText(err)}`);
        }
        if (!parallel) blocked = true;
        continue;
      }
      if (!parallel && (p.metadata?.deletionTimestamp || !runningReady(p))) blocked = true;
    }
    // Scale down: highest ordinal first; OrderedReady one at a time once the rest are healthy.
    if (!blocked) {
      for (const p of condemned) {
        if (p.metadata?.deletionTimestamp) {
          if (!parallel) break;
          continue;
        }
        deletePod(sts, p);
        if (!parallel) break;
      }
    }
    // Rolling update from the highest ordinal down to the partition, one unhealthy pod at a time.
    const updHash = hashOf(update);
    const all = [...byOrd.values()];
    if (!blocked && condemned.length === 0 && (spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && all.length === replicas && all.every((p) => runningReady(p) && !p.metadata?.deletionTimestamp)) {
      for (let ord = start + replicas - 1; ord >= start + partition; ord--) {
        const p = byOrd.get(ord)!;
        if (p.metadata?.labels?.[REVISION_HASH] !== updHash) {
          deletePod(sts, p);
          break;
        }
      }
    }
    truncateHistory(client, revs, new Set([current.metadata.name!, update.metadata.name!]), spec.revisionHistoryLimit ?? 10);
    writeStatus(sts, pods, current, update);
  }

  function createClaims(sts: KObject, ord: number): void {
    for (const pvc of claimsFor(sts, ord)) {
      if (pvcInf.get(sts.metadata.namespace, pvc.metadata.name!)) continue;
      try {
        client.create(R.persistentvolumeclaims, sts.metadata.namespace, pvc);
        recorder.event(sts, 'Normal', 'SuccessfulCreate', `create Claim ${pvc.metadata.name} Pod ${sts.metadata.name}-${ord} in StatefulSet ${sts.metadata.name} success`);
      } catch (err) {
        if (!isAlreadyExists(err)) recorder.event(sts, 'Warning', 'FailedCreate', `create Claim ${pvc.metadata.name} for Pod ${sts.metadata.name}-${ord} in StatefulSet ${sts.metadata.name} failed error: ${errorText(err)}`);
      }
    }
  }

  function deletePod(sts: KObject, p: Pod): void {
    try {
      client.delete(R.pods, p.metadata?.namespace, p.metadata!.name!);
      recorder.event(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata?.name} in StatefulSet ${sts.metadata.name} successful`);
    } catch (err) {
      if (!isNotFound(err)) recorder.event(sts, 'Warning', 'FailedDelete', `delete Pod ${p.metadata?.name} in StatefulSet ${sts.metadata.name} failed error: ${errorText(err)}`);
    }
  }

  function writeStatus(sts: KObject, pods: Pod[], current: KObject, update: KObject): void {
    const spec = sts.spec as StsSpec;
    const live = pods.filter((p) => !p.metadata?.deletionTimestamp);
    const ch = hashOf(current);
    const uh = hashOf(update);
    const st: Record<string, unknown> = {
      observedGeneration: sts.metadata.generation,
      replicas: live.length,
      readyReplicas: live.filter(isPodReady).length,
      currentReplicas: live.filter((p) => p.metadata?.labels?.[REVISION_HASH] === ch).length,
      updatedReplicas: live.filter((p) => p.metadata?.labels?.[REVISION_HASH] === uh).length,
      currentRevision: current.metadata.name,
      updateRevision: update.metadata.name,
      collisionCount: (sts.status as { collisionCount?: number } | undefined)?.collisionCount ?? 0,
      availableReplicas: live.filter((p) => isPodAvailable(p, spec.minReadySeconds ?? 0, runtime.now)).length,
    };
    // The update is complete once every replica runs the update revision and is ready.
    if (st.updatedReplicas === (spec.replicas ?? 1) && st.readyReplicas === (spec.replicas ?? 1) && st.replicas === (spec.replicas ?? 1)) {
      st.currentRevision = update.metadata.name;
      st.currentReplicas = st.updatedReplicas;
    }
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (st[k] === 0) delete st[k];
    if (deepEqual(sts.status ?? {}, st)) return;
    try {
      client.updateStatus(R.statefulsets, { ...sts, status: st });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  return { stop: () => queue.stop() };
}
