import type { KObject } from '../../api/types.ts';
import { parseTime, rfc3339 } from '../../base/clock.ts';
import { deepEqual } from '../../base/deep.ts';
import { fromLabelSelector, matches } from '../../base/labels.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { controllerRefOf } from '../base/owner.ts';
import { asPod, isPodReady } from '../base/pods.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import { scaledValue } from '../deployment/util.ts';

/** DELETION_TIMEOUT is how long an evicted pod may take to be deleted before the budget counts it again. */
const DELETION_TIMEOUT = 2 * 60 * 1000;

interface PdbSpec {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  selector?: unknown;
}

/**
 * startDisruptionController runs pkg/controller/disruption: each
 * PodDisruptionBudget reports its healthy pods, how many it needs and how
 * many disruptions (evictions) are allowed right now.
 */
export function startDisruptionController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const pdbInf = ctx.informers.informer(R.poddisruptionbudgets);
  const podInf = ctx.informers.informer(R.pods);
  const refs = { ReplicaSet: ctx.informers.informer(R.replicasets), Deployment: ctx.informers.informer(R.deployments), StatefulSet: ctx.informers.informer(R.statefulsets), ReplicationController: ctx.informers.informer(R.replicationcontrollers) };
  const recorder = ctx.recorder('controllermanager');
  const queue = new WorkQueue(runtime, 'disruption', sync);
  const onPod = (p: KObject) => pdbInf.list(p.metadata.namespace).forEach((b) => matches(fromLabelSelector((b.spec as PdbSpec).selector as never), p.metadata.labels) && queue.add(keyOf(b)));
  pdbInf.on({ add: (o) => queue.add(keyOf(o)), update: (_o, n) => queue.add(keyOf(n)) });
  podInf.on({ add: onPod, update: (o, n) => (onPod(o), onPod(n)), delete: onPod });
  const onScale = (o: KObject) => pdbInf.list(o.metadata.namespace).forEach((b) => queue.add(keyOf(b)));
  for (const inf of Object.values(refs)) inf.on({ update: onScale });

  /** scaleOf finds the replicas of a pod's controller (a Deployment's, for its ReplicaSets), as getExpectedScale does. */
  function scaleOf(pod: KObject): [string, number] | undefined {
    const ref = controllerRefOf(pod);
    if (!ref) return undefined;
    const inf = refs[ref.kind as keyof typeof refs];
    const owner = inf?.get(pod.metadata.namespace, ref.name);
    if (!owner || owner.metadata.uid !== ref.uid) return undefined;
    if (ref.kind === 'ReplicaSet') {
      const d = controllerRefOf(owner);
      const dep = d?.kind === 'Deployment' ? refs.Deployment.get(pod.metadata.namespace, d.name) : undefined;
      if (dep && dep.metadata.uid === d!.uid) return [dep.metadata.uid!, (dep.spec as { replicas?: number }).replicas ?? 1];
    }
    return [owner.metadata.uid!, (owner.spec as { replicas?: number }).replicas ?? 1];
  }

  /**
   * disruptedPods is buildDisruptedPodMap: the pods an eviction has taken from
   * the budget stay uncounted until they are deleted, or for DELETION_TIMEOUT
   * if they never are (then a NotDeleted warning, and they count again).
   */
  function disruptedPods(pdb: KObject, pods: KObject[]): Record<string, string> {
    const out: Record<string, string> = {};
    const map = (pdb.status as { disruptedPods?: Record<string, string> } | undefined)?.disruptedPods ?? {};
    for (const [name, at] of Object.entries(map)) {
      const pod = pods.find((p) => p.metadata.name === name);
      if (!pod || pod.metadata.deletionTimestamp) continue;
      const expires = (parseTime(at) ?? 0) + DELETION_TIMEOUT;
      if (expires < runtime.now) {
        recorder.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`);
        continue;
      }
      out[name] = at;
      queue.addAfter(keyOf(pdb), expires - runtime.now + 1);
    }
    return out;
  }

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pdb = pdbInf.get(ns, name);
    if (!pdb) return;
    const spec = pdb.spec as PdbSpec;
    const sel = fromLabelSelector(spec.selector as never);
    const pods = podInf.list(ns).filter((p) => matches(sel, p.metadata.labels));
    const disrupted = disruptedPods(pdb, pods);
    const healthy = pods.filter((p) => !p.metadata.deletionTimestamp && !(p.metadata.name! in disrupted) && isPodReady(asPod(p))).length;
    let expected = pods.length;
    let desired = 0;
    const byScale = () => {
      const seen = new Map<string, number>();
      for (const p of pods) {
        const s = scaleOf(p);
        if (s) seen.set(s[0], s[1]);
      }
      return [...seen.values()].reduce((a, b) => a + b, 0);
    };
    if (spec.maxUnavailable !== undefined) {
      expected = byScale();
      desired = Math.max(0, expected - scaledValue(spec.maxUnavailable, expected, true));
    } else if (typeof spec.minAvailable === 'string' && spec.minAvailable.endsWith('%')) {
      expected = byScale();
      desired = scaledValue(spec.minAvailable, expected, true);
    } else {
      desired = Number(spec.minAvailable ?? 0);
    }
    const allowed = Math.max(0, healthy - desired);
    const old = (pdb.status ?? {}) as { conditions?: { type: string; status: string; reason: string; lastTransitionTime?: string }[] };
    const prev = old.conditions?.find((c) => c.type === 'DisruptionAllowed');
    const cond = allowed > 0 ? { status: 'True', reason: 'SufficientPods' } : { status: 'False', reason: 'InsufficientPods' };
    const status: Record<string, unknown> = {
      conditions: [{ type: 'DisruptionAllowed', status: cond.status, observedGeneration: pdb.metadata.generation, lastTransitionTime: prev?.status === cond.status ? prev.lastTransitionTime : rfc3339(runtime.now), reason: cond.reason, message: '' }],
      currentHealthy: healthy,
      desiredHealthy: desired,
      disruptionsAllowed: allowed,
      expectedPods: expected,
      observedGeneration: pdb.metadata.generation,
    };
    if (Object.keys(disrupted).length) status.disruptedPods = disrupted;
    if (deepEqual(pdb.status ?? {}, status)) return;
    try {
      client.updateStatus(R.poddisruptionbudgets, { ...pdb, status });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return { stop: () => queue.stop() };
}
