import type { KObject } from '../../api/types.ts';
import { rfc3339 } from '../../base/clock.ts';
import type { Timer } from '../../base/runtime.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { keyOf } from '../base/workqueue.ts';
import { tolerates, type Taint, type Toleration } from '../base/node-match.ts';

export { tolerates };

/**
 * evictionDelay is the taint manager's verdict for a pod on a node: 0 to
 * evict at once (an untolerated NoExecute taint), the smallest
 * tolerationSeconds among the tolerations used, or undefined to keep it.
 */
export function evictionDelay(tolerations: Toleration[], taints: Taint[]): number | undefined {
  const noExec = taints.filter((t) => t.effect === 'NoExecute');
  if (noExec.length === 0) return undefined;
  let min: number | undefined;
  for (const taint of noExec) {
    const used = tolerations.filter((t) => tolerates(t, taint));
    if (used.length === 0) return 0;
    for (const t of used) if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) min = Math.min(min ?? Infinity, Math.max(0, t.tolerationSeconds));
  }
  return min === undefined ? undefined : min * 1000;
}

/**
 * startTaintEvictionController runs pkg/controller/tainteviction: pods on a
 * node with NoExecute taints they do not tolerate are deleted, those that
 * tolerate them for tolerationSeconds are deleted when that time is up.
 */
export function startTaintEvictionController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const recorder = ctx.recorder('taint-eviction-controller');
  const nodeInf = ctx.informers.informer(R.nodes);
  const podInf = ctx.informers.informer(R.pods);
  const scheduled = new Map<string, { at: number; timer: Timer }>();

  const cancel = (key: string, pod?: KObject) => {
    const s = scheduled.get(key);
    if (!s) return;
    s.timer.cancel();
    scheduled.delete(key);
    if (pod) recorder.event(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  };

  function processPod(pod: KObject): void {
    const key = keyOf(pod);
    const nodeName = (pod.spec as { nodeName?: string }).nodeName;
    if (!nodeName || pod.metadata.deletionTimestamp) return cancel(key);
    const node = nodeInf.get(undefined, nodeName);
    const taints = ((node?.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
    const delay = evictionDelay((pod.spec as { tolerations?: Toleration[] }).tolerations ?? [], taints);
    if (delay === undefined) return cancel(key, scheduled.has(key) ? pod : undefined);
    const at = runtime.now + delay;
    const cur = scheduled.get(key);
    if (cur && cur.at <= at) return;
    cur?.timer.cancel();
    const timer = runtime.after(delay, () => evict(key), 'taint eviction');
    scheduled.set(key, { at, timer });
  }

  function evict(key: string): void {
    scheduled.delete(key);
    const [ns, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    const pod = podInf.get(ns, name);
    if (!pod) return;
    recorder.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    try {
      const st = (pod.status ?? {}) as { conditions?: { type: string }[] };
      const conditions = [...(st.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), { type: 'DisruptionTarget', status: 'True', lastTransitionTime: rfc3339(runtime.now), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }];
      client.updateStatus(R.pods, { ...pod, status: { ...st, conditions } });
      client.delete(R.pods, ns, name);
    } catch (err) {
      if (!isNotFound(err)) runtime.onError(err, 'taint eviction');
    }
  }

  podInf.on({ add: processPod, update: (_o, n) => processPod(n), delete: (p) => cancel(keyOf(p)) });
  nodeInf.on({
    update: (o, n) => {
      if (JSON.stringify((o.spec as { taints?: unknown }).taints ?? []) === JSON.stringify((n.spec as { taints?: unknown }).taints ?? [])) return;
      for (const p of podInf.list()) if ((p.spec as { nodeName?: string }).nodeName === n.metadata.name) processPod(p);
    },
  });
  return {
    stop: () => {
      for (const s of scheduled.values()) s.timer.cancel();
      scheduled.clear();
    },
  };
}
