import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../grader/grade.ts';
import { readPack, shippedPackDirs } from '../node/read-pack.ts';
import type { Pack } from '../pack/types.ts';
import { LabDriver } from '../runner/lab-driver.ts';
import { runSteps } from '../runner/steps.ts';
import { drawExam, setupOrder } from './model.ts';
import { placeExam } from './exam-lab.ts';
import { disruption } from './placement.ts';
import { Rand } from '../../engine/base/rand.ts';

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

const packs: Pack[] = shippedPackDirs()
  .map((d) => readPack(d))
  .flatMap((r) => (r.ok ? [r.pack] : []))
  .filter((p) => !p.lab);

/**
 * A mock exam boots one lab of several clusters and sets its fifteen tasks up
 * on their sites, so their setups must not stall or spoil each other: every
 * setup runs clean, every disrupting task has a cluster of its own, and no
 * task starts out solved. Then every solution, typed in exam order on its
 * task's host, leaves every task passing — graded on its own cluster.
 */
describe('a mock exam across several clusters', () => {
  for (const seed of [7, 42, 99, 1234, 2026]) {
    it(`seed ${seed}: every setup succeeds, no task starts solved, every solution passes`, async () => {
      const rng = new Rand(seed);
      const exam = drawExam(packs, { id: 'mock', title: 'Mock exam', count: 15, rand: () => rng.float() });
      const { lab, tasks } = placeExam(exam, packs);
      expect(tasks).toHaveLength(15);
      const disrupting = tasks.filter((t) => disruption(t.exercise));
      expect(new Set(disrupting.map((t) => t.site.cluster)).size, 'a disrupting task shares its cluster').toBe(disrupting.length);
      expect(disrupting.every((t) => tasks.filter((o) => o.site.cluster === t.site.cluster).length === 1)).toBe(true);
      const d = new LabDriver(yieldToHost);
      await d.boot({ lab, seed });
      expect(d.clusters.map((c) => c.spec.context)).toEqual([...new Set(tasks.map((t) => t.site.context))].sort());
      const setupErrors: string[] = [];
      for (const t of setupOrder(tasks)) {
        const r = await runSteps(d, t.exercise.setup, 'setup', { host: t.exercise.host, context: t.exercise.context });
        setupErrors.push(...r.errors.map((e) => `${t.exercise.id}@${t.site.cluster}: ${e}`));
      }
      expect(setupErrors).toEqual([]);
      for (const t of tasks) expect((await gradeExercise(t.exercise, d)).passed, `${t.exercise.id} starts solved`).toBe(false);
      for (const t of tasks) {
        const r = await runSteps(d, t.exercise.solution, 'solution', { host: t.exercise.host, context: t.exercise.context });
        expect(r.errors, `${t.exercise.id}@${t.site.cluster} solution`).toEqual([]);
      }
      const failing: string[] = [];
      for (const t of tasks) {
        const g = await gradeExercise(t.exercise, d);
        failing.push(...g.checks.filter((c) => !c.passed).map((c) => `${t.exercise.id}@${t.site.cluster}: ${c.description}: ${c.message}`));
      }
      expect(failing).toEqual([]);
    }, 300_000);
  }
});
