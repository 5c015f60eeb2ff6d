import type { Check, Exercise } from '../pack/types.ts';
import { checkCanI } from './checks/access.ts';
import { CheckContext, CheckError, type Outcome } from './checks/context.ts';
import { checkCommand, checkFile, checkHttp } from './checks/hosts.ts';
import { checkAbsent, checkCondition, checkCount, checkExists, checkJsonPath } from './checks/objects.ts';
import type { CheckResult, ExerciseGrade, GradeTarget } from './target.ts';

type Runner = (c: never, ctx: CheckContext) => Promise<Outcome>;

/** CHECKS runs each check type. */
const CHECKS: Record<Check['type'], Runner> = {
  'exists': checkExists as Runner,
  'absent': checkAbsent as Runner,
  'jsonpath': checkJsonPath as Runner,
  'count': checkCount as Runner,
  'condition': checkCondition as Runner,
  'file': checkFile as Runner,
  'command': checkCommand as Runner,
  'can-i': checkCanI as Runner,
  'http': checkHttp as Runner,
};

/** runCheck grades one check; a check that cannot be evaluated fails with the reason. */
export async function runCheck(check: Check, ctx: CheckContext): Promise<Outcome> {
  try {
    return await (CHECKS[check.type] as (c: Check, ctx: CheckContext) => Promise<Outcome>)(check, ctx);
  } catch (e) {
    if (e instanceof CheckError) return { passed: false, message: e.message };
    return { passed: false, message: `the check could not run: ${(e as Error).message}` };
  }
}

/** gradeExercise runs every check of an exercise against a target and scores it. */
export async function gradeExercise(ex: Exercise, target: GradeTarget): Promise<ExerciseGrade> {
  const ctx = new CheckContext(target, ex.context);
  const checks: CheckResult[] = [];
  for (const [index, c] of ex.checks.entries()) {
    const o = await runCheck(c, ctx);
    checks.push({ index, type: c.type, description: c.description ?? defaultDescription(c), weight: c.weight ?? 1, passed: o.passed, message: o.message });
  }
  const total = checks.reduce((s, c) => s + c.weight, 0);
  const got = checks.filter((c) => c.passed).reduce((s, c) => s + c.weight, 0);
  return { exercise: ex.id, checks, score: total ? got / total : 0, passed: checks.every((c) => c.passed) };
}

/** defaultDescription says what a check verifies when the pack gives no description. */
export function defaultDescription(c: Check): string {
  const obj = 'object' in c ? `${c.object.kind}${c.object.name ? ` ${c.object.name}` : ''}${c.object.namespace ? ` in ${c.object.namespace}` : ''}` : '';
  switch (c.type) {
    case 'exists':
      return `${obj} exists`;
    case 'absent':
      return `${obj} is deleted`;
    case 'jsonpath':
      return `${obj}: ${c.path}`;
    case 'count':
      return `number of ${obj}${c.selector ? ` (${c.selector})` : ''}`;
    case 'condition':
      return `${obj} is ${c.condition}=${c.status ?? 'True'}`;
    case 'file':
      return `${c.path} on ${c.host}`;
    case 'command':
      return `\`${c.run}\` on ${c.host}`;
    case 'can-i':
      return `${c.serviceAccount ? `ServiceAccount ${c.serviceAccount}` : `user ${c.user}`} ${c.allowed ? 'can' : 'cannot'} ${c.verb} ${c.resource}`;
    case 'http':
      return `${c.url} from ${c.host}`;
  }
}
