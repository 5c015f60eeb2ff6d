import { gradeExercise } from '../../../exercises/grader/grade.ts';
import type { ExerciseGrade } from '../../../exercises/grader/target.ts';
import type { Exercise, Pack } from '../../../exercises/pack/types.ts';
import { runSteps } from '../../../exercises/runner/steps.ts';
import { EngineDriver } from '../../lab/engine-driver.ts';
import type { LabSession } from '../../lab/lab-session.ts';
import { notify, useApp } from '../../state/store.ts';
import { recordCheck } from '../workshop/progress.ts';
import { notifyProgress } from '../workshop/progress-signal.ts';

/** PracticeState is the exercise a learner works on outside an exam. */
export interface PracticeState {
  packId: string;
  exerciseId: string;
  status: 'setting-up' | 'ready' | 'checking';
  /** setupErrors: steps of the setup that failed (a broken pack, or a lab feature missing) */
  setupErrors?: string[];
  grade?: ExerciseGrade;
  /** hints revealed so far */
  hints: number;
}

/** driverFor makes the grader's and the setup's access to the lab the page runs. */
export function driverFor(lab: LabSession): EngineDriver {
  const first = lab.bootInfo?.sessions[0];
  return new EngineDriver(lab.engine, { host: first?.host ?? 'terminal', user: first?.user ?? 'candidate' });
}

/** setUp runs an exercise's setup steps in the lab as it stands. */
export async function setUp(lab: LabSession, ex: Exercise): Promise<string[]> {
  const r = await runSteps(driverFor(lab), ex.setup, 'setup', { host: ex.host, context: ex.context });
  return r.errors;
}

/** startPractice gives the learner a fresh lab of the exercise's pack, set up for the exercise. */
export async function startPractice(lab: LabSession, pack: Pack, ex: Exercise): Promise<void> {
  useApp.setState({ practice: { packId: pack.id, exerciseId: ex.id, status: 'setting-up', hints: 0 } });
  let setupErrors: string[] = [];
  try {
    await lab.resetTo(pack.lab, async () => {
      setupErrors = await setUp(lab, ex);
    });
  } catch (err) {
    setupErrors = [(err as Error).message];
  }
  useApp.setState({ practice: { packId: pack.id, exerciseId: ex.id, status: 'ready', hints: 0, ...(setupErrors.length ? { setupErrors } : {}) } });
  if (setupErrors.length) notify('warning', 'Part of the exercise setup failed; the task may not start as described.');
}

/** checkPractice grades the learner's work on the current exercise. */
export async function checkPractice(lab: LabSession, ex: Exercise): Promise<void> {
  const cur = useApp.getState().practice;
  if (!cur) return;
  useApp.setState({ practice: { ...cur, status: 'checking' } });
  try {
    const grade = await gradeExercise(ex, driverFor(lab));
    useApp.setState({ practice: { ...cur, status: 'ready', grade } });
    recordCheck({ pack: cur.packId, exercise: ex.id, title: ex.title, score: grade.score, passed: grade.passed, at: new Date() });
    notifyProgress();
  } catch (err) {
    useApp.setState({ practice: { ...cur, status: 'ready' } });
    notify('error', `The check could not run: ${(err as Error).message}`);
  }
}
