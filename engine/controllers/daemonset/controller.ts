import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import { clone, deepEqual } from '../../base/deep.ts';
import { fromLabelSelector } from '../../base/labels.ts';
import { R } from '../../client/refs.ts';
import { claimObjects, recheckDeletion } from '../base/claim.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { errorText, isNotFound } from '../base/errors.ts';
import { ensureRevision, hashOf, REVISION_HASH, revisionsOf, truncateHistory } from '../base/history.ts';
import { podFitsNode, type Toleration } from '../base/node-match.ts';
import { controllerRefOf } from '../base/owner.ts';
import { asPod, availableAfter, isPodAvailable, isPodReady } from '../base/pods.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import { scaledValue } from '../deployment/util.ts';
import { podFromTemplate } from '../replicaset/pod-template.ts';

/** DAEMON_TOLERATIONS are AddOrUpdateDaemonPodTolerations' additions (network-unavailable only with hostNetwork). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return t;
}

/** withDaemonTolerations adds the default tolerations a pod spec lacks (same key and effect). */
export function withDaemonTolerations(spec: Record<string, unknown>): Record<string, unknown> {
  const own = (spec.tolerations ?? []) as Toleration[];
  const add = daemonTolerations(!!spec.hostNetwork).filter((d) => !own.some((t) => t.key === d.key && t.effect === d.effect));
  return { ...spec, tolerations: [...own, ...add] };
}

/** targetNode is the node a daemon pod is for: its nodeName, or the metadata.name in its node affinity. */
function targetNode(p: Pod): string | undefined {
  if (p.spec?.nodeName) return p.spec.nodeName;
  for (const t of p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const f = t.matchFields?.find((m) => m.key === 'metadata.name' && m.operator === 'In');
    if (f?.values?.length === 1) return f.values[0];
  }
  return undefined;
}

/**
 * startDaemonSetController runs pkg/controller/daemon: one pod per eligible
 * node (nodeSelector, node affinity, taints against the pod's and the default
 * daemon tolerations), pinned with node affinity for the scheduler, a rolling
 * update by maxUnavailable, ControllerRevisions and the status counts.
 */
