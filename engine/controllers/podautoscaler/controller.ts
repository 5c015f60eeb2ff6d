import type { KObject } from '../../api/types.ts';
import { rfc3339 } from '../../base/clock.ts';
import { deepEqual } from '../../base/deep.ts';
import { parseSelector } from '../../base/labels.ts';
import { matches } from '../../base/labels.ts';
import { quantityOf } from '../../base/quantity.ts';
import { refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { errorText, isNotFound } from '../base/errors.ts';
import { asPod, isPodReady } from '../base/pods.ts';
import { keyOf } from '../base/workqueue.ts';
import { stabilize, utilizationReplicas, type PodUsage } from './replicas.ts';

/** SYNC_PERIOD_MS is --horizontal-pod-autoscaler-sync-period. */
export const SYNC_PERIOD_MS = 15_000;

/** PodMetricsSource is where the autoscaler reads pod usage (the resource metrics API): millicores and bytes. */
export interface PodMetricsSource {
  usage(namespace: string, pod: string): { cpu?: number; memory?: number } | undefined;
}

interface Condition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason: string;
  message: string;
}
interface MetricSpec {
  type: string;
  resource?: { name: string; target: { type: string; averageUtilization?: number } };
}

const PLURALS: Record<string, string> = { Deployment: 'deployments', ReplicaSet: 'replicasets', StatefulSet: 'statefulsets', ReplicationController: 'replicationcontrollers' };

/**
 * startHorizontalPodAutoscaler runs pkg/controller/podautoscaler for
 * Resource utilization metrics: every sync period it reads the target's scale,
 * the pods' usage from the metrics source, computes the replica count with
 * the tolerance and the default behavior, and reports the real conditions.
 */
