import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { startScheduler } from '../../scheduler/index.ts';
import { nodeTestLab } from '../testing/harness.ts';

describe('kubelet with the scheduler, volumes and restarts', () => {
  it('runs a pod the scheduler binds (create → schedule → run)', async () => {
    const t = await nodeTestLab();
    const s = startScheduler({ runtime: t.runtime, client: t.admin, leaderElect: false });
    t.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sched' }, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } });
    await t.advance(6000);
    const pod = t.pod('sched');
    expect((pod.spec as { nodeName: string }).nodeName).toBe('node01');
    expect(t.status('sched').phase).toBe('Running');
    s.stop();
  });

  it('shares an emptyDir between containers and projects ConfigMap files', async () => {
    const t = await nodeTestLab();
    t.admin.create(R.configmaps, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'site' }, data: { 'index.html': 'hello from a configmap\n' } });
    t.run({
      metadata: { name: 'vols' },
      spec: {
        volumes: [{ name: 'shared', emptyDir: {} }, { name: 'site', configMap: { name: 'site' } }],
        containers: [
          { name: 'writer', image: 'busybox', command: ['sh', '-c', 'echo written > /data/msg; sleep 3600'], volumeMounts: [{ name: 'shared', mountPath: '/data' }] },
          { name: 'web', image: 'nginx:1.27', volumeMounts: [{ name: 'shared', mountPath: '/shared' }, { name: 'site', mountPath: '/usr/share/nginx/html' }] },
        ],
      },
    });
    await t.advance(6000);
    expect(t.status('vols').phase).toBe('Running');
    const exec = async (container: string, ...command: string[]) => {
      const r = t.admin.raw({ method: 'POST', path: '/api/v1/namespaces/default/pods/vols/exec', query: { command, container } });
      const { Collector } = await import('../../host/streams.ts');
      const out = new Collector();
      await (r.body as { run(io: unknown): Promise<number> }).run({ stdout: out, stderr: out });
      return out.text;
    };
    expect(await exec('web', 'cat', '/shared/msg')).toBe('written\n');
    expect(await exec('web', 'cat', '/usr/share/nginx/html/index.html')).toBe('hello from a configmap\n');
    // the files live on the node, in the kubelet's pod folder
    const uid = t.pod('vols').metadata.uid;
    expect(t.host.fs.readFile(`/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/shared/msg`)).toBe('written\n');
  });

  it('keeps the previous instance\'s log for --previous', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'flaky' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo run at $(date +%s); sleep 5; exit 1'] }] } });
    await t.advance(9000);
    const prev = t.admin.raw({ method: 'GET', path: '/api/v1/namespaces/default/pods/flaky/log', query: { previous: 'true' } });
    expect(prev.status).toBe(200);
    expect(String(prev.body)).toMatch(/^run at \d+\n$/);
    const cur = t.admin.raw({ method: 'GET', path: '/api/v1/namespaces/default/pods/flaky/log' });
    expect(String(cur.body)).not.toBe(String(prev.body));
  });

  it('adopts running containers when the kubelet restarts', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
    await t.advance(5000);
    const before = t.status('web').containerStatuses![0]!.containerID;
    t.restartKubelet();
    await t.advance(15_000);
    const after = t.status('web').containerStatuses![0]!;
    expect(after.containerID).toBe(before);
    expect(after.restartCount).toBe(0);
    expect(t.status('web').podIP).toBe('10.244.1.2');
  });

  it('runs init containers first and reports them while they run', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'init-demo' }, spec: { initContainers: [{ name: 'wait', image: 'busybox', command: ['sh', '-c', 'echo waiting; sleep 5'] }], containers: [{ name: 'app', image: 'nginx:1.27' }] } });
    await t.advance(2000);
    let st = t.status('init-demo');
    expect(st.phase).toBe('Pending');
    expect((st.conditions as { type: string; status: string; message?: string }[]).find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', message: 'containers with incomplete status: [wait]' });
    expect((st.initContainerStatuses as { state: object }[])[0]!.state).toHaveProperty('running');
    expect(st.containerStatuses![0]!.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    await t.advance(8000);
    st = t.status('init-demo');
    expect(st.phase).toBe('Running');
    expect((st.initContainerStatuses as { state: { terminated: { reason: string; exitCode: number } } }[])[0]!.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('keeps a native sidecar (init container with restartPolicy Always) running beside the app', async () => {
    const t = await nodeTestLab();
    t.run({
      metadata: { name: 'sidecar' },
      spec: {
        restartPolicy: 'Never',
        initContainers: [{ name: 'logshipper', image: 'busybox', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do sleep 1; done'] }],
        containers: [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'echo working; sleep 3'] }],
      },
    });
    await t.advance(2500);
    let st = t.status('sidecar');
    expect(st.phase).toBe('Running');
    expect((st.initContainerStatuses as { state: object; started: boolean }[])[0]).toMatchObject({ started: true, state: { running: {} } });
    expect((st.conditions as { type: string; status: string }[]).find((c) => c.type === 'Initialized')?.status).toBe('True');
    await t.advance(5000);
    st = t.status('sidecar');
    expect(st.phase).toBe('Succeeded');
  });
});
