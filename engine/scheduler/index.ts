import type { Runtime } from '../base/runtime.ts';
import type { ApiClient } from '../client/client.ts';
import type { SchedulerConfiguration } from './config/types.ts';
import type { PodVerdicts } from './recorder/verdicts.ts';
import { Scheduler, type SchedulerOptions } from './scheduler.ts';

export { loadSchedulerConfig, parseDuration, CONFIG_API_VERSION, type LoadResult } from './config/load.ts';
export { defaultSchedulerConfig, DEFAULT_SCHEDULER_NAME } from './config/defaults.ts';
export type { SchedulerConfiguration, Profile } from './config/types.ts';
export { verdictLines, type PodVerdicts, type NodeVerdicts, type FilterVerdict } from './recorder/verdicts.ts';
export { Scheduler, type SchedulerOptions } from './scheduler.ts';

/** StartSchedulerOptions are startScheduler's arguments; see SchedulerOptions for the rest. */
export interface StartSchedulerOptions extends Partial<SchedulerOptions> {
  runtime: Runtime;
  client: ApiClient;
  config?: SchedulerConfiguration;
}

/** SchedulerHandle is what a running scheduler gives its owner. */
export interface SchedulerHandle {
  /** stop stops scheduling and the informers; the Lease is left to expire, as the real process leaves it. */
  stop(): void;
  /** verdicts explains the last failed attempt of a pending pod (every node × every filter), or undefined. */
  verdicts(podUid: string): PodVerdicts | undefined;
  /** isLeader tells whether this instance currently schedules. */
  isLeader(): boolean;
  /** scheduler is the running instance (queues, cache) for tests and tools. */
  scheduler: Scheduler;
}

/**
 * startScheduler runs a kube-scheduler as an API client: informers start,
 * leader election (Lease kube-system/kube-scheduler) decides when it
 * schedules, and pods whose spec.schedulerName names one of its profiles
 * are bound through pods/binding.
 */
export function startScheduler(opts: StartSchedulerOptions): SchedulerHandle {
  const s = new Scheduler(opts);
  s.start();
  return {
    stop: () => s.stop(),
    verdicts: (uid) => s.verdicts.get(uid),
    isLeader: () => s.isLeader(),
    scheduler: s,
  };
}
