import { rfc3339 } from '../../base/clock.ts';
import type { KObject } from '../../api/types.ts';
import type { ContainerRecord } from '../runtime/types.ts';
import type { Container, PodSpec } from './types.ts';
import { lastTerminatedOf } from './last-state.ts';

/** ContainerView is what the kubelet knows of one spec container when it writes status. */
export interface ContainerView {
  spec: Container;
  current?: ContainerRecord;
  /** the previous instance (for lastState) */
  previous?: ContainerRecord;
  restartCount: number;
  /** waiting reason/message when the container is not running (ContainerCreating, ErrImagePull, CrashLoopBackOff…) */
  waiting?: { reason: string; message?: string };
  ready: boolean;
  started: boolean;
  imageName?: string;
  imageID?: string;
}

/** PodView is the kubelet's whole picture of a pod for status. */
export interface PodView {
  pod: KObject;
  spec: PodSpec;
  sandboxReady: boolean;
  podIP?: string;
  hostIP: string;
  startTime?: number;
  init: ContainerView[];
  containers: ContainerView[];
  /** ephemeral containers (kubectl debug), reported apart and never counted for readiness */
  ephemeral?: ContainerView[];
  /** previous conditions, to keep lastTransitionTime of unchanged ones */
  previous?: { type: string; status: string; lastTransitionTime?: string }[];
  now: number;
  /** terminal phase decided by the kubelet (deleted pods, Never/OnFailure completions) */
  phase?: string;
}

function terminated(c: ContainerRecord): Record<string, unknown> {
  const t: Record<string, unknown> = {
    containerID: `containerd://${c.id}`,
    exitCode: c.exitCode ?? 0,
    finishedAt: rfc3339(c.finishedAt ?? c.createdAt),
  };
  if (c.message && c.reason === 'StartError') t.message = c.message;
  t.reason = c.reason ?? (c.exitCode === 0 ? 'Completed' : 'Error');
  t.startedAt = c.reason === 'StartError' ? '1970-01-01T00:00:00Z' : rfc3339(c.startedAt ?? c.createdAt);
  return t;
}

function containerStatus(v: ContainerView, pod: KObject, pendingReason = 'ContainerCreating'): Record<string, unknown> {
  const c = v.current;
  let state: Record<string, unknown>;
  if (c && c.state === 'CONTAINER_RUNNING') state = { running: { startedAt: rfc3339(c.startedAt ?? c.createdAt) } };
  else if (v.waiting) state = { waiting: v.waiting.message ? { message: v.waiting.message, reason: v.waiting.reason } : { reason: v.waiting.reason } };
  else if (c && c.state === 'CONTAINER_EXITED') state = { terminated: terminated(c) };
  else state = { waiting: { reason: pendingReason } };
  const ended = lastTerminatedOf(v);
  const last = ended ? { terminated: terminated(ended) } : {};
  const out: Record<string, unknown> = {};
  if (c) out.containerID = `containerd://${c.id}`;
  out.image = v.imageName ?? v.spec.image;
  out.imageID = v.imageID ?? '';
  out.lastState = last;
  out.name = v.spec.name;
  out.ready = v.ready;
  out.restartCount = v.restartCount;
  out.started = v.started;
  out.state = state;
  const mounts = (v.spec.volumeMounts ?? []).map((m) => {
    const o: Record<string, unknown> = { mountPath: m.mountPath, name: m.name };
    if (m.readOnly) {
      o.readOnly = true;
      o.recursiveReadOnly = 'Disabled';
    }
    return o;
  });
  if (mounts.length > 0) out.volumeMounts = mounts;
  void pod;
  return out;
}

