import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import { fromLabelSelector, fromMap, matches, type Selector } from '../../base/labels.ts';
import type { ResourceRef } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { claimObjects, recheckDeletion } from '../base/claim.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { errorText, isNotFound } from '../base/errors.ts';
import { Expectations } from '../base/expectations.ts';
import { CONTROLLER_UID_INDEX, controllerRefOf, controllerUidIndex, orphanIndexKey } from '../base/owner.ts';
import { asPod, availableAfter, isPodActive, isPodReady } from '../base/pods.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import { podFromTemplate } from './pod-template.ts';
import { podsToDelete } from './rank.ts';
import { calculateStatus, sameStatus } from './status.ts';

/** BURST_REPLICAS is the most pods one sync creates or deletes (BurstReplicas). */
export const BURST_REPLICAS = 500;

/** ReplicaKind says which workload the controller drives: ReplicaSets or ReplicationControllers. */
export interface ReplicaKind {
  ref: ResourceRef;
  kind: 'ReplicaSet' | 'ReplicationController';
  component: string;
}

export const REPLICASET_KIND: ReplicaKind = { ref: R.replicasets, kind: 'ReplicaSet', component: 'replicaset-controller' };
export const RC_KIND: ReplicaKind = { ref: R.replicationcontrollers, kind: 'ReplicationController', component: 'replication-controller' };

/** selectorOf reads a ReplicaSet's label selector, or a ReplicationController's map selector. */
export function selectorOf(o: KObject): Selector {
  const sel = (o.spec as { selector?: unknown }).selector;
  if (o.kind === 'ReplicationController') return fromMap(sel as Record<string, string>);
  return fromLabelSelector(sel as never);
}

/**
 * startReplicaSetController runs pkg/controller/replicaset: it keeps
 * spec.replicas pods matching each ReplicaSet's template, adopting and
 * releasing pods by selector, and reports their counts in status.
 */
