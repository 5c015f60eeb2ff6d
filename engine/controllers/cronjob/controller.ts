import type { KObject } from '../../api/types.ts';
import { clone, deepEqual } from '../../base/deep.ts';
import { parseTime, rfc3339 } from '../../base/clock.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isAlreadyExists, isNotFound } from '../base/errors.ts';
import { controllerRefOf, newControllerRef } from '../base/owner.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import { isFinished, type JobStatus } from '../job/status.ts';
import { mostRecent, parseSchedule } from './schedule.ts';

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

interface CronJobSpec {
  schedule: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: string;
  suspend?: boolean;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };
}
interface CronJobStatus {
  active?: { kind: string; namespace?: string; name?: string; uid?: string; apiVersion: string; resourceVersion?: string }[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

/** jobName is getJobName: <cronjob>-<scheduled time in minutes since the epoch>. */
export function jobName(cj: string, scheduled: number): string {
  return `${cj}-${Math.floor(scheduled / 60_000)}`;
}

/**
 * startCronJobController runs pkg/controller/cronjob (v2): on the simulated
 * clock it creates a Job per due schedule time, honouring suspend,
 * startingDeadlineSeconds and concurrencyPolicy, tracks status.active and
 * lastScheduleTime/lastSuccessfulTime, and trims the job history.
 */
export function startCronJobController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const recorder = ctx.recorder('cronjob-controller');
  const cjInf = ctx.informers.informer(R.cronjobs);
  const jobInf = ctx.informers.informer(R.jobs);
  const queue = new WorkQueue(runtime, 'cronjob', sync);
  const onJob = (j: KObject) => {
    const ref = controllerRefOf(j);
    if (ref?.kind === 'CronJob') queue.add(`${j.metadata.namespace}/${ref.name}`);
  };
  cjInf.on({ add: (o) => queue.add(keyOf(o)), update: (_o, n) => queue.add(keyOf(n)) });
  jobInf.on({ add: onJob, update: (_o, n) => onJob(n), delete: onJob });

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const cached = cjInf.get(ns, name);
    if (!cached || cached.metadata.deletionTimestamp) return;
    const cj = clone(cached);
    const spec = cj.spec as CronJobSpec;
    const st = clone((cj.status ?? {}) as CronJobStatus);
    const children = jobInf.list(ns).filter((j) => controllerRefOf(j)?.uid === cj.metadata.uid);
    const now = runtime.now;

    // Reconcile status.active with the jobs that exist. Only jobs the
    // controller started are active: a running child it did not start (such
    // as `kubectl create job --from=cronjob/x`) is reported, never adopted,
    // so it neither counts in ACTIVE nor blocks a Forbid schedule.
    const listed = (uid: string | undefined) => st.active?.some((a) => a.uid === uid) ?? false;
    const finishedListed = new Set<string>();
    for (const j of children) {
      const js = (j.status ?? {}) as JobStatus;
      const fin = isFinished(js);
      if (!fin) {
        if (listed(j.metadata.uid)) continue;
        const fresh = activeOnServer(ns, name, j.metadata.uid);
        if (fresh) st.active = [...(st.active ?? []), fresh];
        else recorder.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
        continue;
      }
      if (listed(j.metadata.uid)) {
        finishedListed.add(j.metadata.uid!);
        recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${fin}`);
      }
      if (fin === 'Complete' && js.completionTime && (!st.lastSuccessfulTime || parseTime(js.completionTime)! > parseTime(st.lastSuccessfulTime)!)) st.lastSuccessfulTime = js.completionTime;
    }
    const active = (st.active ?? []).filter((a) => {
      if (finishedListed.has(a.uid!)) return false;
      if (children.some((j) => j.metadata.uid === a.uid)) return true;
      recorder.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${a.name}`);
      return false;
    });
    st.active = active.length ? active : undefined;
    cleanupHistory(cj, spec, children);

