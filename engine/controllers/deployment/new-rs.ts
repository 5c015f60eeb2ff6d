import type { KObject } from '../../api/types.ts';
import type { Runtime } from '../../base/runtime.ts';
import { clone } from '../../base/deep.ts';
import type { ApiClient } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { R } from '../../client/refs.ts';
import { isAlreadyExists } from '../base/errors.ts';
import { computeHash } from '../base/hash.ts';
import { controllerRefOf, newControllerRef } from '../base/owner.ts';
import { newRSNewReplicas } from './rollout.ts';
import { hasProgressDeadline, REASON } from './status.ts';
import { condition, dspec, dstatus, equalIgnoreHash, newCondition, POD_TEMPLATE_HASH, REVISION, revisionOf, rspec, setCondition, setNewReplicaSetAnnotations } from './util.ts';

/** byCreation orders ReplicaSets oldest first (then by name), as ReplicaSetsByCreationTimestamp. */
export const byCreation = (a: KObject, b: KObject) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');

/** splitRS finds the new ReplicaSet (the oldest whose template equals the deployment's, ignoring the hash) and the old ones. */
export function splitRS(d: KObject, rsList: KObject[]): [KObject | undefined, KObject[]] {
  const sorted = [...rsList].sort(byCreation);
  const newRS = sorted.find((rs) => equalIgnoreHash(rspec(rs).template, dspec(d).template));
  return [newRS, sorted.filter((rs) => rs !== newRS)];
}

/**
 * newReplicaSetSync is the new-ReplicaSet half of the deployment controller
 * (getAllReplicaSetsAndSyncRevision, getNewReplicaSet), bound to its client.
 */
export function newReplicaSetSync(client: ApiClient, recorder: EventRecorder, runtime: Runtime) {
  /**
   * getAllReplicaSetsAndSyncRevision: find (or create) the new ReplicaSet,
   * bring its revision and copied annotations up to date, and the
   * deployment's own revision annotation.
   */
  function syncRevision(d: KObject, rsList: KObject[], create: boolean): { d: KObject; newRS?: KObject; olds: KObject[] } {
    const [existing, olds] = splitRS(d, rsList);
    const newRevision = Math.max(0, ...olds.map(revisionOf)) + 1;
    let newRS: KObject | undefined;
    if (existing) {
      const copy = clone(existing);
      let changed = setNewReplicaSetAnnotations(d, copy, newRevision, true);
      if ((rspec(copy).minReadySeconds ?? 0) !== (dspec(d).minReadySeconds ?? 0)) {
        copy.spec = { ...rspec(copy), minReadySeconds: dspec(d).minReadySeconds ?? 0 };
        // a zero is omitted (omitempty), as a real ReplicaSet serialises it
        if (!dspec(d).minReadySeconds) delete (copy.spec as { minReadySeconds?: number }).minReadySeconds;
        changed = true;
      }
      newRS = changed ? client.update(R.replicasets, copy) : existing;
      const st = clone(dstatus(d));
      if (hasProgressDeadline(d) && !condition(st, 'Progressing')) {
        setCondition(st, newCondition('Progressing', 'True', REASON.foundNewRS, `Found new replica set "${newRS.metadata.name}"`, runtime.now));
        d = client.updateStatus(R.deployments, { ...d, status: st });
      }
    } else if (create) {
      newRS = createNewRS(d, olds, newRevision);
      if (!newRS) return { d, olds };
      if (hasProgressDeadline(d)) {
        const st = clone(dstatus(d));
        setCondition(st, newCondition('Progressing', 'True', REASON.newRSCreated, `Created new replica set "${newRS.metadata.name}"`, runtime.now));
        d = client.updateStatus(R.deployments, { ...d, status: st });
      }
    }
    if (newRS && d.metadata.annotations?.[REVISION] !== newRS.metadata.annotations?.[REVISION]) {
      d = client.update(R.deployments, { ...d, metadata: { ...d.metadata, annotations: { ...(d.metadata.annotations ?? {}), [REVISION]: newRS.metadata.annotations?.[REVISION] ?? '' } } });
    }
    return { d, newRS, olds };
  }

  function createNewRS(d: KObject, olds: KObject[], newRevision: number): KObject | undefined {
    const template = clone(dspec(d).template ?? {});
    const collision = dstatus(d).collisionCount;
    const hash = computeHash(template, collision);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
    const sel = clone(dspec(d).selector ?? {});
    sel.matchLabels = { ...(sel.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: template.metadata.labels, ownerReferences: [newControllerRef(d)] },
      // minReadySeconds is omitted when zero (omitempty), as a real ReplicaSet serialises it
      spec: { replicas: 0, ...(dspec(d).minReadySeconds ? { minReadySeconds: dspec(d).minReadySeconds } : {}), selector: sel, template },
    };
    const n = newRSNewReplicas(d, [...olds, rs], rs);
    (rs.spec as { replicas: number }).replicas = n;
    setNewReplicaSetAnnotations(d, rs, newRevision, false);
    try {
      const created = client.create(R.replicasets, d.metadata.namespace, rs);
      if (n > 0) recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${n}`);
      return created;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      const found = client.get(R.replicasets, d.metadata.namespace, rs.metadata.name!);
      if (controllerRefOf(found)?.uid === d.metadata.uid && equalIgnoreHash(rspec(found).template, dspec(d).template)) return found;
      // A different ReplicaSet holds the name: bump collisionCount so the next hash differs.
      client.updateStatus(R.deployments, { ...d, status: { ...dstatus(d), collisionCount: (collision ?? 0) + 1 } });
      throw err;
    }
  }

  return { syncRevision };
}
