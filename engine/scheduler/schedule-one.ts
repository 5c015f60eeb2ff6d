import type { Pod } from 'kubernetes-types/core/v1';
import type { Runtime } from '../base/runtime.ts';
import type { KObject } from '../api/types.ts';
import type { ApiClient } from '../client/client.ts';
import type { Cache } from './cache/cache.ts';
import { CycleState } from './framework/cycle-state.ts';
import type { FitError } from './framework/fit-error.ts';
import type { Framework } from './framework/framework.ts';
import type { NominatingInfo, PreBindWait, QueuedPodInfo } from './framework/interfaces.ts';
import { PodInfo } from './framework/pod-info.ts';
import { asStatus, Code, ok, Status } from './framework/status.ts';
import { Action } from './framework/events.ts';
import { ERR_NO_NODES_AVAILABLE, schedulePod, StatusFailure, type FindResult, type SearchState } from './find-nodes.ts';
import { truncateMessage, updatePodStatus } from './pod-status.ts';
import type { SchedulingQueue } from './queue/scheduling-queue.ts';
import type { VerdictRecorder } from './recorder/verdicts.ts';

/** Core is what a scheduling cycle works with. */
export interface Core {
  runtime: Runtime;
  client: ApiClient;
  cache: Cache;
  queue: SchedulingQueue;
  search: SearchState;
  verdicts: VerdictRecorder;
  frameworkFor(pod: Pod): Framework | undefined;
  livePod(namespace: string | undefined, name: string): Pod | undefined;
  /** event records an events.k8s.io event from the pod's profile. */
  event(fw: Framework, regarding: Pod, type: 'Normal' | 'Warning', reason: string, action: string, note: string): void;
}

const CLEAR_NOMINATED: NominatingInfo = { nominatedNodeName: '', mode: 'Override' };

function regarding(p: Pod): Pod {
  return { apiVersion: 'v1', kind: 'Pod', ...p } as Pod;
}

/**
 * scheduleOne is ScheduleOne for one popped pod: the scheduling cycle
 * (filter, score, pick a node, or PostFilter/preemption when none fits),
 * then — for a chosen node — assume, reserve and the binding cycle.
 */
export function scheduleOne(core: Core, q: QueuedPodInfo): void {
  const pi = q.podInfo;
  const pod = pi.pod;
  const fw = core.frameworkFor(pod);
  if (!fw || pod.metadata?.deletionTimestamp || core.cache.isAssumed(pi.uid)) {
    core.queue.done(pi.uid);
    return;
  }
  const state = new CycleState();
  let result;
  try {
    result = schedulePod(fw, core.search, state, pi, core.runtime.rand);
  } catch (e) {
    failure(core, fw, q, e instanceof StatusFailure ? e.status : asStatus(e), CLEAR_NOMINATED);
    return;
  }
  if ('noNodes' in result) {
    failure(core, fw, q, new Status(Code.UnschedulableAndUnresolvable, [ERR_NO_NODES_AVAILABLE]), CLEAR_NOMINATED);
    return;
  }
  if ('fitError' in result) {
    unschedulable(core, fw, state, q, result.fitError, result.find);
    return;
  }
  const host = result.host;
  const assumed = new PodInfo({ ...pod, spec: { ...pod.spec!, nodeName: host } }, pi);
  core.cache.assumePod(assumed, host);
  try {
    const reserved = fw.runReservePluginsReserve(state, assumed, host);
    if (!ok(reserved)) {
      fw.runReservePluginsUnreserve(state, assumed, host);
      core.cache.forgetPod(pi.uid);
      failure(core, fw, q, reserved!, CLEAR_NOMINATED);
      return;
    }
    bindingCycle(core, fw, state, q, assumed, host);
  } catch (e) {
    // A plugin bug must not leave the pod assumed and in flight forever.
    bindingFailure(core, fw, state, q, assumed, host, asStatus(e));
  }
}

function unschedulable(core: Core, fw: Framework, state: CycleState, q: QueuedPodInfo, fitError: FitError, find: FindResult): void {
  let nominating: NominatingInfo | null = null;
  if (fw.hasPostFilterPlugins()) {
    try {
      const out = fw.runPostFilterPlugins(state, q.podInfo, fitError.diagnosis.nodeToStatus);
      fitError.diagnosis.postFilterMsg = out.status?.message() ?? '';
      nominating = out.result;
    } catch (e) {
      fitError.diagnosis.postFilterMsg = (e as Error).message;
    }
  }
  q.unschedulablePlugins = fitError.diagnosis.unschedulablePlugins;
  q.pendingPlugins = fitError.diagnosis.pendingPlugins;
  const message = fitError.text();
  core.verdicts.diagnose(q.podInfo, state, fw.snapshot.list(), fw.filters, core.runtime.now, message, find.preFilterStatus);
  failure(core, fw, q, new Status(Code.Unschedulable, [message]), nominating);
}

