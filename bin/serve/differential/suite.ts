import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDifferential, REAL_KUBECTL, realKubectlFound, type Differential, type Output } from './harness.ts';
import { as134, as134Err, KNOWN_DIFFERENCES, withoutPortNames } from './known.ts';
import { normalise } from './normalise.ts';
import type { Scenario } from './scenario.ts';

const pair = (o: Output) => ({ stdout: normalise(o.stdout), stderr: normalise(o.stderr), exit: o.exit });
/**
 * Two labs from one seed: the engine's kubectl runs in the lab's stepped time
 * while the real one's requests arrive between steps, so the labs' own
 * components (kubelets, controllers, leases) interleave their writes with the
 * commands' differently. The objects compare equal; the resourceVersions and
 * uids, drawn from each lab's running count and random stream, may not.
 */
const twoLabs = (o: Output) => {
  const p = pair(o);
  const hide = (t: string) =>
    t
      .replace(/(resourceVersion"?: )"\d+"/g, '$1<rv>')
      .replace(/(uid"?: )"?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"?/g, '$1<uid>');
  return { ...p, stdout: hide(p.stdout), stderr: hide(p.stderr) };
};

/**
 * differentialSuite declares the tests of some scenarios: every command
 * through our kubectl and through the real one against `kubelab serve`, from
 * the same cluster state; stdout, stderr and the exit code must match once
 * ages and the server address are normalised. A write scenario then compares
 * what the two kubectls left behind in their two labs. The suite is split
 * over several test files so they run side by side.
 */
export function differentialSuite(title: string, scenarios: Scenario[]): void {
  describe(`differential (${title}): our kubectl against the real kubectl on the same cluster`, () => {
    if (!realKubectlFound()) {
      it(`cannot run: no real kubectl at ${REAL_KUBECTL} (set KUBELAB_REAL_KUBECTL)`, () => {
        console.warn(`differential suite not run: no real kubectl at ${REAL_KUBECTL}`);
      });
      return;
    }
    for (const scenario of scenarios) scenarioTests(scenario);
  });
}

function scenarioTests(scenario: Scenario): void {
  describe(scenario.name, () => {
    let a: Differential;
    let b: Differential;
    beforeAll(async () => {
      a = await openDifferential(7);
      b = scenario.mode === 'write' ? await openDifferential(7) : a;
      for (const [path, content] of Object.entries(scenario.files ?? {})) {
        await a.writeFile(path, content);
        if (b !== a) await b.writeFile(path, content);
      }
      for (const line of scenario.setup ?? []) {
        const done = await a.shell(line);
        expect(done.exit, `setup: ${line}\n${done.stderr}`).toBe(0);
        if (b !== a) await b.shell(line);
      }
    }, 60_000);
    afterAll(async () => {
      await a.close();
      if (b !== a) await b.close();
    });
    for (const command of scenario.commands) {
      it(`kubectl ${command}`, async () => {
        // Two labs are independent, so both kubectls run at once; one shared lab serves them in turn.
        const [ours134, real133] = b !== a ? await Promise.all([a.ours(command), b.real(command)]) : [await a.ours(command), await a.real(command)];
        // What 1.34 words differently is compared in 1.34's words; what only 1.34 can print is left out of ours.
        const real = { ...real133, stdout: as134(command, real133.stdout), stderr: as134Err(real133.stderr) };
        const ours = { ...ours134, stdout: withoutPortNames(ours134.stdout) };
        const seen = b === a ? pair : twoLabs;
        if (KNOWN_DIFFERENCES[command]) expect(seen(ours)).not.toEqual(seen(real));
        else expect(seen(ours)).toEqual(seen(real));
      }, 30_000);
    }
    for (const line of scenario.state ?? []) {
      it(`afterwards both labs agree: kubectl ${line}`, async () => {
        const left = await a.ours(line);
        expect(left.exit, left.stderr).toBe(0);
        expect(twoLabs(left)).toEqual(twoLabs(await b.ours(line)));
      }, 30_000);
    }
  });
}
