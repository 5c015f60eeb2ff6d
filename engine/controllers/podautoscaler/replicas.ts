/** TOLERANCE is --horizontal-pod-autoscaler-tolerance: no scaling within 10% of the target. */
export const TOLERANCE = 0.1;

export interface PodUsage {
  /** used is the pod's usage (millicores, bytes) */
  used: number;
  /** requested is the sum of its containers' requests */
  requested: number;
}

/**
 * utilizationReplicas is GetResourceReplicas for a Utilization target: the
 * average utilization of the pods with metrics, and the replica count that
 * brings it to the target (unchanged within the tolerance).
 */
export function utilizationReplicas(current: number, targetUtilization: number, pods: PodUsage[]): { replicas: number; utilization: number; averageValue: number } | { error: string } {
  if (pods.length === 0) return { error: 'no metrics returned from resource metrics API' };
  if (pods.some((p) => p.requested <= 0)) return { error: 'missing request' };
  const used = pods.reduce((n, p) => n + p.used, 0);
  const req = pods.reduce((n, p) => n + p.requested, 0);
  const utilization = Math.floor((used * 100) / req);
  const ratio = (used * 100) / req / targetUtilization;
  const averageValue = Math.floor(used / pods.length);
  if (Math.abs(1 - ratio) <= TOLERANCE) return { replicas: current, utilization, averageValue };
  return { replicas: Math.ceil(ratio * pods.length), utilization, averageValue };
}

/**
 * stabilize applies the default behavior: scale-ups at most double (or +4
 * pods) per period, scale-downs use the highest recommendation of the last
 * 300 seconds (the downscale stabilization window).
 */
export function stabilize(current: number, desired: number, history: { at: number; replicas: number }[], now: number, windowMs = 300_000): number {
  if (desired > current) return Math.min(desired, Math.max(current * 2, current + 4));
  const recent = history.filter((h) => h.at > now - windowMs).map((h) => h.replicas);
  return Math.min(current, Math.max(desired, ...recent));
}
