import { beforeAll, describe, expect, it } from 'vitest';
import { LabDriver } from '../runner/lab-driver.ts';
import { gradeExercise, runCheck } from './grade.ts';
import { CheckContext } from './checks/context.ts';
import { parseHttpResponse } from './http-probe.ts';
import type { Check, Exercise } from '../pack/types.ts';

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));
let d: LabDriver;
let ctx: CheckContext;

beforeAll(async () => {
  d = new LabDriver(yieldToHost);
  await d.boot();
  ctx = new CheckContext(d, undefined);
  const errors = await d.applyManifests(`apiVersion: v1
kind: Namespace
metadata: {name: rbac-test}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: rbac-test}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-pods, namespace: rbac-test}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: rbac-test}
data: {mode: fast}
`);
  expect(errors).toEqual([]);
  await d.writeFile('controlplane', '/opt/course/1/answer', 'forty-two\n');
}, 60_000);

async function outcome(c: Check) {
  return runCheck(c, ctx);
}

describe('checks explain what is wrong', () => {
  it('can-i names the Role that lacks the verb', async () => {
    expect(await outcome({ type: 'can-i', user: 'jane', verb: 'watch', resource: 'pods', namespace: 'rbac-test', allowed: true })).toEqual({
      passed: false,
      message:
        'user jane cannot watch pods in namespace rbac-test, but should: Role pod-reader in namespace rbac-test (bound by RoleBinding jane-pods in namespace rbac-test) does not allow verb watch on pods',
    });
    expect(await outcome({ type: 'can-i', user: 'jane', verb: 'list', resource: 'pods', namespace: 'rbac-test', allowed: false })).toEqual({
      passed: false,
      message: 'user jane can list pods in namespace rbac-test, but should not: Role pod-reader in namespace rbac-test (bound by RoleBinding jane-pods in namespace rbac-test) allows it',
    });
    expect((await outcome({ type: 'can-i', user: 'bob', verb: 'get', resource: 'pods', namespace: 'rbac-test', allowed: true })).message).toBe(
      'user bob cannot get pods in namespace rbac-test, but should: no RoleBinding in namespace rbac-test or ClusterRoleBinding names user bob',
    );
  });

  it('object checks say what was found', async () => {
    expect(await outcome({ type: 'exists', object: { kind: 'cm', namespace: 'rbac-test', name: 'settings' } })).toEqual({ passed: true, message: 'ConfigMap settings in namespace rbac-test exists' });
    expect(await outcome({ type: 'absent', object: { kind: 'ConfigMap', namespace: 'rbac-test', name: 'settings' } })).toEqual({ passed: false, message: 'ConfigMap settings in namespace rbac-test still exists' });
    expect(await outcome({ type: 'jsonpath', object: { kind: 'ConfigMap', namespace: 'rbac-test', name: 'settings' }, path: '{.data.mode}', equals: 'slow' })).toEqual({
      passed: false,
      message: 'ConfigMap settings in namespace rbac-test: .data.mode is "fast", expected "slow"',
    });
    expect(await outcome({ type: 'jsonpath', object: { kind: 'ClusterRole', name: 'view' }, path: '{.metadata.name}', equals: 'view' })).toMatchObject({ passed: true });
    expect(await outcome({ type: 'count', object: { kind: 'Node' }, equals: 2 })).toEqual({ passed: false, message: 'found 3 nodes, expected exactly 2' });
    expect(await outcome({ type: 'condition', object: { kind: 'Node', name: 'node01' }, condition: 'Ready' })).toEqual({ passed: true, message: 'Node node01 is Ready=True' });
    expect(await outcome({ type: 'exists', object: { kind: 'Widget', name: 'w' } })).toEqual({ passed: false, message: 'the cluster has no resource type Widget' });
  });

  it('host checks read files and run commands', async () => {
    expect(await outcome({ type: 'file', host: 'controlplane', path: '/opt/course/1/answer', contains: 'forty' })).toEqual({ passed: true, message: '/opt/course/1/answer on controlplane is as expected' });
    expect(await outcome({ type: 'file', host: 'controlplane', path: '/opt/course/1/answer', equals: '42' })).toEqual({
      passed: false,
      message: '/opt/course/1/answer on controlplane: content is "forty-two", expected "42"',
    });
    expect(await outcome({ type: 'file', host: 'node01', path: '/opt/course/1/answer' })).toEqual({ passed: false, message: '/opt/course/1/answer on node01 does not exist' });
    expect(await outcome({ type: 'command', host: 'controlplane', run: 'hostname', equals: 'controlplane' })).toMatchObject({ passed: true });
    expect(await outcome({ type: 'command', host: 'node01', run: 'cat /nope', exit: 0 })).toEqual({
      passed: false,
      message: '`cat /nope` on node01 exited with 1, expected 0: "cat: /nope: No such file or directory"',
    });
  });
});

describe('gradeExercise', () => {
  it('scores by check weight and passes only when every check passes', async () => {
    const ex = { id: 'x', context: undefined, checks: [
      { type: 'exists', object: { kind: 'Namespace', name: 'rbac-test' }, weight: 3 },
      { type: 'exists', object: { kind: 'Namespace', name: 'nope' } },
    ] } as unknown as Exercise;
    const g = await gradeExercise(ex, d);
    expect(g.score).toBe(0.75);
    expect(g.passed).toBe(false);
    expect(g.checks.map((c) => [c.description, c.passed])).toEqual([
      ['Namespace rbac-test exists', true],
      ['Namespace nope exists', false],
    ]);
  });
});

describe('parseHttpResponse', () => {
  it('reads the last status line and the body', () => {
    expect(parseHttpResponse('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\nnope\n')).toEqual({ status: 404, body: 'nope\n' });
    expect(parseHttpResponse('garbage')).toEqual({ error: 'no HTTP answer' });
  });
});
