import type { KObject } from '../../api/types.ts';
import { parseTime } from '../../base/clock.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import type { JobStatus } from '../job/status.ts';

/** finishTime is when a Job got its Complete or Failed condition. */
function finishTime(job: KObject): number | undefined {
  const c = ((job.status ?? {}) as JobStatus).conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c ? parseTime(c.lastTransitionTime) : undefined;
}

/**
 * startTtlAfterFinishedController runs pkg/controller/ttlafterfinished:
 * a finished Job with ttlSecondsAfterFinished is deleted (in the
 * foreground, pods first) once that many seconds have passed.
 */
export function startTtlAfterFinishedController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const jobInf = ctx.informers.informer(R.jobs);
  const queue = new WorkQueue(runtime, 'ttl_jobs_to_delete', sync);
  const consider = (j: KObject) => (j.spec as { ttlSecondsAfterFinished?: number }).ttlSecondsAfterFinished !== undefined && finishTime(j) !== undefined && queue.add(keyOf(j));
  jobInf.on({ add: consider, update: (_o, n) => consider(n) });

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const job = jobInf.get(ns, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const ttl = (job.spec as { ttlSecondsAfterFinished?: number }).ttlSecondsAfterFinished;
    const done = finishTime(job);
    if (ttl === undefined || done === undefined) return;
    const expireAt = done + ttl * 1000;
    if (runtime.now < expireAt) return queue.addAfter(key, expireAt - runtime.now);
    try {
      client.delete(R.jobs, ns, name, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return { stop: () => queue.stop() };
}
