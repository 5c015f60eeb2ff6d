import { afterEach, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rand } from '../engine/base/rand.ts';
import { parseLabDefinition } from '../engine/cluster/lab-definition.ts';
import { placeExam } from '../exercises/exam/exam-lab.ts';
import { drawExam } from '../exercises/exam/model.ts';
import { readPack, shippedPackDirs } from '../exercises/node/read-pack.ts';
import { examMain } from './exam.ts';

function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  return { out: () => out, err: () => err };
}

afterEach(() => vi.restoreAllMocks());

/** placed is the exam `kubelab exam --seed` sets up, computed here from the packs as they stand. */
function placed(seed: number) {
  const packs = shippedPackDirs()
    .map((d) => readPack(d))
    .flatMap((r) => (r.ok ? [r.pack] : []))
    .filter((p) => !p.lab);
  const rng = new Rand(seed);
  return placeExam(drawExam(packs, { id: `mock-${seed}`, title: 'Mock exam', count: 15, rand: () => rng.float() }), packs);
}

it('refuses a bad seed and a missing answers file, changing nothing', async () => {
  const io = capture();
  expect(await examMain(['--seed', 'x'])).toBe(1);
  expect(io.err()).toMatch(/^kubelab exam: --seed and --tasks take a positive whole number\n/);
  expect(await examMain(['--answers', '/nonexistent/answers.sh'])).toBe(1);
  expect(io.err()).toContain('kubelab exam: /nonexistent/answers.sh: no such file or directory\n');
  expect(io.out()).toBe('');
});

it('prints the lab of the exam a seed draws: the same one every time', async () => {
  const io = capture();
  expect(await examMain(['--seed', '42', '--print-lab'])).toBe(0);
  const first = io.out();
  const def = parseLabDefinition(first);
  expect(def.clusters.map((c) => c.context)).toEqual([...new Set(placed(42).tasks.map((t) => t.site.context))].sort());
  const io2 = capture();
  await examMain(['--seed', '42', '--print-lab']);
  expect(io2.out()).toBe(first);
});

it('sets the exam up, prints where each question is solved, and grades answers typed at the student terminal', async () => {
  const seed = 2026;
  const { tasks } = placed(seed);
  // Answer one question as a candidate would: ssh to its host, type its solution, come back.
  const i = tasks.findIndex((t) => t.exercise.solution.length > 0 && t.exercise.solution.every((s) => 'run' in s && !s.host && !s.user));
  const t = tasks[i]!;
  const script = `ssh ${t.exercise.host}\n${t.exercise.solution.map((s) => ('run' in s ? s.run.replace(/\n$/, '') : '')).join('\n')}\nexit\n`;
  const answers = join(mkdtempSync(join(tmpdir(), 'kubelab-exam-')), 'answers.sh');
  writeFileSync(answers, script);
  const io = capture();
  expect(await examMain(['--seed', String(seed), '--answers', answers])).toBe(0);
  const out = io.out();
  expect(out).toMatch(new RegExp(`^Mock exam \\(seed ${seed}\\): 15 questions on \\d clusters?, booted in `));
  expect(out).toContain(`\nQuestion ${i + 1} · ${t.task.weight}% · ${t.exercise.title}\nSolve this question on: ssh ${t.exercise.host} (context ${t.site.context})\n`);
  expect(out).toContain(`PASS  question ${i + 1} (${t.task.exercise}): ${t.task.weight.toFixed(1)} of ${t.task.weight} points\n`);
  expect(out.match(/^PASS /gm)).toHaveLength(1);
  expect(out).toMatch(/\nExam result: \d+% — not yet \(pass mark 66%\)\n$/);
}, 120_000);
