import type { KObject } from '../../api/types.ts';
import { rfc3339 } from '../../base/clock.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';

/** GC_PERIOD_MS is the pod garbage collector's check period (gcCheckPeriod, 20s). */
const GC_PERIOD_MS = 20_000;
/** QUARANTINE_MS is how long a node must stay missing before its pods go (quarantineTime, 40s). */
const QUARANTINE_MS = 40_000;

/**
 * startPodGarbageCollector runs pkg/controller/podgc: pods bound to nodes
 * that no longer exist are failed and force-deleted, as are unscheduled pods
 * being deleted, and finished pods beyond --terminated-pod-gc-threshold
 * (oldest first).
 */
export function startPodGarbageCollector(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const podInf = ctx.informers.informer(R.pods);
  const nodeInf = ctx.informers.informer(R.nodes);
  const threshold = ctx.options.terminatedPodGcThreshold ?? 12500;
  const missingSince = new Map<string, number>();

  const forceDelete = (p: KObject, reason?: string) => {
    try {
      if (reason) {
        const st = (p.status ?? {}) as { phase?: string; conditions?: { type: string }[] };
        const terminal = st.phase === 'Succeeded' || st.phase === 'Failed';
        const conditions = [...(st.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), { type: 'DisruptionTarget', status: 'True', lastTransitionTime: rfc3339(runtime.now), reason: 'DeletionByPodGC', message: reason }];
        client.patch(R.pods, p.metadata.namespace, p.metadata.name!, 'merge', { status: { ...(terminal ? {} : { phase: 'Failed' }), conditions } }, { sub: 'status' });
      }
      client.delete(R.pods, p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: 0 });
    } catch (err) {
      if (!isNotFound(err)) runtime.onError(err, 'podgc');
    }
  };

  function gc(): void {
    if (!podInf.synced || !nodeInf.synced) return;
    const pods = podInf.list();
    const finished = pods.filter((p) => ['Succeeded', 'Failed'].includes((p.status as { phase?: string } | undefined)?.phase ?? ''));
    if (finished.length > threshold) {
      finished.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
      for (const p of finished.slice(0, finished.length - threshold)) forceDelete(p);
    }
    for (const p of pods) {
      const node = (p.spec as { nodeName?: string }).nodeName;
      if (!node) {
        if (p.metadata.deletionTimestamp) forceDelete(p);
        continue;
      }
      if (nodeInf.get(undefined, node)) {
        missingSince.delete(node);
        continue;
      }
      const since = missingSince.get(node) ?? runtime.now;
      missingSince.set(node, since);
      if (runtime.now - since < QUARANTINE_MS) continue;
      // Check with the apiserver before deleting: the node may have come back.
      try {
        client.get(R.nodes, undefined, node);
        continue;
      } catch (err) {
        if (!isNotFound(err)) continue;
      }
      forceDelete(p, 'PodGC: node no longer exists');
    }
  }
  const timer = runtime.every(GC_PERIOD_MS, gc, 'podgc');
  return { stop: () => timer.cancel() };
}
