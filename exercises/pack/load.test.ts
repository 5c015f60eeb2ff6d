import { describe, expect, it } from 'vitest';
import { loadPack, parseExercise } from './load.ts';
import { formatPackError } from './types.ts';

const GOOD = `apiVersion: kubelab.dev/v1
kind: Exercise
id: cm-one
title: A ConfigMap
domain: workloads-scheduling
curriculum: [Use ConfigMaps and Secrets to configure applications]
task: Create ConfigMap \`one\`.
checks:
- type: exists
  object: {kind: ConfigMap, name: one}
solution:
- run: kubectl create configmap one
`;

function errorsOf(text: string): string[] {
  const r = loadPack({ 'ex.yaml': text });
  return r.ok ? [] : r.errors.map(formatPackError);
}

describe('loadPack', () => {
  it('loads a valid exercise with defaults filled in', () => {
    const r = loadPack({ 'ex.yaml': GOOD }, 'solo');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.id).toBe('solo');
    const ex = r.pack.exercises[0]!;
    expect(ex).toMatchObject({ id: 'cm-one', weight: 4, setup: [], hints: [], source: 'ex.yaml' });
    expect(ex.checks[0]).toEqual({ type: 'exists', object: { kind: 'ConfigMap', name: 'one' } });
  });

  it('names file, line and column of an unknown check type', () => {
    expect(errorsOf(GOOD.replace('type: exists', 'type: exist'))).toEqual([
      'ex.yaml:9:9: checks[0]: unknown type "exist" (one of exists, absent, jsonpath, count, condition, file, command, can-i, http)',
    ]);
  });

  it('reports unknown fields, missing fields and wrong types where they are', () => {
    const bad = GOOD.replace('title: A ConfigMap\n', '').replace('domain: workloads-scheduling', 'domain: workloads\ncolour: red').replace("{kind: ConfigMap, name: one}", '{kind: ConfigMap, name: one, replicas: 3}');
    expect(errorsOf(bad)).toEqual([
      'ex.yaml:4:9: domain: must be one of troubleshooting, cluster-architecture, services-networking, workloads-scheduling, storage (got "workloads")',
      'ex.yaml:5:1: colour: unknown field (allowed: apiVersion, kind, id, title, domain, curriculum, context, host, weight, minutes, setup, task, hints, checks, solution)',
      'ex.yaml:10:40: checks[0].object.replicas: unknown field (allowed: kind, apiVersion, namespace, name)',
      'ex.yaml:1:1: title: required field is missing',
    ]);
    expect(errorsOf(GOOD.replace('id: cm-one', 'id: [a]'))).toEqual(['ex.yaml:3:5: id: must be a string']);
  });

  it('reports YAML syntax errors with their position', () => {
    const errs = errorsOf(GOOD.replace('title: A ConfigMap', 'title: "A ConfigMap'));
    expect(errs).toEqual(['ex.yaml:13:1: Missing closing "quote']);
  });

  it('refuses markup that could run code in the task text', () => {
    expect(errorsOf(GOOD.replace('task: Create ConfigMap `one`.', 'task: "Hello <script>alert(1)</script>"'))).toEqual([
      'ex.yaml:7:7: task: contains HTML that could run code (<script); use plain Markdown',
    ]);
    expect(errorsOf(GOOD.replace('task: Create ConfigMap `one`.', 'task: "[x](javascript:alert(1))"'))[0]).toMatch(/javascript:/);
  });

  it('needs exactly one kind of step', () => {
    expect(errorsOf(GOOD.replace('- run: kubectl create configmap one', '- run: a\n  apply: b'))).toEqual(['ex.yaml:12:3: solution[0]: has both run and apply; give one']);
    expect(errorsOf(GOOD.replace('- run: kubectl create configmap one', '- host: x'))).toEqual([
      'ex.yaml:12:3: solution[0]: needs one of run, apply, file, fault',
    ]);
  });

  it('takes the task from the Markdown file beside the exercise', () => {
    const noTask = GOOD.replace('task: Create ConfigMap `one`.\n', '');
    expect(parseExercise('ex.yaml', noTask, '# Task\nDo it').exercise?.task).toBe('# Task\nDo it');
    expect(errorsOf(noTask)).toEqual(['ex.yaml:1:1: task: required field is missing (write it here or in ex.md)']);
  });

  it('checks pack.yaml and the exercise list, and refuses duplicate ids', () => {
    const pack = 'apiVersion: kubelab.dev/v1\nkind: Pack\nid: p\ntitle: P\nexercises: [a.yaml, b.yaml, c.yaml]\n';
    const r = loadPack({ 'pack.yaml': pack, 'a.yaml': GOOD, 'b.yaml': GOOD });
    expect(r.ok ? [] : r.errors.map(formatPackError)).toEqual(['b.yaml:1:1: id: "cm-one" is already used by a.yaml', 'pack.yaml:1:1: exercises: no file named c.yaml in the pack']);
  });
});