export function startHorizontalPodAutoscaler(ctx: ControllerContext, metrics?: PodMetricsSource): Controller {
  const { client, runtime } = ctx;
  const recorder = ctx.recorder('horizontal-pod-autoscaler');
  const hpaInf = ctx.informers.informer(R.horizontalpodautoscalers);
  const podInf = ctx.informers.informer(R.pods);
  const history = new Map<string, { at: number; replicas: number }[]>();
  hpaInf.on({ add: (o) => runtime.after(0, () => reconcile(keyOf(o)), 'hpa') });
  const timer = runtime.every(SYNC_PERIOD_MS, () => hpaInf.list().forEach((h) => reconcile(keyOf(h))), 'hpa sync');

  function reconcile(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const hpa = hpaInf.get(ns, name);
    if (!hpa) return;
    try {
      sync(hpa);
    } catch (err) {
      runtime.onError(err, 'hpa');
    }
  }

  function sync(hpa: KObject): void {
    const ns = hpa.metadata.namespace!;
    const spec = hpa.spec as { scaleTargetRef: { apiVersion?: string; kind: string; name: string }; minReplicas?: number; maxReplicas: number; metrics?: MetricSpec[] };
    const old = (hpa.status ?? {}) as { conditions?: Condition[]; lastScaleTime?: string; currentReplicas?: number; desiredReplicas?: number };
    const now = runtime.now;
    const conds: Condition[] = [];
    const set = (type: string, status: string, reason: string, message: string) => {
      const prev = old.conditions?.find((c) => c.type === type);
      conds.push({ type, status, lastTransitionTime: prev?.status === status ? prev.lastTransitionTime : rfc3339(now), reason, message });
    };
    const target = spec.scaleTargetRef;
    const ref = refOf(target.apiVersion ?? 'apps/v1', PLURALS[target.kind] ?? `${target.kind.toLowerCase()}s`, true);
    let scale: KObject;
    try {
      scale = client.get(ref, ns, target.name, 'scale');
    } catch (err) {
      const msg = `the HPA controller was unable to get the target's current scale: ${errorText(err)}`;
      recorder.event(hpa, 'Warning', 'FailedGetScale', errorText(err));
      set('AbleToScale', 'False', 'FailedGetScale', msg);
      return writeStatus(hpa, { ...old, conditions: conds });
    }
    const current = (scale.spec as { replicas?: number }).replicas ?? 0;
    const selector = parseSelector((scale.status as { selector?: string }).selector ?? '');
    const minR = spec.minReplicas ?? 1;
    const metric = (spec.metrics ?? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]).find((m) => m.type === 'Resource' && m.resource?.target.type === 'Utilization');
    const resName = metric?.resource?.name ?? 'cpu';
    const pods = podInf.list(ns).filter((p) => matches(selector, p.metadata.labels) && !p.metadata.deletionTimestamp && (p.status as { phase?: string }).phase === 'Running' && isPodReady(asPod(p)));
    const usages: PodUsage[] = [];
    for (const p of pods) {
      const u = metrics?.usage(ns, p.metadata.name!);
      const used = resName === 'cpu' ? u?.cpu : u?.memory;
      if (used === undefined) continue;
      let requested = 0;
      for (const c of ((p.spec as { containers?: { resources?: { requests?: Record<string, string> } }[] }).containers ?? [])) {
        const r = c.resources?.requests?.[resName];
        if (r) requested += resName === 'cpu' ? quantityOf(r).milliValue() : quantityOf(r).value();
      }
      usages.push({ used, requested });
    }
    const rec = current === 0 ? { error: 'scaling is disabled since the replica count of the target is zero' } : utilizationReplicas(current, metric?.resource?.target.averageUtilization ?? 80, usages);
    if ('error' in rec) {
      const inner = `failed to get ${resName} utilization: unable to get metrics for resource ${resName}: ${rec.error}`;
      recorder.event(hpa, 'Warning', 'FailedGetResourceMetric', inner);
      recorder.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of 1), first error is: failed to get ${resName} resource metric value: ${inner}`);
      set('AbleToScale', 'True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale');
      set('ScalingActive', 'False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: ${inner}`);
      return writeStatus(hpa, { ...old, currentReplicas: current, desiredReplicas: old.desiredReplicas ?? 0, currentMetrics: undefined, conditions: conds });
    }
    const hist = (history.get(keyOf(hpa)) ?? []).filter((h) => h.at > now - 300_000);
    hist.push({ at: now, replicas: rec.replicas });
    history.set(keyOf(hpa), hist);
    let desired = stabilize(current, rec.replicas, hist, now);
    let limited: [string, string] = ['DesiredWithinRange', 'the desired count is within the acceptable range'];
    if (desired > spec.maxReplicas) {
      desired = spec.maxReplicas;
      limited = ['TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
    } else if (desired < minR) {
      desired = minR;
      limited = ['TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
    }
    let lastScaleTime = old.lastScaleTime;
    if (desired !== current) {
      client.update(ref, { ...scale, spec: { ...(scale.spec as object), replicas: desired } }, {}, 'scale');
      const why = desired > current ? `${resName} resource utilization (percentage of request) above target` : 'All metrics below target';
      recorder.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${why}`);
      set('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
      lastScaleTime = rfc3339(now);
    } else if (rec.replicas < current) {
      set('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation');
    } else {
      set('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
    }
    set('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${resName} resource utilization (percentage of request)`);
    set('ScalingLimited', limited[0] === 'DesiredWithinRange' ? 'False' : 'True', limited[0], limited[1]);
    writeStatus(hpa, {
      currentMetrics: [{ type: 'Resource', resource: { name: resName, current: { averageUtilization: rec.utilization, averageValue: resName === 'cpu' ? `${rec.averageValue}m` : String(rec.averageValue) } } }],
      currentReplicas: current,
      desiredReplicas: desired,
      ...(lastScaleTime ? { lastScaleTime } : {}),
      conditions: conds,
    });
  }

  function writeStatus(hpa: KObject, status: Record<string, unknown>): void {
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    if (deepEqual(hpa.status ?? {}, status)) return;
    try {
      client.updateStatus(R.horizontalpodautoscalers, { ...hpa, status });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return { stop: () => timer.cancel() };
}
