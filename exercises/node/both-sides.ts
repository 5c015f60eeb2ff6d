import { formatPackError } from '../pack/types.ts';
import { describe, expect, it } from 'vitest';
import { readPack } from './read-pack.ts';
import { runExerciseOn } from '../runner/run-exercise.ts';
import { LabDriver } from '../runner/lab-driver.ts';
import type { ExerciseGrade } from '../grader/target.ts';

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

function failing(g: ExerciseGrade): string[] {
  return g.checks.filter((c) => !c.passed).map((c) => `${c.description}: ${c.message}`);
}

/**
 * testPackBothSides is the test every shipped pack runs: for each exercise the
 * setup succeeds, the starting state fails its checks, and the reference
 * solution typed into the lab's shell succeeds and passes them all.
 */
export function testPackBothSides(dir: string): void {
  const r = readPack(dir);
  if (!r.ok) {
    it('loads', () => expect(r.errors.map(formatPackError)).toEqual([]));
    return;
  }
  const pack = r.pack;
  describe(`pack ${pack.id}`, () => {
    let driver: LabDriver | undefined;
    const prepared = /^\s*installed:\s*false\s*$/m.test(pack.lab ?? '');
    for (const ex of pack.exercises) {
      it(`${ex.id}: the starting state fails and the solution passes`, async () => {
        // Exercises share one lab for speed, except in a pack of prepared machines, where each builds its own cluster.
        if (!driver || prepared) {
          driver = new LabDriver(yieldToHost);
          await driver.boot({ lab: pack.lab });
        }
        const run = await runExerciseOn(driver, ex, true);
        expect(run.setup.errors, 'setup errors').toEqual([]);
        expect(run.before.passed, 'the starting state must fail').toBe(false);
        expect(run.solution?.errors, 'solution errors').toEqual([]);
        expect(failing(run.after!), 'checks failing after the solution').toEqual([]);
      });
    }
  });
}
