import type { Exercise, Pack } from '../pack/types.ts';
import { gradeExercise } from '../grader/grade.ts';
import type { ExerciseGrade } from '../grader/target.ts';
import { LabDriver } from './lab-driver.ts';
import { runSteps, type StepsResult } from './steps.ts';

/** ExerciseRun is one exercise run headlessly: its setup, the grade before, and (with the solution) the grade after. */
export interface ExerciseRun {
  exercise: Exercise;
  setup: StepsResult;
  before: ExerciseGrade;
  solution?: StepsResult;
  after?: ExerciseGrade;
}

/** RunOptions choose what a headless run does. */
export interface RunOptions {
  yieldToHost: () => Promise<void>;
  /** solution: type the reference solution and grade again */
  solution?: boolean;
  /** state: a saved lab to boot from instead of booting afresh (faster for many exercises) */
  state?: Uint8Array;
  seed?: number;
}

/** runExercise boots the pack's lab, sets the exercise up, grades it, and optionally solves and grades it again. */
export async function runExercise(pack: Pack, ex: Exercise, o: RunOptions): Promise<ExerciseRun> {
  const d = new LabDriver(o.yieldToHost);
  await d.boot(o.state ? { state: o.state } : { lab: pack.lab, seed: o.seed });
  return runExerciseOn(d, ex, !!o.solution);
}

/**
 * runExerciseOn runs an exercise in a lab that is already up (tests run a
 * pack's exercises one after another in one lab: exercises use their own
 * names, and a solution that made a later exercise pass would show up as
 * that exercise's starting state passing).
 */
export async function runExerciseOn(d: LabDriver, ex: Exercise, solve: boolean): Promise<ExerciseRun> {
  const defaults = { host: ex.host, context: ex.context };
  const setup = await runSteps(d, ex.setup, 'setup', defaults);
  const before = await gradeExercise(ex, d);
  if (!solve) return { exercise: ex, setup, before };
  const solution = await runSteps(d, ex.solution, 'solution', defaults);
  const after = await gradeExercise(ex, d);
  return { exercise: ex, setup, before, solution, after };
}

/** bootState boots a pack's lab once and saves it, so each exercise can start from the same fresh lab quickly. */
export async function bootState(pack: Pack, o: { yieldToHost: () => Promise<void>; seed?: number }): Promise<Uint8Array> {
  const d = new LabDriver(o.yieldToHost);
  await d.boot({ lab: pack.lab, seed: o.seed });
  return d.lab.saveState();
}
