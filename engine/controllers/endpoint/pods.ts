import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { parseTime, rfc3339 } from '../../base/clock.ts';
import { podCondition } from '../base/pods.ts';

/**
 * findPort is podutil.FindPort: a numeric targetPort is used as is; a named
 * one is looked up among the pod's container ports of the same protocol.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  }
  return undefined;
}

/** podIPs of a pod, or none yet. */
export function podIP(pod: Pod): string | undefined {
  return pod.status?.podIP || undefined;
}

/** shouldInclude is ShouldPodBeInEndpoints: pods with an IP that have not finished (terminating only when asked). */
export function shouldInclude(pod: Pod, includeTerminating: boolean): boolean {
  if (!podIP(pod)) return false;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/** hostnameFor is the endpoint hostname: set when the pod's subdomain names the (headless) service. */
export function hostnameFor(pod: Pod, svc: Service): string | undefined {
  return pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name && svc.metadata?.namespace === pod.metadata?.namespace ? pod.spec.hostname : undefined;
}

/** triggerTime is endpoints.kubernetes.io/last-change-trigger-time: the latest pod readiness change or the service's creation. */
export function triggerTime(svc: Service, pods: Pod[]): string | undefined {
  let t = parseTime(svc.metadata?.creationTimestamp) ?? 0;
  for (const p of pods) t = Math.max(t, parseTime(podCondition(p, 'Ready')?.lastTransitionTime) ?? 0, parseTime(p.metadata?.creationTimestamp) ?? 0);
  return t ? rfc3339(t) : undefined;
}
