import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatPackError, type Exercise, type Pack } from '../exercises/pack/types.ts';
import { readPack, shippedPackDirs } from '../exercises/node/read-pack.ts';
import { bootState, runExercise, type ExerciseRun } from '../exercises/runner/run-exercise.ts';
import type { ExerciseGrade } from '../exercises/grader/target.ts';
import { gradeExercise } from '../exercises/grader/grade.ts';
import { kubeconfigTarget } from './grade-kubeconfig.ts';

const USAGE = `Usage: kubelab grade --pack DIR|FILE|all [--exercise ID] [--solution] [--json]
       kubelab grade --kubeconfig FILE --pack DIR|FILE [--exercise ID] [--json]

Boots each exercise's lab, runs its setup and grades it. With --solution, the
reference solution is then typed into the lab's shell and the exercise is graded
again: an exercise passes when its starting state fails and its solution passes.
With --kubeconfig, a real cluster is graded through its API as it stands (no
setup, no solution; checks on hosts cannot run).
`;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
}

/** bothSides is true when an exercise's starting state fails and its solution passes. */
export function bothSides(run: ExerciseRun): boolean {
  return !run.before.passed && !!run.after?.passed && !(run.solution?.errors.length ?? 0);
}

function printGrade(g: ExerciseGrade, label: string, w: (s: string) => void): void {
  w(`  ${label}:\n`);
  for (const c of g.checks) w(`    ${c.passed ? 'PASS' : 'FAIL'}  ${c.description}: ${c.message}\n`);
  const got = g.checks.filter((c) => c.passed).length;
  w(`    score ${Math.round(g.score * 100)}% (${got}/${g.checks.length} checks)\n`);
}

/** gradeMain is `kubelab grade`. */
export async function gradeMain(args: string[]): Promise<number> {
  const packArg = option(args, '--pack');
  if (!packArg || args.includes('-h') || args.includes('--help')) {
    (packArg ? process.stdout : process.stderr).write(USAGE);
    return packArg ? 0 : 1;
  }
  const only = option(args, '--exercise');
  const solve = args.includes('--solution');
  const json = args.includes('--json');
  const out = (s: string) => process.stdout.write(s);
  const dirs = packArg === 'all' ? shippedPackDirs() : [packArg];
  const packs: Pack[] = [];
  for (const d of dirs) {
    if (!existsSync(d)) {
      process.stderr.write(`kubelab grade: ${d}: no such file or directory\n`);
      return 1;
    }
    const r = readPack(d);
    if (!r.ok) {
      const base = statSync(d).isDirectory() ? d : dirname(d);
      for (const e of r.errors) process.stderr.write(`${join(base, formatPackError(e))}\n`);
      return 1;
    }
    packs.push(r.pack);
  }
  const todo: { pack: Pack; ex: Exercise }[] = packs.flatMap((pack) => pack.exercises.filter((ex) => !only || ex.id === only).map((ex) => ({ pack, ex })));
  if (!todo.length) {
    process.stderr.write(`kubelab grade: no exercise${only ? ` with id ${only}` : ''} in ${packArg}\n`);
    return 1;
  }
  const kubeconfig = option(args, '--kubeconfig');
  if (kubeconfig) return gradeOverKubeconfig(kubeconfig, todo, json, out);
  const states = new Map<Pack, Uint8Array>();
  let passed = 0;
  const results: unknown[] = [];
  for (const { pack, ex } of todo) {
    let state = states.get(pack);
    if (!state) states.set(pack, (state = await bootState(pack, { yieldToHost })));
    const run = await runExercise(pack, ex, { yieldToHost, solution: solve, state });
    const ok = solve ? bothSides(run) : run.before.passed;
    if (ok) passed++;
    if (json) {
      results.push({ pack: pack.id, exercise: ex.id, ok, setupErrors: run.setup.errors, before: run.before, solutionErrors: run.solution?.errors, after: run.after });
      continue;
    }
    out(`${ok ? 'ok  ' : 'FAIL'} ${pack.id}/${ex.id}  ${ex.title}\n`);
    for (const e of run.setup.errors) out(`  setup error: ${e}\n`);
    if (!solve || !ok) printGrade(run.before, solve ? 'starting state (must fail)' : 'checks', out);
    for (const e of run.solution?.errors ?? []) out(`  solution error: ${e}\n`);
    if (run.after && !ok) printGrade(run.after, 'after the reference solution (must pass)', out);
  }
  const failed = todo.length - passed;
  if (json) out(JSON.stringify({ results, passed, failed }, null, 2) + '\n');
  else out(`${passed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

/** gradeOverKubeconfig grades a real cluster's current state, exercise by exercise. */
async function gradeOverKubeconfig(path: string, todo: { pack: Pack; ex: Exercise }[], json: boolean, out: (s: string) => void): Promise<number> {
  const target = kubeconfigTarget(path);
  let passed = 0;
  const results: unknown[] = [];
  for (const { pack, ex } of todo) {
    const g = await gradeExercise(ex, target);
    if (g.passed) passed++;
    if (json) results.push({ pack: pack.id, exercise: ex.id, ok: g.passed, grade: g });
    else {
      out(`${g.passed ? 'ok  ' : 'FAIL'} ${pack.id}/${ex.id}  ${ex.title}\n`);
      printGrade(g, 'checks', out);
    }
  }
  const failed = todo.length - passed;
  out(json ? JSON.stringify({ results, passed, failed }, null, 2) + '\n' : `${passed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}
