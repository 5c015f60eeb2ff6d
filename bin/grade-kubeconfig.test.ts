import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from './serve/main.ts';
import { kubeconfigTarget } from './grade-kubeconfig.ts';
import { gradeExercise } from '../exercises/grader/grade.ts';
import type { Exercise } from '../exercises/pack/types.ts';

let served: Awaited<ReturnType<typeof startServe>>;
let path: string;

beforeAll(async () => {
  served = await startServe({ port: 0, tick: false });
  path = join(mkdtempSync(join(tmpdir(), 'kubelab-grade-')), 'kubeconfig');
  writeFileSync(path, served.kubeconfig);
}, 60_000);

afterAll(async () => {
  await served?.close();
});

it('grades a cluster over HTTPS with a kubeconfig, hosts being out of reach', async () => {
  const ex = {
    id: 'x',
    checks: [
      { type: 'exists', object: { kind: 'Namespace', name: 'kube-system' } },
      { type: 'can-i', user: 'jane', verb: 'list', resource: 'pods', namespace: 'default', allowed: true },
      { type: 'file', host: 'controlplane', path: '/etc/hostname' },
    ],
  } as unknown as Exercise;
  const g = await gradeExercise(ex, kubeconfigTarget(path));
  expect(g.checks.map((c) => [c.passed, c.message])).toEqual([
    [true, 'Namespace kube-system exists'],
    [false, 'user jane cannot list pods in namespace default, but should: no RoleBinding in namespace default or ClusterRoleBinding names user jane'],
    [false, 'the check could not run: the hosts cannot be reached when grading through --kubeconfig'],
  ]);
});
