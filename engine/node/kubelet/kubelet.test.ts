import { describe, expect, it } from 'vitest';
import { nodeTestLab } from '../testing/harness.ts';

const nginx = (name: string, image = 'nginx:1.27') => ({ metadata: { name }, spec: { containers: [{ name: 'nginx', image }] } });

describe('kubelet', () => {
  it('runs a pod and reports Running with its container statuses and events', async () => {
    const t = await nodeTestLab();
    t.run(nginx('web'));
    await t.advance(100);
    expect(t.status('web').phase).toBe('Pending');
    expect(t.status('web').containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    await t.advance(5000);
    const st = t.status('web');
    expect(st.phase).toBe('Running');
    expect(st.podIP).toBe('10.244.1.2');
    expect(st.hostIP).toBe('192.168.100.11');
    expect(st.qosClass).toBe('BestEffort');
    const cs = st.containerStatuses![0]!;
    expect(cs).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', state: { running: {} } });
    expect(String(cs.containerID)).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(String(cs.imageID)).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect((st.conditions as { type: string; status: string }[]).map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(t.events('web')).toEqual([
      'Normal Pulling Pulling image "nginx:1.27"',
      expect.stringMatching(/^Normal Pulled Successfully pulled image "nginx:1.27" in [\d.]+s \([\d.]+s including waiting\)\. Image size: \d+ bytes\.$/),
      'Normal Created Created container: nginx',
      'Normal Started Started container nginx',
    ]);
  });
});
