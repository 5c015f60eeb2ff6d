import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../grader/grade.ts';
import { readPack, shippedPackDirs } from '../node/read-pack.ts';
import type { Exercise, Pack } from '../pack/types.ts';
import { LabDriver } from '../runner/lab-driver.ts';
import { runSteps } from '../runner/steps.ts';
import { drawExam, findExercise, setupOrder } from './model.ts';
import { Rand } from '../../engine/base/rand.ts';

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

const packs: Pack[] = shippedPackDirs()
  .map((d) => readPack(d))
  .flatMap((r) => (r.ok ? [r.pack] : []))
  .filter((p) => !p.lab);

/**
 * A mock exam sets fifteen tasks up in one lab, one after another, so their
 * setups must not stall or spoil each other: every setup runs clean, and no
 * task starts out solved. Then every solution, typed in exam order, leaves
 * every task passing.
 */
describe('a mock exam in one lab', () => {
  for (const seed of [7, 42, 99, 1234, 2026]) {
    it(`seed ${seed}: every setup succeeds, no task starts solved, every solution passes`, async () => {
      const rng = new Rand(seed);
      const exam = drawExam(packs, { id: 'mock', title: 'Mock exam', count: 15, rand: () => rng.float() });
      const tasks = exam.tasks.map((task) => ({ task, exercise: findExercise(packs, task) as Exercise }));
      expect(tasks.every((t) => t.exercise)).toBe(true);
      const d = new LabDriver(yieldToHost);
      await d.boot({ seed });
      const setupErrors: string[] = [];
      for (const t of setupOrder(tasks)) {
        const r = await runSteps(d, t.exercise.setup, 'setup', { host: t.exercise.host, context: t.exercise.context });
        setupErrors.push(...r.errors.map((e) => `${t.exercise.id}: ${e}`));
      }
      expect(setupErrors).toEqual([]);
      for (const t of tasks) expect((await gradeExercise(t.exercise, d)).passed, `${t.exercise.id} starts solved`).toBe(false);
      for (const t of tasks) {
        const r = await runSteps(d, t.exercise.solution, 'solution', { host: t.exercise.host, context: t.exercise.context });
        expect(r.errors, `${t.exercise.id} solution`).toEqual([]);
      }
      const failing: string[] = [];
      for (const t of tasks) {
        const g = await gradeExercise(t.exercise, d);
        failing.push(...g.checks.filter((c) => !c.passed).map((c) => `${t.exercise.id}: ${c.description}: ${c.message}`));
      }
      expect(failing).toEqual([]);
    }, 300_000);
  }
});
