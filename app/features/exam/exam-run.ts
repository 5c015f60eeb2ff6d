import { gradeExercise } from '../../../exercises/grader/grade.ts';
import { DOMAINS, type Domain, type Exercise, type Pack } from '../../../exercises/pack/types.ts';
import type { LabSession } from '../../lab/lab-session.ts';
import type { ExamReport } from '../../persistence/snapshot.ts';
import { notify, useApp } from '../../state/store.ts';
import { bundledPacks, findExercise } from '../tasks/packs.ts';
import { driverFor, setUp } from '../tasks/practice.ts';
import { startExam } from './clock.ts';

/** PASS_MARK is the CKA's passing score. */
export const PASS_MARK = 0.66;
/** EXAM_TASKS is how many tasks a mock exam has (the CKA has 15–20). */
export const EXAM_TASKS = 15;

/**
 * pickExam chooses the exam's tasks from the exercises that run in the
 * default lab, spread over the five domains as the CKA weighs them.
 */
export function pickExam(packs: Pack[], count = EXAM_TASKS, random: () => number = Math.random): { pack: Pack; exercise: Exercise }[] {
  const pool = new Map<Domain, { pack: Pack; exercise: Exercise }[]>();
  for (const pack of packs) {
    if (pack.lab) continue;
    for (const exercise of pack.exercises) pool.set(exercise.domain, [...(pool.get(exercise.domain) ?? []), { pack, exercise }]);
  }
  const domains = Object.keys(DOMAINS) as Domain[];
  const want = new Map(domains.map((d) => [d, Math.round((DOMAINS[d].weight / 100) * count)]));
  const out: { pack: Pack; exercise: Exercise }[] = [];
  for (const d of domains) {
    const list = [...(pool.get(d) ?? [])];
    for (let i = 0; i < (want.get(d) ?? 0) && list.length; i++) out.push(list.splice(Math.floor(random() * list.length), 1)[0]!);
  }
  return out;
}

/** beginExam replaces the lab with a fresh one, sets every task up, and starts the two-hour clock. */
export async function beginExam(lab: LabSession): Promise<void> {
  const { packs } = await bundledPacks();
  const tasks = pickExam(packs);
  const failed: string[] = [];
  await lab.resetTo(undefined, async () => {
    for (const t of tasks) failed.push(...(await setUp(lab, t.exercise)));
  });
  useApp.setState({ exam: { ...startExam(Date.now()), tasks: tasks.map((t) => ({ packId: t.pack.id, exerciseId: t.exercise.id })) }, practice: null });
  if (failed.length) notify('warning', 'Part of the exam setup failed; some tasks may not start as described.');
}

/** finishExam grades every task and shows the report; practice mode comes back. */
export async function finishExam(lab: LabSession): Promise<void> {
  const exam = useApp.getState().exam;
  const driver = driverFor(lab);
  const rows: ExamReport['tasks'] = [];
  for (const t of exam.tasks ?? []) {
    const found = await findExercise(t.packId, t.exerciseId);
    if (!found) continue;
    const g = await gradeExercise(found.exercise, driver);
    rows.push({ title: found.exercise.title, weight: found.exercise.weight, score: g.score, failing: g.checks.filter((c) => !c.passed).map((c) => c.message) });
  }
  const total = rows.reduce((n, r) => n + r.weight, 0);
  const score = total ? rows.reduce((n, r) => n + r.weight * r.score, 0) / total : 0;
  useApp.setState({ exam: { mode: 'practice', report: { score, passed: score >= PASS_MARK, tasks: rows } } });
}
