import type { KObject } from '../../types.ts';
import { isSet, list, rec, str } from '../../validation/util.ts';

/**
 * autoscaling/v1 ⇄ v2 conversion. Both versions share /registry/horizontalpodautoscalers;
 * the apiserver stores v2 and serves v1 through these functions. v1 keeps only the
 * CPU utilization target, as the real conversion does (other metrics are not shown in v1).
 */

function cpuMetric(metrics: unknown): Record<string, unknown> | undefined {
  return list(metrics).find((m) => str(m.type) === 'Resource' && str(rec(m.resource).name) === 'cpu');
}

/** hpaV1ToV2 converts an autoscaling/v1 object to autoscaling/v2. */
export function hpaV1ToV2(o: KObject): KObject {
  const spec = rec(o.spec);
  const status = rec(o.status);
  const { targetCPUUtilizationPercentage, ...restSpec } = spec;
  const v2Spec: Record<string, unknown> = { ...restSpec };
  if (isSet(targetCPUUtilizationPercentage)) {
    v2Spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: targetCPUUtilizationPercentage } } }];
  }
  const { currentCPUUtilizationPercentage, ...restStatus } = status;
  const v2Status: Record<string, unknown> = { ...restStatus };
  if (isSet(currentCPUUtilizationPercentage)) {
    v2Status.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: currentCPUUtilizationPercentage } } }];
  }
  return { ...o, apiVersion: 'autoscaling/v2', spec: v2Spec, ...(isSet(o.status) ? { status: v2Status } : {}) };
}

/** hpaV2ToV1 converts an autoscaling/v2 object to autoscaling/v1. */
export function hpaV2ToV1(o: KObject): KObject {
  const spec = rec(o.spec);
  const status = rec(o.status);
  const { metrics, behavior: _behavior, ...restSpec } = spec;
  const v1Spec: Record<string, unknown> = { ...restSpec };
  const cpu = cpuMetric(metrics);
  const target = rec(rec(cpu?.resource).target);
  if (cpu && isSet(target.averageUtilization)) v1Spec.targetCPUUtilizationPercentage = target.averageUtilization;
  const { currentMetrics, conditions: _conditions, ...restStatus } = status;
  const v1Status: Record<string, unknown> = { currentReplicas: 0, desiredReplicas: 0, ...restStatus };
  const cur = rec(rec(cpuMetric(currentMetrics)?.resource).current);
  if (isSet(cur.averageUtilization)) v1Status.currentCPUUtilizationPercentage = cur.averageUtilization;
  return { ...o, apiVersion: 'autoscaling/v1', spec: v1Spec, ...(isSet(o.status) ? { status: v1Status } : {}) };
}
