import type { KObject } from '../../api/types.ts';
import { parseTime, rfc3339 } from '../../base/clock.ts';
import type { Timer } from '../../base/runtime.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { reconcileTaints, type Taint } from './taints.ts';

/** NODE_MONITOR_PERIOD_MS is --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5000;
/** NODE_MONITOR_GRACE_MS is --node-monitor-grace-period's default (40s in 1.33+: 50s before). */
export const NODE_MONITOR_GRACE_MS = 40_000;
const HEALTH_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/**
 * startNodeLifecycleController runs pkg/controller/nodelifecycle: every
 * node-monitor-period it checks each node's last heartbeat (node status or
 * its Lease in kube-node-lease); past the grace period the node's conditions
 * go Unknown ("Kubelet stopped posting node status."), its pods are marked
 * not Ready, and the not-ready/unreachable taints follow the Ready condition.
 */
export function startNodeLifecycleController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const grace = ctx.options.nodeMonitorGracePeriodMs ?? NODE_MONITOR_GRACE_MS;
  const recorder = ctx.recorder('node-controller');
  const nodeInf = ctx.informers.informer(R.nodes);
  const leaseInf = ctx.informers.informer(R.leases, { namespace: 'kube-node-lease' });
  const podInf = ctx.informers.informer(R.pods);
  /** probe remembers, per node, the last heartbeat seen and when the controller saw it change. */
  const probe = new Map<string, { heartbeat: string; lease: string; at: number }>();
  const known = new Set<string>();
  const alive = new Set<string>();

  nodeInf.on({
    add: (n) => {
      reconcile(n);
      if (known.has(n.metadata.name!)) return;
      known.add(n.metadata.name!);
      recorder.event(n, 'Normal', 'RegisteredNode', `Node ${n.metadata.name} event: Registered Node ${n.metadata.name} in Controller`);
    },
    update: (_o, n) => reconcile(n),
    delete: (n) => {
      known.delete(n.metadata.name!);
      alive.delete(n.metadata.name!);
      probe.delete(n.metadata.name!);
    },
  });

  function monitor(): void {
    if (!nodeInf.synced) return;
    for (const n of nodeInf.list()) {
      try {
        checkHealth(n);
        // The taints follow the conditions on every pass too, so one failed patch is not final.
        reconcile(nodeInf.get(undefined, n.metadata.name!) ?? n);
      } catch (err) {
        runtime.onError(err, 'node-lifecycle');
      }
    }
  }

  function checkHealth(node: KObject): void {
    const name = node.metadata.name!;
    const conds = ((node.status as { conditions?: NodeCondition[] } | undefined)?.conditions ?? []).map((c) => ({ ...c }));
    const ready = conds.find((c) => c.type === 'Ready');
    const lease = (leaseInf.get('kube-node-lease', name)?.spec as { renewTime?: string } | undefined)?.renewTime ?? '';
    const heartbeat = ready?.lastHeartbeatTime ?? '';
    const prev = probe.get(name);
    if (!prev || prev.heartbeat !== heartbeat || prev.lease !== lease) {
      // A node is watched once its kubelet shows signs of life (a Lease, or a heartbeat that moves):
      // Node objects registered without any kubelet behind them are left as they are.
      if (prev || lease) alive.add(name);
      probe.set(name, { heartbeat, lease, at: runtime.now });
      return;
    }
    if (!alive.has(name)) return;
    if (runtime.now <= prev.at + grace) return;
    const now = rfc3339(runtime.now);
    let changed = false;
    if (!ready) {
      for (const type of HEALTH_CONDITIONS) {
        conds.push({ type, status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp ?? now, lastTransitionTime: now, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
      }
      changed = true;
    } else {
      for (const c of conds) {
        if (!HEALTH_CONDITIONS.includes(c.type) || c.status === 'Unknown') continue;
        Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now });
        changed = true;
      }
    }
    if (!changed) return;
    try {
      const updated = client.updateStatus(R.nodes, { ...node, status: { ...(node.status as object), conditions: conds } });
      recorder.event(updated, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      markPodsNotReady(name);
      reconcile(updated);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /** markPodsNotReady is MarkPodsNotReady: the pods of an unresponsive node stop being Ready. */
  function markPodsNotReady(node: string): void {
    const now = rfc3339(runtime.now);
    for (const p of podInf.list()) {
      if ((p.spec as { nodeName?: string }).nodeName !== node) continue;
      const st = (p.status ?? {}) as { conditions?: NodeCondition[] };
      const conds = (st.conditions ?? []).map((c) => (c.type === 'Ready' && c.status !== 'False' ? { ...c, status: 'False', lastTransitionTime: now } : c));
      if (!conds.some((c, i) => c !== st.conditions![i])) continue;
      recorder.event(p, 'Warning', 'NodeNotReady', 'Node is not ready');
      try {
        client.updateStatus(R.pods, { ...p, status: { ...st, conditions: conds } });
      } catch (err) {
        if (!isNotFound(err)) runtime.onError(err, 'mark pods not ready');
      }
    }
  }

  /** reconcile brings the node's managed taints in line with its conditions. */
  function reconcile(node: KObject): void {
    const spec = (node.spec ?? {}) as { taints?: Taint[]; unschedulable?: boolean };
    const conds = (node.status as { conditions?: NodeCondition[] } | undefined)?.conditions ?? [];
    if (!conds.some((c) => c.type === 'Ready')) return;
    const next = reconcileTaints(spec.taints ?? [], conds, !!spec.unschedulable, rfc3339(runtime.now));
    if (!next) return;
    try {
      client.patch(R.nodes, undefined, node.metadata.name!, 'merge', { spec: { taints: next.length ? next : null } });
    } catch (err) {
      if (!isNotFound(err)) runtime.onError(err, 'node taints');
    }
  }

  const timer: Timer = runtime.every(NODE_MONITOR_PERIOD_MS, monitor, 'node-lifecycle monitor');
  return { stop: () => timer.cancel() };
}

/** heartbeatAge is how long ago the node last reported (for tests and tools). */
export function heartbeatAge(node: KObject, now: number): number | undefined {
  const hb = ((node.status as { conditions?: NodeCondition[] } | undefined)?.conditions ?? []).find((c) => c.type === 'Ready')?.lastHeartbeatTime;
  const t = parseTime(hb);
  return t === undefined ? undefined : now - t;
}