    let schedule;
    try {
      schedule = parseSchedule(spec.schedule);
    } catch (err) {
      recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(spec.schedule)} : ${(err as Error).message}`);
      return writeStatus(cj, st);
    }
    const from = parseTime(st.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now;
    const due = mostRecent(schedule, from, now);
    if (due.next !== undefined) queue.addAfter(key, due.next - now + 100);
    if (spec.suspend || due.time === undefined) return writeStatus(cj, st);
    if (due.missed > 100) recorder.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    const scheduled = due.time;
    if (spec.startingDeadlineSeconds !== undefined && scheduled + spec.startingDeadlineSeconds * 1000 < now) {
      recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${new Date(scheduled).toUTCString().replace('GMT', '+0000')}`);
      return writeStatus(cj, st);
    }
    const jname = jobName(name, scheduled);
    if (children.some((j) => j.metadata.name === jname)) return writeStatus(cj, st);
    const policy = spec.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && (st.active?.length ?? 0) > 0) {
      recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return writeStatus(cj, st);
    }
    if (policy === 'Replace') {
      for (const a of st.active ?? []) {
        try {
          client.delete(R.jobs, ns, a.name!, { propagationPolicy: 'Background' });
          recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${a.name}`);
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      }
      st.active = undefined;
    }
    const tpl = spec.jobTemplate ?? {};
    const job: KObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jname,
        namespace: ns,
        labels: { ...(tpl.metadata?.labels ?? {}) },
        annotations: { ...(tpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339(scheduled) },
        ownerReferences: [newControllerRef(cj)],
      },
      spec: clone(tpl.spec ?? {}),
    };
    try {
      const created = client.create(R.jobs, ns, job);
      recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
      st.active = [...(st.active ?? []), ref(created)];
    } catch (err) {
      if (!isAlreadyExists(err)) {
        recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${(err as Error).message}`);
        throw err;
      }
    }
    st.lastScheduleTime = rfc3339(scheduled);
    writeStatus(cj, st);
  }

  /** activeOnServer re-reads the CronJob, as the cache may not yet hold the status that listed a job just created. */
  function activeOnServer(ns: string | undefined, name: string, uid: string | undefined) {
    try {
      const fresh = client.get(R.cronjobs, ns, name);
      return ((fresh.status ?? {}) as CronJobStatus).active?.find((a) => a.uid === uid);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  function ref(j: KObject) {
    return { kind: 'Job', namespace: j.metadata.namespace, name: j.metadata.name, uid: j.metadata.uid, apiVersion: 'batch/v1', resourceVersion: j.metadata.resourceVersion };
  }

  /** cleanupHistory keeps the newest successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1) finished jobs. */
  function cleanupHistory(cj: KObject, spec: CronJobSpec, children: KObject[]): void {
    const byStart = (a: KObject, b: KObject) => (parseTime((a.status as JobStatus | undefined)?.startTime) ?? 0) - (parseTime((b.status as JobStatus | undefined)?.startTime) ?? 0) || (a.metadata.name! < b.metadata.name! ? -1 : 1);
    for (const [kind, limit] of [['Complete', spec.successfulJobsHistoryLimit ?? 3], ['Failed', spec.failedJobsHistoryLimit ?? 1]] as const) {
      const done = children.filter((j) => isFinished((j.status ?? {}) as JobStatus) === kind).sort(byStart);
      for (const j of done.slice(0, Math.max(0, done.length - limit))) {
        try {
          client.delete(R.jobs, j.metadata.namespace, j.metadata.name!, { propagationPolicy: 'Background' });
          recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      }
    }
  }

  function writeStatus(cj: KObject, st: CronJobStatus): void {
    if (!st.active) delete st.active;
    if (deepEqual(cj.status ?? {}, st)) return;
    try {
      client.updateStatus(R.cronjobs, { ...cj, status: st });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  return { stop: () => queue.stop() };
}
