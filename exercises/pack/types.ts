/**
 * The data model of an exercise pack, as the schema (schema.ts) accepts it.
 * A pack is data only: nothing in it is evaluated except shell commands typed
 * into the lab's own simulated shell, exactly as a learner would type them.
 */

/** DOMAINS are the five CKA curriculum domains with their exam weights (percent). */
export const DOMAINS = {
  'troubleshooting': { title: 'Troubleshooting', weight: 30 },
  'cluster-architecture': { title: 'Cluster Architecture, Installation and Configuration', weight: 25 },
  'services-networking': { title: 'Services and Networking', weight: 20 },
  'workloads-scheduling': { title: 'Workloads and Scheduling', weight: 15 },
  'storage': { title: 'Storage', weight: 10 },
} as const;

/** Domain is the id of a CKA domain. */
export type Domain = keyof typeof DOMAINS;

/** SetupStep builds the starting state of an exercise (also used for reference solutions). */
export type SetupStep =
  | { run: string; host?: string; user?: string }
  | { apply: string; context?: string }
  | { file: { host: string; path: string; content: string; mode?: number } }
  | { fault: Fault };

/** Fault is a deliberate breakage the learner must find and repair. */
export type Fault =
  | { type: 'stop-service'; host: string; service: string }
  | { type: 'edit-file'; host: string; path: string; replace: string; with: string }
  | { type: 'delete-file'; host: string; path: string };

/** ObjectRef names an API object (or, without name, a kind in a namespace). */
export interface ObjectRef {
  /** kind as in YAML (Deployment), or resource plural (deployments), optionally with apiVersion */
  kind: string;
  apiVersion?: string;
  namespace?: string;
  name?: string;
}

/** TextMatch tests a piece of text; every given field must hold. */
export interface TextMatch {
  equals?: string;
  contains?: string;
  matches?: string;
  notContains?: string;
}

interface CheckBase {
  /** what the check verifies, shown to the learner */
  description?: string;
  /** weight of the check inside its exercise (default 1) */
  weight?: number;
  /** context whose cluster the check reads (default: the exercise's) */
  context?: string;
}

/** Check is one declarative test of the cluster or its hosts. */
export type Check =
  | (CheckBase & { type: 'exists'; object: ObjectRef & { name: string } })
  | (CheckBase & { type: 'absent'; object: ObjectRef & { name: string } })
  | (CheckBase & { type: 'jsonpath'; object: ObjectRef & { name: string }; path: string } & TextMatch)
  | (CheckBase & { type: 'count'; object: ObjectRef; selector?: string; fieldSelector?: string; equals?: number; min?: number; max?: number })
  | (CheckBase & { type: 'condition'; object: ObjectRef & { name: string }; condition: string; status?: string })
  | (CheckBase & { type: 'file'; host: string; path: string; exists?: boolean } & TextMatch)
  | (CheckBase & { type: 'command'; host: string; user?: string; run: string; exit?: number } & TextMatch)
  | (CheckBase & { type: 'can-i'; user?: string; groups?: string[]; serviceAccount?: string; verb: string; resource: string; subresource?: string; namespace?: string; name?: string; allowed: boolean })
  | (CheckBase & { type: 'http'; host: string; url: string; status?: number; headers?: Record<string, string> } & TextMatch);

/** CheckType is the discriminant of Check. */
export type CheckType = Check['type'];

/** Exercise is one task with its setup, checks and reference solution. */
export interface Exercise {
  id: string;
  title: string;
  domain: Domain;
  /** the curriculum line(s) the exercise covers */
  curriculum: string[];
  /** context the task is to be done in (default: the lab's first cluster) */
  context?: string;
  /** host the learner works on (ssh target in the exam) */
  host?: string;
  /** weight of the exercise in an exam (percent-like points) */
  weight: number;
  /** minutes a candidate should need */
  minutes?: number;
  setup: SetupStep[];
  /** task text (Markdown) */
  task: string;
  hints: string[];
  checks: Check[];
  solution: SetupStep[];
  /** file (inside the pack) the exercise came from */
  source: string;
}

/** Pack is a set of exercises sharing a lab definition. */
export interface Pack {
  id: string;
  title: string;
  description: string;
  /** lab definition YAML the exercises run in (default: the shipped default lab) */
  lab?: string;
  exercises: Exercise[];
}

/** PackError is one mistake in a pack, located in its file. */
export interface PackError {
  file: string;
  line: number;
  col: number;
  message: string;
}

/** formatPackError prints a pack error as compilers do: file:line:col: message. */
export function formatPackError(e: PackError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.message}`;
}
