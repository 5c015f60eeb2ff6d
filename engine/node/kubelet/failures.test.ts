import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { nodeTestLab } from '../testing/harness.ts';

type Cs = { state: Record<string, Record<string, unknown>>; lastState: Record<string, Record<string, unknown>>; restartCount: number };
const cs = (st: { containerStatuses?: Record<string, unknown>[] }) => st.containerStatuses![0] as unknown as Cs;

describe('kubelet failures', () => {
  it('reports ErrImagePull then ImagePullBackOff with the real texts and back-off', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'bad' }, spec: { containers: [{ name: 'web', image: 'nginx:doesnotexist' }] } });
    await t.advance(1000);
    const err = 'failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found';
    expect(cs(t.status('bad')).state).toEqual({ waiting: { message: err, reason: 'ErrImagePull' } });
    await t.advance(5000);
    expect(cs(t.status('bad')).state).toEqual({ waiting: { message: `Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${err}`, reason: 'ImagePullBackOff' } });
    expect(t.status('bad').phase).toBe('Pending');
    expect(t.events('bad')).toEqual([
      'Normal Pulling Pulling image "nginx:doesnotexist"',
      `Warning Failed Failed to pull image "nginx:doesnotexist": ${err}`,
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nginx:doesnotexist"',
      'Warning Failed Error: ImagePullBackOff',
    ]);
    // the second pull comes after the 10s back-off, the third after 20s more
    await t.advance(10_000);
    expect(t.events('bad')[0]).toBe('Normal Pulling Pulling image "nginx:doesnotexist" (x2)');
    await t.advance(12_000);
    expect(t.events('bad')[0]).toBe('Normal Pulling Pulling image "nginx:doesnotexist" (x2)');
    await t.advance(5_000);
    expect(t.events('bad')[0]).toBe('Normal Pulling Pulling image "nginx:doesnotexist" (x3)');
  });

  it('restarts a crashing container with CrashLoopBackOff doubling from 10s', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'crash' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo starting; exit 3'] }] } });
    await t.advance(3000);
    let c = cs(t.status('crash'));
    expect(c.restartCount).toBe(1);
    await t.advance(1000);
    c = cs(t.status('crash'));
    expect(c.state.waiting).toEqual({ message: expect.stringMatching(/^back-off 10s restarting failed container=app pod=crash_default\(.+\)$/), reason: 'CrashLoopBackOff' });
    expect(c.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(t.status('crash').phase).toBe('Running');
    await t.advance(10_000);
    c = cs(t.status('crash'));
    expect(c.restartCount).toBe(2);
    expect(c.state.waiting?.message).toMatch(/^back-off 20s /);
    await t.advance(20_000);
    expect(cs(t.status('crash')).restartCount).toBe(3);
    expect(cs(t.status('crash')).state.waiting?.message).toMatch(/^back-off 40s /);
    expect(t.events('crash')).toContain(`Warning BackOff Back-off restarting failed container app in pod crash_default(${t.pod('crash').metadata.uid}) (x3)`);
  });

  it('fails a container whose ConfigMap is missing with CreateContainerConfigError, then starts it', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'cfg' }, spec: { containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'echo $COLOR; sleep 3600'], env: [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'color' } } }] }] } });
    await t.advance(3000);
    expect(cs(t.status('cfg')).state).toEqual({ waiting: { message: 'configmap "app-config" not found', reason: 'CreateContainerConfigError' } });
    expect(t.events('cfg')).toContain('Warning Failed Error: configmap "app-config" not found');
    t.admin.create(R.configmaps, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { color: 'blue' } });
    await t.advance(10_000);
    expect(t.status('cfg').phase).toBe('Running');
  });

  it('runs a command that is not in the image into StartError with runc\'s message', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'typo' }, spec: { containers: [{ name: 'app', image: 'busybox', command: ['slep', '10'] }] } });
    await t.advance(3000);
    const c = cs(t.status('typo'));
    expect(c.lastState.terminated ?? c.state.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(t.events('typo').join('\n')).toContain('Warning Failed Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "slep": executable file not found in $PATH: unknown');
  });

  it('ends Never pods in Succeeded or Failed with the exit code and reason', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'ok' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo done'] }] } });
    t.run({ metadata: { name: 'ko' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 2'] }] } });
    await t.advance(3000);
    expect(t.status('ok').phase).toBe('Succeeded');
    expect(cs(t.status('ok')).state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(t.status('ko').phase).toBe('Failed');
    expect(cs(t.status('ko')).state.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(cs(t.status('ko')).restartCount).toBe(0);
    const ready = (t.status('ok').conditions as { type: string; reason?: string }[]).find((c) => c.type === 'Ready');
    expect(ready?.reason).toBe('PodCompleted');
  });
});