export function startDaemonSetController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const recorder = ctx.recorder('daemonset-controller');
  const dsInf = ctx.informers.informer(R.daemonsets);
  const podInf = ctx.informers.informer(R.pods);
  const nodeInf = ctx.informers.informer(R.nodes);
  const revInf = ctx.informers.informer(R.controllerrevisions);
  const queue = new WorkQueue(runtime, 'daemonset', sync);
  const all = () => dsInf.list().forEach((d) => queue.add(keyOf(d)));
  const onPod = (p: KObject) => {
    const ref = controllerRefOf(p);
    if (ref?.kind === 'DaemonSet') queue.add(`${p.metadata.namespace}/${ref.name}`);
  };
  dsInf.on({ add: (o) => queue.add(keyOf(o)), update: (_o, n) => queue.add(keyOf(n)) });
  podInf.on({ add: onPod, update: (_o, n) => onPod(n), delete: onPod });
  nodeInf.on({ add: all, update: (o, n) => (!deepEqual(o.metadata.labels, n.metadata.labels) || !deepEqual(o.spec, n.spec)) && all(), delete: all });

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const cached = dsInf.get(ns, name);
    if (!cached || cached.metadata.deletionTimestamp) return;
    const ds = clone(cached);
    const spec = ds.spec as { selector?: unknown; template?: { spec?: Record<string, unknown> }; minReadySeconds?: number; revisionHistoryLimit?: number; updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string } } };
    const revs = revisionsOf(revInf.list(ns), ds);
    const cur = ensureRevision(client, ds, revs);
    const hash = hashOf(cur);
    const pods = claimObjects(client, R.pods, ds, fromLabelSelector(spec.selector as never), podInf.list(ns), recheckDeletion(client, R.daemonsets, ds)).map(asPod);
    const byNode = new Map<string, Pod[]>();
    for (const p of pods) {
      const n = targetNode(p);
      if (!n || p.metadata?.deletionTimestamp) continue;
      byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    const podSpec = withDaemonTolerations(spec.template?.spec ?? {});
    const nodes = nodeInf.list();
    const mrs = spec.minReadySeconds ?? 0;
    const now = runtime.now;
    const toCreate: string[] = [];
    const toDelete: Pod[] = [];
    for (const node of nodes) {
      const should = podFitsNode(podSpec, node);
      const have = (byNode.get(node.metadata.name!) ?? []).filter((p) => p.status?.phase !== 'Failed');
      for (const p of byNode.get(node.metadata.name!) ?? []) if (p.status?.phase === 'Failed') toDelete.push(p);
      if (should && have.length === 0) toCreate.push(node.metadata.name!);
      if (!should) toDelete.push(...have);
      else if (have.length > 1) toDelete.push(...have.slice(1));
    }
    // Rolling update: replace old pods, at most maxUnavailable nodes at a time.
    if ((spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      const desired = nodes.filter((n) => podFitsNode(podSpec, n)).length;
      const maxUnavailable = Math.max(1, scaledValue(spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true));
      let unavailable = 0;
      const old: Pod[] = [];
      for (const node of nodes) {
        if (!podFitsNode(podSpec, node)) continue;
        const p = (byNode.get(node.metadata.name!) ?? [])[0];
        if (!p || !isPodAvailable(p, mrs, now)) unavailable++;
        if (p && p.metadata?.labels?.[REVISION_HASH] !== hash) old.push(p);
      }
      for (const p of old) {
        if (!isPodAvailable(p, mrs, now)) toDelete.push(p);
        else if (unavailable < maxUnavailable) {
          toDelete.push(p);
          unavailable++;
        }
      }
    }
    for (const node of toCreate) {
      const pod = podFromTemplate({ ...(spec.template ?? {}), spec: podSpec } as never, ds, { labels: { [REVISION_HASH]: hash } });
      (pod.spec as Record<string, unknown>).affinity = {
        ...(((pod.spec as Record<string, unknown>).affinity as object) ?? {}),
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } },
      };
      try {
        const created = client.create(R.pods, ns, pod);
        recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      } catch (err) {
        recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${errorText(err)}`);
      }
    }
    for (const p of new Set(toDelete)) {
      try {
        client.delete(R.pods, ns, p.metadata!.name!);
        recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata?.name}`);
      } catch (err) {
        if (!isNotFound(err)) recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${errorText(err)}`);
      }
    }
    truncateHistory(client, revs, new Set([cur.metadata.name!, ...pods.map((p) => `${name}-${p.metadata?.labels?.[REVISION_HASH]}`)]), spec.revisionHistoryLimit ?? 10);

    // Status: counted over the pods as they were at the start of this sync.
    let desired = 0, current = 0, mis = 0, ready = 0, updated = 0, available = 0;
    let wait = Infinity;
    for (const node of nodes) {
      const should = podFitsNode(podSpec, node);
      const p = (byNode.get(node.metadata.name!) ?? [])[0];
      if (should) desired++;
      if (!p) continue;
      if (!should) {
        mis++;
        continue;
      }
      current++;
      if (isPodReady(p)) ready++;
      if (isPodAvailable(p, mrs, now)) available++;
      else if (isPodReady(p)) wait = Math.min(wait, availableAfter(p, mrs, now));
      if (p.metadata?.labels?.[REVISION_HASH] === hash) updated++;
    }
    if (Number.isFinite(wait) && wait > 0) queue.addAfter(key, wait);
    const st: Record<string, unknown> = {
      currentNumberScheduled: current,
      numberMisscheduled: mis,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: updated,
      numberAvailable: available,
      numberUnavailable: desired - available,
    };
    if ((ds.status as { collisionCount?: number } | undefined)?.collisionCount !== undefined) st.collisionCount = (ds.status as { collisionCount: number }).collisionCount;
    for (const k of ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled']) if (st[k] === 0) delete st[k];
    if (deepEqual(ds.status ?? {}, st)) return;
    try {
      client.updateStatus(R.daemonsets, { ...ds, status: st });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return { stop: () => queue.stop() };
}
