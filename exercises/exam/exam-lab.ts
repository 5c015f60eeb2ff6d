import type { Exercise, Pack } from '../pack/types.ts';
import { localizeExercise } from './localize.ts';
import { findExercise, type Exam, type ExamTask } from './model.ts';
import { planExam, type TaskSite } from './placement.ts';

/** PlacedTask is an exam task with its site and its exercise rewritten to run there. */
export interface PlacedTask {
  task: ExamTask;
  site: TaskSite;
  /** exercise: localized to the site (hosts, context, text) */
  exercise: Exercise;
}

/**
 * placeExam gives an exam its lab (several clusters) and each task its site;
 * tasks whose exercise is missing from the packs are left out.
 */
export function placeExam(exam: Exam, packs: Pack[]): { lab: string; tasks: PlacedTask[] } {
  const found = exam.tasks.flatMap((task) => {
    const ex = findExercise(packs, task);
    return ex ? [{ task, ex }] : [];
  });
  const plan = planExam(found.map((f) => f.ex));
  return { lab: plan.lab, tasks: found.map((f, i) => ({ task: f.task, site: plan.sites[i]!, exercise: localizeExercise(f.ex, plan.sites[i]!) })) };
}