/**
 * failure is handleSchedulingFailure: requeue the pod (unless it is gone or
 * bound meanwhile), record the nomination, emit FailedScheduling and set
 * PodScheduled=False (Unschedulable, or SchedulerError for errors).
 */
export function failure(core: Core, fw: Framework, q: QueuedPodInfo, status: Status, nominating: NominatingInfo | null): void {
  const pod = q.podInfo.pod;
  const reason = status.isRejected() ? 'Unschedulable' : 'SchedulerError';
  const message = status.message();
  const live = core.livePod(pod.metadata?.namespace, pod.metadata?.name ?? '');
  if (!live || live.metadata?.uid !== pod.metadata?.uid || live.spec?.nodeName) core.queue.done(q.podInfo.uid);
  else {
    q.podInfo = new PodInfo(live);
    core.queue.addUnschedulableIfNotPresent(q);
  }
  core.queue.nominator.add(new PodInfo(live ?? pod), nominating);
  core.event(fw, pod, 'Warning', 'FailedScheduling', 'Scheduling', truncateMessage(message));
  updatePodStatus(core.client, live ?? pod, { status: 'False', reason, message }, nominating, core.runtime.now);
}

function bindingFailure(core: Core, fw: Framework, state: CycleState, q: QueuedPodInfo, assumed: PodInfo, host: string, status: Status): void {
  fw.runReservePluginsUnreserve(state, assumed, host);
  core.cache.forgetPod(assumed.uid);
  const event = { resource: 'AssignedPod' as const, action: Action.Delete, label: 'AssignedPodDelete' };
  core.queue.moveAllToActiveOrBackoffQueue(event, assumed.pod, undefined, status.isRejected() ? assumed.uid : undefined);
  failure(core, fw, q, status, CLEAR_NOMINATED);
}

function bind(core: Core, fw: Framework, state: CycleState, q: QueuedPodInfo, assumed: PodInfo, host: string): void {
  const s = fw.runBindPlugins(state, assumed, host);
  if (!ok(s)) {
    bindingFailure(core, fw, state, q, assumed, host, s!);
    return;
  }
  const pod = q.podInfo.pod;
  core.event(fw, pod, 'Normal', 'Scheduled', 'Binding', `Successfully assigned ${pod.metadata?.namespace}/${pod.metadata?.name} to ${host}`);
  core.verdicts.forget(assumed.uid);
  core.queue.done(assumed.uid);
}

/** bindingCycle runs PreBind (waiting, in simulated time, for volume binding) and Bind. */
function bindingCycle(core: Core, fw: Framework, state: CycleState, q: QueuedPodInfo, assumed: PodInfo, host: string): void {
  let waits: Status | PreBindWait[];
  try {
    waits = fw.runPreBindPlugins(state, assumed, host);
  } catch (e) {
    waits = asStatus(e);
  }
  if (waits instanceof Status) {
    bindingFailure(core, fw, state, q, assumed, host, waits);
    return;
  }
  if (waits.length === 0) {
    bind(core, fw, state, q, assumed, host);
    return;
  }
  const started = core.runtime.now;
  const poll = () => {
    let pending = false;
    for (const w of waits as PreBindWait[]) {
      const r = w.poll();
      if (r instanceof Status) {
        bindingFailure(core, fw, state, q, assumed, host, r);
        return;
      }
      if (r === null) pending = true;
    }
    if (!pending) bind(core, fw, state, q, assumed, host);
    else if (core.runtime.now - started >= Math.min(...(waits as PreBindWait[]).map((w) => w.timeoutMs))) bindingFailure(core, fw, state, q, assumed, host, asStatus(new Error('binding volumes: context deadline exceeded')));
    else core.runtime.after(1000, poll, 'scheduler prebind wait');
  };
  core.runtime.after(0, poll, 'scheduler prebind wait');
}

/** asKObject views a pod as a KObject (for events). */
export function asKObject(p: Pod): KObject {
  return regarding(p) as unknown as KObject;
}