/** isSidecar tells a native sidecar: an init container with restartPolicy Always (it keeps running beside the app). */
export function isSidecar(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

/** initComplete tells whether an init container no longer holds the pod back (completed, or a sidecar that runs). */
export function initComplete(c: ContainerView): boolean {
  if (isSidecar(c.spec)) return c.current?.state === 'CONTAINER_RUNNING' || (!!c.current && c.restartCount > 0) || !!c.previous;
  return c.current?.state === 'CONTAINER_EXITED' && c.current.exitCode === 0;
}

/** qosClass classifies a pod as the kubelet and apiserver do. */
export function qosClass(spec: PodSpec): string {
  const all = [...spec.containers, ...(spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const lim = c.resources?.limits ?? {};
    const req = { ...lim, ...(c.resources?.requests ?? {}) };
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const r of ['cpu', 'memory']) if (!lim[r] || req[r] !== lim[r]) guaranteed = false;
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** phaseOf is the kubelet's getPhase over the container statuses. */
export function phaseOf(v: PodView): string {
  if (v.phase) return v.phase;
  const policy = v.spec.restartPolicy ?? 'Always';
  const initDone = v.init.every(initComplete);
  if (!initDone) {
    const failed = v.init.some((c) => !isSidecar(c.spec) && c.current?.state === 'CONTAINER_EXITED' && c.current.exitCode !== 0);
    return failed && policy === 'Never' ? 'Failed' : 'Pending';
  }
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of v.containers) {
    const cur = c.current;
    if (cur?.state === 'CONTAINER_RUNNING') running++;
    else if (cur?.state === 'CONTAINER_EXITED') {
      stopped++;
      if (cur.exitCode === 0) succeeded++;
    } else if (c.previous) {
      stopped++;
      if (c.previous.exitCode === 0) succeeded++;
    } else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === v.containers.length && stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (policy === 'OnFailure') return stopped === succeeded ? 'Succeeded' : 'Running';
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

/** buildPodStatus writes the status the way the kubelet's generateAPIPodStatus does. */
export function buildPodStatus(v: PodView): Record<string, unknown> {
  const phase = phaseOf(v);
  const t = rfc3339(v.now);
  const prev = new Map((v.previous ?? []).map((c) => [c.type, c]));
  const cond = (type: string, status: boolean, reason?: string, message?: string) => {
    const s = status ? 'True' : 'False';
    const p = prev.get(type);
    const c: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime: p && p.status === s && p.lastTransitionTime ? p.lastTransitionTime : t };
    if (message) c.message = message;
    if (reason) c.reason = reason;
    c.status = s;
    c.type = type;
    return c;
  };
  const completed = phase === 'Succeeded' || phase === 'Failed';
  const notInit = v.init.filter((c) => !initComplete(c)).map((c) => c.spec.name);
  const notReady = [...v.init.filter((c) => isSidecar(c.spec)), ...v.containers].filter((c) => !c.ready).map((c) => c.spec.name);
  const conditions = [
    cond('PodReadyToStartContainers', v.sandboxReady),
    completed && phase === 'Succeeded'
      ? cond('Initialized', true, 'PodCompleted')
      : cond('Initialized', notInit.length === 0, notInit.length ? 'ContainersNotInitialized' : undefined, notInit.length ? `containers with incomplete status: [${notInit.join(' ')}]` : undefined),
    completed ? cond('Ready', false, 'PodCompleted') : cond('Ready', notReady.length === 0, notReady.length ? 'ContainersNotReady' : undefined, notReady.length ? `containers with unready status: [${notReady.join(' ')}]` : undefined),
    completed ? cond('ContainersReady', false, 'PodCompleted') : cond('ContainersReady', notReady.length === 0, notReady.length ? 'ContainersNotReady' : undefined, notReady.length ? `containers with unready status: [${notReady.join(' ')}]` : undefined),
    cond('PodScheduled', true),
  ];
  const pendingReason = notInit.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const out: Record<string, unknown> = { conditions, containerStatuses: v.containers.map((c) => containerStatus(c, v.pod, pendingReason)), hostIP: v.hostIP, hostIPs: [{ ip: v.hostIP }] };
  if (v.init.length > 0) out.initContainerStatuses = v.init.map((c) => containerStatus(c, v.pod));
  if (v.ephemeral?.length) out.ephemeralContainerStatuses = v.ephemeral.map((c) => containerStatus(c, v.pod));
  out.phase = phase;
  if (v.podIP) {
    out.podIP = v.podIP;
    out.podIPs = [{ ip: v.podIP }];
  }
  out.qosClass = qosClass(v.spec);
  if (v.startTime !== undefined) out.startTime = rfc3339(v.startTime);
  return out;
}