export function startReplicaSetController(ctx: ControllerContext, rk: ReplicaKind = REPLICASET_KIND): Controller {
  const { runtime, client } = ctx;
  const recorder = ctx.recorder(rk.component);
  const rsInf = ctx.informers.informer(rk.ref);
  const podInf = ctx.informers.informer(R.pods);
  // A sync looks only at the pods it controls and the namespace's orphans, as FilterPodsByOwner does, never the whole cache.
  podInf.addIndex(CONTROLLER_UID_INDEX, controllerUidIndex);
  const expectations = new Expectations(runtime);
  const queue = new WorkQueue(runtime, rk.component, sync);

  const ownerOf = (pod: KObject): KObject | undefined => {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== rk.kind) return undefined;
    const rs = rsInf.get(pod.metadata.namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  };
  const enqueueMatching = (pod: KObject) => {
    if (pod.metadata.deletionTimestamp) return;
    for (const rs of rsInf.list(pod.metadata.namespace)) if (matches(selectorOf(rs), pod.metadata.labels)) queue.add(keyOf(rs));
  };

  rsInf.on({
    add: (o) => queue.add(keyOf(o)),
    update: (_o, n) => queue.add(keyOf(n)),
    delete: (o) => {
      expectations.delete(keyOf(o));
      queue.add(keyOf(o));
    },
  });
  podInf.on({
    add: (pod) => {
      if (pod.metadata.deletionTimestamp) {
        const rs = ownerOf(pod);
        if (rs) {
          expectations.deletionObserved(keyOf(rs));
          queue.add(keyOf(rs));
        }
        return;
      }
      const rs = ownerOf(pod);
      if (rs) {
        expectations.creationObserved(keyOf(rs));
        queue.add(keyOf(rs));
      } else if (!controllerRefOf(pod)) enqueueMatching(pod);
    },
    update: (old, cur) => {
      if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
      const rs = ownerOf(cur);
      if (cur.metadata.deletionTimestamp && !old.metadata.deletionTimestamp && rs) expectations.deletionObserved(keyOf(rs));
      const oldRs = ownerOf(old);
      if (oldRs && oldRs !== rs) queue.add(keyOf(oldRs));
      if (rs) {
        queue.add(keyOf(rs));
        const mrs = (rs.spec as { minReadySeconds?: number }).minReadySeconds ?? 0;
        if (mrs > 0 && !isPodReady(asPod(old)) && isPodReady(asPod(cur))) queue.addAfter(keyOf(rs), mrs * 1000 + 1000);
      } else if (!controllerRefOf(cur)) enqueueMatching(cur);
    },
    delete: (pod) => {
      const rs = ownerOf(pod);
      if (!rs) return;
      if (!pod.metadata.deletionTimestamp) expectations.deletionObserved(keyOf(rs));
      queue.add(keyOf(rs));
    },
  });

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = rsInf.get(ns, name);
    if (!rs) {
      expectations.delete(key);
      return;
    }
    const selector = selectorOf(rs);
    // Pods controlled by others are never claimed: only this owner's pods and the orphans are candidates.
    const candidates = podInf.byIndex(CONTROLLER_UID_INDEX, rs.metadata.uid ?? '', orphanIndexKey(ns)).filter((p) => isPodActive(asPod(p)));
    const pods = claimObjects(client, R.pods, rs, selector, candidates, recheckDeletion(client, rk.ref, rs)).map(asPod);
    let manageErr: { reason: string; message: string } | undefined;
    if (expectations.satisfied(key) && !rs.metadata.deletionTimestamp) manageErr = manage(rs, key, pods);
    updateStatus(rs, key, pods, manageErr);
  }

  function manage(rs: KObject, key: string, pods: Pod[]): { reason: string; message: string } | undefined {
    const want = (rs.spec as { replicas?: number }).replicas ?? 1;
    const diff = pods.length - want;
    if (diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS);
      expectations.expect(key, n, 0);
      // slowStartBatch: batches of 1, 2, 4… so a failing template stops after one error.
      let created = 0;
      for (let batch = 1; created < n; batch = Math.min(batch * 2, n - created)) {
        const size = Math.min(batch, n - created);
        let failed: unknown;
        for (let i = 0; i < size; i++) {
          try {
            const tpl = (rs.spec as { template?: never }).template;
            const pod = client.create(R.pods, rs.metadata.namespace, podFromTemplate(tpl, rs));
            recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
          } catch (err) {
            expectations.creationObserved(key);
            recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${errorText(err)}`);
            failed ??= err;
          }
        }
        created += size;
        if (failed) {
          for (let i = created; i < n; i++) expectations.creationObserved(key);
          return { reason: 'FailedCreate', message: errorText(failed) };
        }
      }
      return undefined;
    }
    if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      const related = relatedPods(rs);
      const victims = podsToDelete(pods, related, n);
      expectations.expect(key, 0, victims.length);
      let failed: unknown;
      for (const p of victims) {
        try {
          client.delete(R.pods, p.metadata?.namespace, p.metadata?.name ?? '');
          recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata?.name}`);
        } catch (err) {
          expectations.deletionObserved(key);
          if (isNotFound(err)) continue;
          recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorText(err)}`);
          failed ??= err;
        }
      }
      if (failed) return { reason: 'FailedDelete', message: errorText(failed) };
    }
    return undefined;
  }

  /** relatedPods are the pods of every ReplicaSet sharing this one's controller (a Deployment's other ReplicaSets). */
  function relatedPods(rs: KObject): Pod[] {
    const owner = controllerRefOf(rs);
    const siblings = owner ? rsInf.list(rs.metadata.namespace).filter((o) => controllerRefOf(o)?.uid === owner.uid) : [rs];
    return podInf.byIndex(CONTROLLER_UID_INDEX, ...siblings.map((s) => s.metadata.uid ?? '')).map(asPod);
  }

  function updateStatus(rs: KObject, key: string, pods: Pod[], manageErr: { reason: string; message: string } | undefined): void {
    const now = runtime.now;
    const st = calculateStatus(rs, pods, manageErr, now);
    if (!sameStatus(rs.status as never, st)) {
      try {
        client.updateStatus(rk.ref, { ...rs, status: st });
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
    }
    // Pods that are ready but not yet available become available after minReadySeconds: look again then.
    const mrs = (rs.spec as { minReadySeconds?: number }).minReadySeconds ?? 0;
    if (mrs > 0) {
      const wait = Math.min(...pods.map((p) => availableAfter(p, mrs, now)).filter((w) => w > 0));
      if (Number.isFinite(wait)) queue.addAfter(key, wait);
    }
  }

  rsInf.start();
  podInf.start();
  return { stop: () => queue.stop() };
}
