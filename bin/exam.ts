import { existsSync, readFileSync } from 'node:fs';
import { Rand } from '../engine/base/rand.ts';
import { parseLabDefinition } from '../engine/cluster/lab-definition.ts';
import { placeExam, type PlacedTask } from '../exercises/exam/exam-lab.ts';
import { drawExam, scoreExam, setupOrder } from '../exercises/exam/model.ts';
import { whereText } from '../exercises/exam/placement.ts';
import { gradeExercise } from '../exercises/grader/grade.ts';
import type { ExerciseGrade } from '../exercises/grader/target.ts';
import { readPack, shippedPackDirs } from '../exercises/node/read-pack.ts';
import { LabDriver, type Transcript } from '../exercises/runner/lab-driver.ts';
import { runSteps } from '../exercises/runner/steps.ts';

const USAGE = `Usage: kubelab exam [--seed N] [--tasks N] [--solution | --answers FILE] [--print-lab] [--json]

Draws a mock exam from the shipped packs (the same exam for the same seed),
boots its lab — one small cluster per group of questions, each question on
its own cluster when it could spoil another — sets every task up and prints
the questions, each with the host to ssh to and its context.
  --answers FILE  type FILE's lines into the student's terminal (as at the
                  exam: ssh to each question's host), then grade the exam
  --solution      type every task's reference solution instead, then grade
  --print-lab     print the exam's lab definition (for kubelab shell --lab)
Without answers, the exam is graded as set up: no task may start solved.
`;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
}

function positiveInt(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

/** examMain is `kubelab exam`. */
export async function examMain(args: string[]): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const seed = positiveInt(option(args, '--seed'), 1);
  const count = positiveInt(option(args, '--tasks'), 15);
  if (seed === undefined || count === undefined) {
    process.stderr.write(`kubelab exam: --seed and --tasks take a positive whole number\n\n${USAGE}`);
    return 1;
  }
  const answersFile = option(args, '--answers');
  if (answersFile !== undefined && !existsSync(answersFile)) {
    process.stderr.write(`kubelab exam: ${answersFile}: no such file or directory\n`);
    return 1;
  }
  const solve = args.includes('--solution');
  const json = args.includes('--json');
  const out = (s: string) => process.stdout.write(s);

  const packs = shippedPackDirs()
    .map((d) => readPack(d))
    .flatMap((r) => (r.ok ? [r.pack] : []))
    .filter((p) => !p.lab);
  const rng = new Rand(seed);
  const exam = drawExam(packs, { id: `mock-${seed}`, title: 'Mock exam', count, rand: () => rng.float() });
  const { lab, tasks } = placeExam(exam, packs);
  if (args.includes('--print-lab')) {
    out(lab);
    return 0;
  }

  const d = new LabDriver(yieldToHost);
  const started = performance.now();
  await d.boot({ lab, seed });
  const bootMs = performance.now() - started;
  const setupErrors: string[] = [];
  for (const t of setupOrder(tasks)) {
    const r = await runSteps(d, t.exercise.setup, 'setup', { host: t.exercise.host, context: t.exercise.context });
    setupErrors.push(...r.errors.map((e) => `question ${tasks.indexOf(t) + 1} (${t.exercise.id}): ${e}`));
  }

  let typed: Transcript[] = [];
  const solutionErrors: string[] = [];
  if (answersFile !== undefined) typed = await d.type(d.student.host, d.student.user, readFileSync(answersFile, 'utf8'));
  else if (solve) {
    for (const [i, t] of tasks.entries()) {
      const r = await runSteps(d, t.exercise.solution, 'solution', { host: t.exercise.host, context: t.exercise.context });
      solutionErrors.push(...r.errors.map((e) => `question ${i + 1} (${t.exercise.id}): ${e}`));
    }
  }
  const grades = new Map<string, ExerciseGrade>();
  for (const t of tasks) grades.set(`${t.task.pack}/${t.task.exercise}`, await gradeExercise(t.exercise, d));
  const report = scoreExam(exam, packs, grades);
  const answered = answersFile !== undefined || solve;
  const startedSolved = answered ? [] : tasks.filter((t) => grades.get(`${t.task.pack}/${t.task.exercise}`)?.passed);
  const clusters = parseLabDefinition(lab).clusters.map((c) => ({ name: c.name, context: c.context, machines: c.machines.map((m) => m.name) }));

  if (json) {
    out(
      JSON.stringify(
        {
          seed,
          bootMs: Math.round(bootMs),
          clusters,
          questions: tasks.map((t, i) => ({ ...questionOf(t, i), grade: grades.get(`${t.task.pack}/${t.task.exercise}`) })),
          setupErrors,
          solutionErrors,
          typed,
          score: report.score,
          passed: report.passed,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    out(`Mock exam (seed ${seed}): ${tasks.length} questions on ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}, booted in ${(bootMs / 1000).toFixed(1)}s\n`);
    for (const c of clusters) out(`  ${c.context}: ${c.machines.join(', ')}\n`);
    for (const [i, t] of tasks.entries()) {
      const q = questionOf(t, i);
      out(`\nQuestion ${q.number} · ${q.weight}% · ${q.title}\n${whereText(t.site, q.host)}\n\n${q.task.trimEnd()}\n`);
    }
    for (const e of setupErrors) out(`setup error: ${e}\n`);
    for (const e of solutionErrors) out(`solution error: ${e}\n`);
    if (answered) {
      out('\n');
      for (const [i, r] of report.tasks.entries()) out(`${r.grade?.passed ? 'PASS' : 'FAIL'}  question ${i + 1} (${r.task.exercise}): ${r.points.toFixed(1)} of ${r.task.weight} points\n`);
      out(`Exam result: ${Math.round(report.score)}% — ${report.passed ? 'pass' : 'not yet'} (pass mark ${exam.passPercent}%)\n`);
    } else for (const t of startedSolved) out(`starts solved: question ${tasks.indexOf(t) + 1} (${t.exercise.id})\n`);
  }
  if (setupErrors.length || solutionErrors.length || startedSolved.length) return 1;
  return solve && !report.tasks.every((r) => r.grade?.passed) ? 1 : 0;
}

/** questionOf is a question as the learner reads it: where to solve it, and its text with that cluster's names. */
function questionOf(t: PlacedTask, i: number) {
  return { number: i + 1, pack: t.task.pack, exercise: t.task.exercise, title: t.exercise.title, weight: t.task.weight, host: t.exercise.host ?? t.site.host, context: t.site.context, cluster: t.site.cluster, task: t.exercise.task };
}
