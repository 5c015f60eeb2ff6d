import { gradeExercise } from '../../../exercises/grader/grade.ts';
import type { Exercise, Pack } from '../../../exercises/pack/types.ts';
import { placeExam } from '../../../exercises/exam/exam-lab.ts';
import { localizeExercise } from '../../../exercises/exam/localize.ts';
import type { TaskSite } from '../../../exercises/exam/placement.ts';
import type { ExerciseGrade } from '../../../exercises/grader/target.ts';
import { CKA_EXAM, drawExam, findExercise as findInPacks, scoreExam, setupOrder, type Exam } from '../../../exercises/exam/model.ts';
import type { LabSession } from '../../lab/lab-session.ts';
import type { ExamReport, ExamState } from '../../persistence/snapshot.ts';
import { DOMAINS } from '../../../exercises/pack/types.ts';
import { solutionText } from '../tasks/step-text.ts';
import { notify, useApp } from '../../state/store.ts';
import { bundledPacks } from '../tasks/packs.ts';
import { driverFor, setUp } from '../tasks/practice.ts';
import { ALERTS_AT_MINUTES_LEFT, examAlert, startExam } from './clock.ts';

/** PASS_MARK is the CKA's passing score, as a share. */
export const PASS_MARK = CKA_EXAM.passPercent / 100;
/** EXAM_TASKS is how many tasks a mock exam has (the CKA has 15–20). */
export const EXAM_TASKS = 15;

/** mockExam draws a mock exam from the exercises that run in the default lab. */
export function mockExam(packs: Pack[], rand: () => number = Math.random): Exam {
  return drawExam(
    packs.filter((p) => !p.lab),
    { id: 'mock', title: 'Mock exam', count: EXAM_TASKS, rand },
  );
}

/**
 * beginExam replaces the lab with a fresh exam lab (one small cluster per
 * group of questions, as the CKA gives each question its own environment),
 * sets every task up on its cluster, and starts the two-hour clock.
 */
export async function beginExam(lab: LabSession): Promise<void> {
  const { packs } = await bundledPacks();
  const exam = mockExam(packs);
  const placed = placeExam(exam, packs);
  const failed: string[] = [];
  await lab.resetTo(placed.lab, async () => {
    for (const t of setupOrder(placed.tasks)) failed.push(...(await setUp(lab, t.exercise)));
  });
  useApp.setState({
    exam: { ...startExam(Date.now()), tasks: placed.tasks.map((t) => ({ packId: t.task.pack, exerciseId: t.task.exercise, weight: t.task.weight, site: t.site })) },
    practice: null,
  });
  if (failed.length) notify('warning', 'Part of the exam setup failed; some tasks may not start as described.');
}

/** examExercise is an exam task's exercise as it runs in the exam: on its site (a save from before sites keeps the exercise as written). */
export function examExercise(ex: Exercise, site: TaskSite | undefined): Exercise {
  return site ? localizeExercise(ex, site) : ex;
}

/** finishExam grades every task and shows the report; practice mode comes back. */
export async function finishExam(lab: LabSession): Promise<void> {
  const { packs } = await bundledPacks();
  const state = useApp.getState().exam;
  const driver = driverFor(lab);
  const exam: Exam = {
    ...mockExam([]),
    tasks: (state.tasks ?? []).map((t) => ({ pack: t.packId, exercise: t.exerciseId, weight: t.weight ?? findInPacks(packs, { pack: t.packId, exercise: t.exerciseId })?.weight ?? 0 })),
  };
  const grades = new Map<string, ExerciseGrade>();
  // Each task is graded on its own cluster and hosts.
  for (const [i, task] of exam.tasks.entries()) {
    const ex = findInPacks(packs, task);
    if (ex) grades.set(`${task.pack}/${task.exercise}`, await gradeExercise(examExercise(ex, state.tasks?.[i]?.site), driver));
  }
  const scored = scoreExam(exam, packs, grades);
  const rows: ExamReport['tasks'] = scored.tasks.map(({ task, grade }, i) => {
    const found = findInPacks(packs, task);
    const ex = found && examExercise(found, state.tasks?.[i]?.site);
    return {
      title: ex?.title ?? task.exercise,
      weight: task.weight,
      score: grade?.score ?? 0,
      failing: grade?.checks.filter((c) => !c.passed).map((c) => c.message) ?? [],
      ...(ex ? { domain: DOMAINS[ex.domain].title, solution: solutionText(ex.solution) } : {}),
    };
  });
  const byDomain = scored.byDomain.map((d) => ({ title: d.title, got: d.got, of: d.of }));
  useApp.setState({ exam: { mode: 'practice', report: { score: scored.score / 100, passed: scored.passed, byDomain, tasks: rows } } });
}

/** toggleFlag marks or unmarks a question (0-based) for review. */
export function toggleFlag(question: number): void {
  useApp.setState((s) => {
    const flagged = new Set(s.exam.flagged ?? []);
    if (flagged.has(question)) flagged.delete(question);
    else flagged.add(question);
    return { exam: { ...s.exam, flagged: [...flagged].sort((a, b) => a - b) } };
  });
}

/** setNotes keeps the exam notepad's text. */
export function setNotes(notes: string): void {
  useApp.setState((s) => ({ exam: { ...s.exam, notes } }));
}

/** showExamAlerts shows the reminder due at `now` and records it (and the longer ones it passed). */
export function showExamAlerts(now: number): void {
  const exam = useApp.getState().exam;
  const due = examAlert(exam, now);
  if (due === undefined) return;
  const passed = ALERTS_AT_MINUTES_LEFT.filter((m) => m >= due);
  useApp.setState({ exam: { ...exam, alerted: [...new Set([...(exam.alerted ?? []), ...passed])] } });
  notify('warning', `${due} minutes remaining in the exam.`, 15000);
}
