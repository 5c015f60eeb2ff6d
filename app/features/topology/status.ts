/**
 * Status of pods, nodes and workloads as the graph colours them. The pod
 * reason follows kubectl's STATUS column (printPod): the phase, overridden by
 * init and container waiting/terminated reasons, "Running" only when a
 * running container is ready, "Terminating" once deletion started.
 */

type Obj = Record<string, unknown>;

const get = (o: unknown, ...path: (string | number)[]): unknown => {
  let cur = o;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[p as string];
  }
  return cur;
};
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** StatusClass is the colour group of a graph element. */
export type StatusClass = 'running' | 'pending' | 'error' | 'completed' | 'terminating' | 'notready' | 'ready' | 'cordoned' | 'degraded' | 'ok' | 'unknown';

/** podReason is the STATUS kubectl get pods prints for a pod. */
export function podReason(pod: Obj): string {
  let reason = str(get(pod, 'status', 'reason')) ?? str(get(pod, 'status', 'phase')) ?? 'Unknown';
  const initStatuses = arr(get(pod, 'status', 'initContainerStatuses'));
  const initCount = arr(get(pod, 'spec', 'initContainers')).length;
  let initializing = false;
  initStatuses.forEach((c, i) => {
    if (initializing) return;
    const term = get(c, 'state', 'terminated') as Obj | undefined;
    const wait = get(c, 'state', 'waiting') as Obj | undefined;
    if (term && get(term, 'exitCode') === 0) return;
    if (term) {
      reason = str(term.reason) ? `Init:${term.reason}` : get(term, 'signal') ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (wait && str(wait.reason) && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
  });
  if (!initializing) {
    let hasRunning = false;
    const statuses = arr(get(pod, 'status', 'containerStatuses'));
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      const wait = get(c, 'state', 'waiting') as Obj | undefined;
      const term = get(c, 'state', 'terminated') as Obj | undefined;
      if (wait && str(wait.reason)) reason = wait.reason as string;
      else if (term && str(term.reason)) reason = term.reason as string;
      else if (term) reason = get(term, 'signal') ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (get(c, 'ready') === true && get(c, 'state', 'running')) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (get(pod, 'metadata', 'deletionTimestamp')) reason = reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

const ERROR_REASONS = /BackOff|Err|Error|Failed|OOMKilled|Invalid|ExitCode|Signal|Evicted|ContainerStatusUnknown/;

/** podClass groups a pod's STATUS into a colour. */
export function podClass(pod: Obj): StatusClass {
  const reason = podReason(pod);
  if (reason === 'Terminating') return 'terminating';
  if (reason === 'Running') {
    const statuses = arr(get(pod, 'status', 'containerStatuses'));
    return statuses.every((c) => get(c, 'ready') === true) ? 'running' : 'notready';
  }
  if (reason === 'Completed' || reason === 'Succeeded') return 'completed';
  if (ERROR_REASONS.test(reason)) return 'error';
  if (reason === 'Pending' || reason === 'ContainerCreating' || reason === 'PodInitializing' || reason.startsWith('Init:')) return 'pending';
  return 'unknown';
}

/** nodeState is a Node's STATUS as kubectl prints it, and its colour. */
export function nodeState(node: Obj): { text: string; cls: StatusClass } {
  const ready = arr(get(node, 'status', 'conditions')).find((c) => c.type === 'Ready');
  const status = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
  if (get(node, 'spec', 'unschedulable') === true) return { text: `${status},SchedulingDisabled`, cls: status === 'Ready' ? 'cordoned' : 'notready' };
  return { text: status, cls: status === 'Ready' ? 'ready' : 'notready' };
}

/** workloadState is "ready/desired" for a controller, and whether it is short of pods. */
export function workloadState(kind: string, o: Obj): { text: string; cls: StatusClass } {
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  let ready = 0;
  let want = 0;
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      want = typeof get(o, 'spec', 'replicas') === 'number' ? n(get(o, 'spec', 'replicas')) : 1;
      ready = n(get(o, 'status', 'readyReplicas'));
      break;
    case 'DaemonSet':
      want = n(get(o, 'status', 'desiredNumberScheduled'));
      ready = n(get(o, 'status', 'numberReady'));
      break;
    case 'Job':
      want = typeof get(o, 'spec', 'completions') === 'number' ? n(get(o, 'spec', 'completions')) : 1;
      ready = n(get(o, 'status', 'succeeded'));
      return { text: `${ready}/${want}`, cls: n(get(o, 'status', 'failed')) > 0 && ready < want ? 'error' : ready >= want ? 'completed' : 'pending' };
    default:
      return { text: '', cls: 'ok' };
  }
  return { text: `${ready}/${want}`, cls: ready >= want ? 'ok' : 'degraded' };
}
