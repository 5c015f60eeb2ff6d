import { rfc3339 } from '../../base/clock.ts';

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  ready?: number;
  completedIndexes?: string;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
}

/** The reasons and messages of the job controller's conditions and events. */
export const JOB = {
  completionsReached: ['CompletionsReached', 'Reached expected number of succeeded pods'],
  backoffLimit: ['BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
  deadline: ['DeadlineExceeded', 'Job was active longer than specified deadline'],
  suspended: ['JobSuspended', 'Job suspended'],
  resumed: ['JobResumed', 'Job resumed'],
} as const;

/** setCondition adds or updates a condition; a change of status moves lastTransitionTime. */
export function setCondition(st: JobStatus, type: string, status: string, reason: string, message: string, now: number): boolean {
  const t = rfc3339(now);
  const conds = st.conditions ?? [];
  const cur = conds.find((c) => c.type === type);
  if (cur && cur.status === status && cur.reason === reason && cur.message === message) return false;
  const c: JobCondition = { type, status, lastProbeTime: t, lastTransitionTime: cur && cur.status === status ? cur.lastTransitionTime : t, reason, message };
  st.conditions = cur ? conds.map((x) => (x === cur ? c : x)) : [...conds, c];
  return true;
}

/** isFinished reports a Job with Complete or Failed True. */
export function isFinished(st: JobStatus): 'Complete' | 'Failed' | undefined {
  const c = st.conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c?.type as 'Complete' | 'Failed' | undefined;
}
