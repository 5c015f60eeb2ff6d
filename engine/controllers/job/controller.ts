import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import { clone, deepEqual } from '../../base/deep.ts';
import { parseTime, rfc3339 } from '../../base/clock.ts';
import { fromLabelSelector } from '../../base/labels.ts';
import { R } from '../../client/refs.ts';
import { claimObjects, recheckDeletion } from '../base/claim.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { errorText, isNotFound } from '../base/errors.ts';
import { controllerRefOf } from '../base/owner.ts';
import { asPod, isPodReady } from '../base/pods.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import { podFromTemplate } from '../replicaset/pod-template.ts';
import { formatIndexes, parseIndexes } from './indexes.ts';
import { isFinished, JOB, setCondition, type JobStatus } from './status.ts';

/** TRACKING_FINALIZER holds finished pods until the controller has counted them. */
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** Pod failure back-off: 10s doubling per failure, at most 6 minutes (DefaultJobPodFailureBackOff, MaxJobPodFailureBackOff). */
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 360_000;

interface JobSpec {
  parallelism?: number;
  completions?: number;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  completionMode?: string;
  suspend?: boolean;
  selector?: unknown;
  template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: { restartPolicy?: string; containers?: { env?: unknown[] }[] } };
}

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const isFailed = (p: Pod) => p.status?.phase === 'Failed' || (!!p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded');
const indexOf = (p: Pod) => {
  const v = p.metadata?.annotations?.[COMPLETION_INDEX];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
};

/**
 * startJobController runs pkg/controller/job: pods created up to parallelism
 * until completions succeed (NonIndexed or Indexed), failures retried with
 * back-off up to backoffLimit, activeDeadlineSeconds, suspend, and the
 * Complete/Failed conditions with their real reasons.
 */
export function startJobController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const recorder = ctx.recorder('job-controller');
  const jobInf = ctx.informers.informer(R.jobs);
  const podInf = ctx.informers.informer(R.pods);
  const queue = new WorkQueue(runtime, 'job', sync);
  const lastFailure = new Map<string, number>();

  const ownerKey = (pod: KObject) => {
    const ref = controllerRefOf(pod);
    return ref?.kind === 'Job' ? `${pod.metadata.namespace}/${ref.name}` : undefined;
  };
  const onPod = (pod: KObject) => {
    const k = ownerKey(pod);
    if (k) queue.add(k);
  };
  jobInf.on({ add: (o) => queue.add(keyOf(o)), update: (_o, n) => queue.add(keyOf(n)), delete: (o) => lastFailure.delete(keyOf(o)) });
  podInf.on({ add: onPod, update: (_o, n) => onPod(n), delete: onPod });

  function removeFinalizer(p: Pod): void {
    const rest = (p.metadata?.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
    try {
      client.patch(R.pods, p.metadata?.namespace, p.metadata!.name!, 'merge', { metadata: { finalizers: rest.length ? rest : null } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const cached = jobInf.get(ns, name);
    if (!cached) return;
    const job = clone(cached);
    const spec = job.spec as JobSpec;
    const st = clone((job.status ?? {}) as JobStatus);
    const pods = claimObjects(client, R.pods, job, fromLabelSelector(spec.selector as never), podInf.list(ns), recheckDeletion(client, R.jobs, job)).map(asPod);
    const now = runtime.now;
    const indexed = spec.completionMode === 'Indexed';

    // Count pods that finished (or were deleted) and release their tracking finalizer.
    const done = pods.filter((p) => (isTerminal(p) || p.metadata?.deletionTimestamp) && p.metadata?.finalizers?.includes(TRACKING_FINALIZER));
    if (done.length) {
      const completed = parseIndexes(st.completedIndexes);
      for (const p of done) {
        if (isFailed(p)) {
          st.failed = (st.failed ?? 0) + 1;
          lastFailure.set(key, now);
        } else {
          st.succeeded = (st.succeeded ?? 0) + 1;
          const i = indexOf(p);
          if (i !== undefined) completed.add(i);
        }
        removeFinalizer(p);
      }
      if (indexed) {
        st.completedIndexes = formatIndexes(completed);
        st.succeeded = completed.size;
      }
    }
    if (isFinished(st)) return writeStatus(job, st);

    const active = pods.filter((p) => !isTerminal(p) && !p.metadata?.deletionTimestamp);
    st.terminating = pods.filter((p) => !isTerminal(p) && !!p.metadata?.deletionTimestamp).length;
    if (!spec.suspend && !st.startTime) st.startTime = rfc3339(now);
    const restarts = spec.template?.spec?.restartPolicy === 'OnFailure' ? active.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, c) => m + (c.restartCount ?? 0), 0), 0) : 0;
    const backoffLimit = spec.backoffLimit ?? 6;
    const start = parseTime(st.startTime);
    const deadlineAt = spec.activeDeadlineSeconds !== undefined && start !== undefined ? start + spec.activeDeadlineSeconds * 1000 : undefined;
    const succeeded = st.succeeded ?? 0;
    const completions = spec.completions;

    let failure: readonly [string, string] | undefined;
    if ((st.failed ?? 0) + restarts > backoffLimit) failure = JOB.backoffLimit;
    else if (deadlineAt !== undefined && now >= deadlineAt && !spec.suspend) failure = JOB.deadline;
    const complete = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;

    if (failure || complete) {
      for (const p of active) deletePod(job, p);
      if (failure) {
        if (setCondition(st, 'FailureTarget', 'True', failure[0], failure[1], now)) recorder.event(job, 'Warning', failure[0], failure[1]);
      } else setCondition(st, 'SuccessCriteriaMet', 'True', JOB.completionsReached[0], JOB.completionsReached[1], now);
      // The terminal condition waits until no pod is still terminating.
      if (st.terminating === 0 && active.length === 0) {
        if (failure) setCondition(st, 'Failed', 'True', failure[0], failure[1], now);
        else {
          setCondition(st, 'Complete', 'True', JOB.completionsReached[0], JOB.completionsReached[1], now);
          st.completionTime = rfc3339(now);
          recorder.event(job, 'Normal', 'Completed', 'Job completed');
        }
      }
      st.active = 0;
      st.ready = 0;
      return writeStatus(job, st);
    }

    if (spec.suspend) {
      for (const p of active) deletePod(job, p);
      if (setCondition(st, 'Suspended', 'True', JOB.suspended[0], JOB.suspended[1], now)) recorder.event(job, 'Normal', 'Suspended', 'Job suspended');
      st.active = 0;
      st.ready = 0;
      return writeStatus(job, st);
    }
    if (st.conditions?.some((c) => c.type === 'Suspended' && c.status === 'True')) {
      setCondition(st, 'Suspended', 'False', JOB.resumed[0], JOB.resumed[1], now);
      recorder.event(job, 'Normal', 'Resumed', 'Job resumed');
      st.startTime = rfc3339(now);
    }

    const parallelism = spec.parallelism ?? 1;
    let want = parallelism;
    if (completions !== undefined) want = Math.min(parallelism, completions - succeeded);
    else if (succeeded > 0) want = active.length;
    let current = active.length;
    if (active.length > want) {
      const extra = [...active].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b))).slice(0, active.length - want);
      for (const p of extra) deletePod(job, p);
      current = want;
    } else if (active.length < want) {
      const since = lastFailure.get(key);
      const failures = st.failed ?? 0;
      const delay = failures > 0 ? Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS) : 0;
      if (since !== undefined && now < since + delay) queue.addAfter(key, since + delay - now);
      else current += createPods(job, want - active.length, indexed ? freeIndexes(spec, st, active, want - active.length) : undefined);
    }
    st.active = current;
    st.ready = active.filter(isPodReady).length;
    if (deadlineAt !== undefined) queue.addAfter(key, Math.max(0, deadlineAt - now));
    writeStatus(job, st);
  }

  function freeIndexes(spec: JobSpec, st: JobStatus, active: Pod[], n: number): number[] {
    const used = new Set([...parseIndexes(st.completedIndexes), ...active.map(indexOf).filter((i): i is number => i !== undefined)]);
    const out: number[] = [];
    for (let i = 0; i < (spec.completions ?? 0) && out.length < n; i++) if (!used.has(i)) out.push(i);
    return out;
  }

  function createPods(job: KObject, n: number, indexes: number[] | undefined): number {
    const spec = job.spec as JobSpec;
    const count = indexes ? indexes.length : n;
    for (let k = 0; k < count; k++) {
      const idx = indexes?.[k];
      const pod = podFromTemplate(spec.template as never, job, idx !== undefined ? { generateName: `${job.metadata.name}-${idx}-`, labels: { [COMPLETION_INDEX]: String(idx) } } : {});
      pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), TRACKING_FINALIZER];
      if (idx !== undefined) {
        pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [COMPLETION_INDEX]: String(idx) };
        const ps = pod.spec as { hostname?: string; containers?: { env?: unknown[] }[] };
        ps.hostname = `${job.metadata.name}-${idx}`;
        for (const c of ps.containers ?? []) c.env = [...(c.env ?? []), { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } }];
      }
      try {
        const created = client.create(R.pods, job.metadata.namespace, pod);
        recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      } catch (err) {
        recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${errorText(err)}`);
        return k;
      }
    }
    return count;
  }

  function deletePod(job: KObject, p: Pod): void {
    try {
      client.delete(R.pods, p.metadata?.namespace, p.metadata!.name!);
      recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata?.name}`);
    } catch (err) {
      if (!isNotFound(err)) recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${errorText(err)}`);
    }
  }

  function writeStatus(job: KObject, st: JobStatus): void {
    st.ready ??= 0;
    st.terminating ??= 0;
    // active, succeeded and failed are omitempty; ready and terminating are pointers and show 0.
    for (const k of ['active', 'succeeded', 'failed'] as const) if (!st[k]) delete st[k];
    st.uncountedTerminatedPods ??= {};
    if (deepEqual(job.status ?? {}, st)) return;
    try {
      client.updateStatus(R.jobs, { ...job, status: st });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  return { stop: () => queue.stop() };
}
