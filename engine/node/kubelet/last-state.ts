import type { ContainerRecord } from '../runtime/types.ts';
import type { ContainerView } from './pod-status.ts';

/**
 * lastTerminatedOf is the instance the kubelet reports as a container's
 * lastState and serves for `kubectl logs --previous`. While the container
 * waits to be restarted (CrashLoopBackOff) that is the instance that has
 * just ended, as the kubelet moves its terminated state to lastState;
 * otherwise the instance before the current one.
 */
export function lastTerminatedOf(v: Pick<ContainerView, 'current' | 'previous' | 'waiting'>): ContainerRecord | undefined {
  const c = v.current;
  if (c && c.state === 'CONTAINER_EXITED' && v.waiting) return c;
  return v.previous && v.previous !== c ? v.previous : undefined;
}
