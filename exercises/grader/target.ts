/**
 * GradeTarget is everything the grader may read: the API of each cluster (as
 * an admin identity the candidate's RBAC cannot touch) and each host's files
 * and commands. The simulator implements it over a Lab (runner/lab-target.ts);
 * a real cluster can implement it over HTTPS and ssh.
 */
export interface GradeTarget {
  /** api returns the admin API of the cluster a context names (undefined: the default cluster) */
  api(context?: string): ApiAccess | undefined;
  /** readFile returns a host's file, or undefined when it is missing or unreadable */
  readFile(host: string, path: string): Promise<string | undefined>;
  /** run runs a command in a host's shell as a user (default root) */
  run(host: string, command: string, user?: string): Promise<CommandResult>;
}

/** ApiAccess sends one request to a cluster's API. */
export interface ApiAccess {
  request(req: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; query?: Record<string, string>; body?: unknown }): Promise<{ status: number; body: unknown }>;
}

/** CommandResult is what a command printed and its exit status. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exit: number;
}

/** CheckResult is a graded check: pass or fail, and what the learner can do about it. */
export interface CheckResult {
  index: number;
  type: string;
  description: string;
  weight: number;
  passed: boolean;
  message: string;
}

/** ExerciseGrade is an exercise's graded checks and its score. */
export interface ExerciseGrade {
  exercise: string;
  checks: CheckResult[];
  /** score: weight of the passed checks over the total weight, 0..1 */
  score: number;
  passed: boolean;
}
