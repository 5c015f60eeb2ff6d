import { DOMAINS, type Domain, type Exercise, type Pack } from '../pack/types.ts';
import type { ExerciseGrade } from '../grader/target.ts';
import { disruption } from './placement.ts';

/** ExamTask is one exercise of an exam, with the points it is worth. */
export interface ExamTask {
  pack: string;
  exercise: string;
  /** points of the task (the exam's weights add up to 100) */
  weight: number;
}

/** Exam is a mock exam: tasks drawn from packs, a duration and a pass mark. */
export interface Exam {
  id: string;
  title: string;
  tasks: ExamTask[];
  /** durationMinutes is the exam's time limit (the CKA gives 120) */
  durationMinutes: number;
  /** passPercent is the score needed to pass (the CKA asks 66) */
  passPercent: number;
  /** alertsAtMinutesLeft are the reminders the real exam shows */
  alertsAtMinutesLeft: number[];
}

/** CKA_EXAM is the shape of the real exam. */
export const CKA_EXAM = { durationMinutes: 120, passPercent: 66, alertsAtMinutesLeft: [30, 15, 5], tasks: 16 } as const;

/** ExamReport is an exam's result: a score, pass or fail, and the score per domain. */
export interface ExamReport {
  score: number;
  passed: boolean;
  byDomain: { domain: Domain; title: string; got: number; of: number }[];
  tasks: { task: ExamTask; grade: ExerciseGrade | undefined; points: number }[];
}

/** findExercise looks an exam task's exercise up in the packs. */
export function findExercise(packs: Pack[], t: { pack: string; exercise: string }): Exercise | undefined {
  return packs.find((p) => p.id === t.pack)?.exercises.find((e) => e.id === t.exercise);
}

/**
 * drawExam picks `count` exercises spread over the domains as the curriculum
 * weighs them, in a stable order given by `rand` (pass the lab's random
 * source so an exam can be drawn again from its seed), and scales their
 * weights to 100 points.
 */
export function drawExam(packs: Pack[], o: { id: string; title: string; count?: number; rand: () => number }): Exam {
  const count = o.count ?? CKA_EXAM.tasks;
  const pool = new Map<Domain, { pack: string; ex: Exercise }[]>();
  for (const p of packs) for (const ex of p.exercises) pool.set(ex.domain, [...(pool.get(ex.domain) ?? []), { pack: p.id, ex }]);
  for (const list of pool.values()) shuffle(list, o.rand);
  const domains = (Object.keys(DOMAINS) as Domain[]).filter((d) => pool.get(d)?.length);
  const totalWeight = domains.reduce((s, d) => s + DOMAINS[d].weight, 0);
  // Largest remainder: each domain gets tasks in proportion to its weight.
  const quota = domains.map((d) => ({ d, exact: (count * DOMAINS[d].weight) / totalWeight }));
  const seats = new Map(quota.map((q) => [q.d, Math.floor(q.exact)]));
  let left = count - [...seats.values()].reduce((a, b) => a + b, 0);
  for (const q of [...quota].sort((a, b) => (b.exact % 1) - (a.exact % 1))) if (left-- > 0) seats.set(q.d, seats.get(q.d)! + 1);
  const picked: { pack: string; ex: Exercise }[] = [];
  for (const d of domains) picked.push(...pool.get(d)!.slice(0, seats.get(d)));
  // A domain with too few exercises leaves seats: fill them from what remains.
  const rest = domains.flatMap((d) => pool.get(d)!.slice(seats.get(d)));
  while (picked.length < count && rest.length) picked.push(rest.shift()!);
  const sum = picked.reduce((s, p) => s + p.ex.weight, 0) || 1;
  // Points in tenths, rounded so they add up to exactly 100.
  const exact = picked.map((p) => (p.ex.weight * 1000) / sum);
  const tenths = exact.map(Math.floor);
  let spare = 1000 - tenths.reduce((a, b) => a + b, 0);
  for (const i of exact.map((e, i) => ({ r: e % 1, i })).sort((a, b) => b.r - a.r).map((x) => x.i)) if (spare-- > 0) tenths[i]!++;
  const tasks = picked.map((p, i) => ({ pack: p.pack, exercise: p.ex.id, weight: tenths[i]! / 10 }));
  return { id: o.id, title: o.title, tasks, durationMinutes: CKA_EXAM.durationMinutes, passPercent: CKA_EXAM.passPercent, alertsAtMinutesLeft: [...CKA_EXAM.alertsAtMinutesLeft] };
}

/**
 * setupOrder is the order to set an exam's tasks up: on each cluster, the
 * troubleshooting and disrupting tasks last, because their faults (a stopped
 * kubelet, a broken manifest, a cordoned node) would stall the setup of the
 * tasks after them on that cluster, whose pods could never start. The order
 * is kept within each group, so it holds per cluster whatever the placement.
 */
export function setupOrder<T extends { exercise: Exercise }>(tasks: T[]): T[] {
  const last = (t: T) => t.exercise.domain === 'troubleshooting' || disruption(t.exercise) !== undefined;
  return [...tasks.filter((t) => !last(t)), ...tasks.filter(last)];
}

function shuffle<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

/**
 * scoreExam totals an exam: a task earns its weight times the share of its
 * checks' weight that passed (as the real exam gives partial credit).
 */
export function scoreExam(exam: Exam, packs: Pack[], grades: Map<string, ExerciseGrade>): ExamReport {
  const by = new Map<Domain, { got: number; of: number }>();
  const tasks = exam.tasks.map((task) => {
    const grade = grades.get(`${task.pack}/${task.exercise}`);
    const points = grade ? task.weight * grade.score : 0;
    const domain = findExercise(packs, task)?.domain;
    if (domain) {
      const d = by.get(domain) ?? { got: 0, of: 0 };
      d.got += points;
      d.of += task.weight;
      by.set(domain, d);
    }
    return { task, grade, points };
  });
  const total = exam.tasks.reduce((s, t) => s + t.weight, 0) || 1;
  const score = (tasks.reduce((s, t) => s + t.points, 0) * 100) / total;
  const byDomain = [...by].map(([domain, v]) => ({ domain, title: DOMAINS[domain].title, got: v.got, of: v.of }));
  return { score, passed: score >= exam.passPercent, byDomain, tasks };
}

/** alertDue returns the alert (minutes left) to show when time passes from `beforeMs` to `nowMs` left, if any. */
export function alertDue(exam: Exam, leftBeforeMs: number, leftNowMs: number): number | undefined {
  return exam.alertsAtMinutesLeft.find((m) => leftBeforeMs > m * 60_000 && leftNowMs <= m * 60_000);
}
