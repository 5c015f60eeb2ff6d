import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDifferential, REAL_KUBECTL, realKubectlFound, type Differential } from './harness.ts';
import { normalise } from './normalise.ts';
import { KNOWN_DIFFERENCES, SCENARIOS } from './scenarios.ts';

/**
 * The differential suite: every command of every scenario, through our
 * kubectl and through the real one against `kubelab serve`, from the same
 * cluster state; stdout, stderr and the exit code must match once ages and
 * the server address are normalised.
 */
const found = realKubectlFound();

describe('differential: our kubectl against the real kubectl on the same cluster', () => {
  if (!found) {
    it(`cannot run: no real kubectl at ${REAL_KUBECTL} (set KUBELAB_REAL_KUBECTL)`, () => {
      console.warn(`differential suite not run: no real kubectl at ${REAL_KUBECTL}`);
    });
    return;
  }
  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      let a: Differential;
      let b: Differential;
      beforeAll(async () => {
        a = await openDifferential(7);
        b = scenario.mode === 'write' ? await openDifferential(7) : a;
        for (const line of scenario.setup ?? []) {
          await a.shell(line);
          if (b !== a) await b.shell(line);
        }
      }, 60_000);
      afterAll(async () => {
        await a.close();
        if (b !== a) await b.close();
      });
      for (const command of scenario.commands) {
        it(`kubectl ${command}`, async () => {
          const ours = await a.ours(command);
          const real = await b.real(command);
          const pair = (o: { stdout: string; stderr: string; exit: number }) => ({ stdout: normalise(o.stdout), stderr: normalise(o.stderr), exit: o.exit });
          if (KNOWN_DIFFERENCES[command]) expect(pair(ours)).not.toEqual(pair(real));
          else expect(pair(ours)).toEqual(pair(real));
        }, 30_000);
      }
    });
  }
});
