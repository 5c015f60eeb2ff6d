import { afterEach, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeMain } from './grade.ts';

const EXERCISE = `apiVersion: kubelab.dev/v1
kind: Exercise
id: cm-one
title: A ConfigMap
domain: workloads-scheduling
curriculum: [Use ConfigMaps and Secrets to configure applications]
task: Create ConfigMap \`one\` with \`a=b\`.
checks:
- type: jsonpath
  object: {kind: ConfigMap, name: one}
  path: '{.data.a}'
  equals: b
solution:
- run: |
    kubectl apply -f - <<EOF
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: one
    data:
      a: b
    EOF
`;

function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  return { out: () => out, err: () => err };
}

function file(name: string, text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'kubelab-pack-')), name);
  writeFileSync(p, text);
  return p;
}

afterEach(() => vi.restoreAllMocks());

it('grades the starting state, then both sides with --solution', async () => {
  const p = file('cm.yaml', EXERCISE);
  const io = capture();
  expect(await gradeMain(['--pack', p])).toBe(1);
  expect(io.out()).toBe(
    'FAIL cm/cm-one  A ConfigMap\n  checks:\n    FAIL  ConfigMap one: {.data.a}: ConfigMap one in namespace default does not exist\n    score 0% (0/1 checks)\n0 passed, 1 failed\n',
  );
  const io2 = capture();
  expect(await gradeMain(['--pack', p, '--solution'])).toBe(0);
  expect(io2.out()).toBe('ok   cm/cm-one  A ConfigMap\n1 passed, 0 failed\n');
}, 60_000);

it('refuses a bad pack with file, line and column, and an unknown exercise', async () => {
  const p = file('bad.yaml', EXERCISE.replace('type: jsonpath', 'type: jsonpth'));
  const io = capture();
  expect(await gradeMain(['--pack', p])).toBe(1);
  expect(io.err()).toBe(`${p}:9:9: checks[0]: unknown type "jsonpth" (one of exists, absent, jsonpath, count, condition, file, command, can-i, http)\n`);
  const io2 = capture();
  expect(await gradeMain(['--pack', file('cm.yaml', EXERCISE), '--exercise', 'nope'])).toBe(1);
  expect(io2.err()).toMatch(/^kubelab grade: no exercise with id nope in /);
});
