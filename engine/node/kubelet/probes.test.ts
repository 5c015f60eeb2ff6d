import { describe, expect, it } from 'vitest';
import { nodeTestLab } from '../testing/harness.ts';

describe('probes', () => {
  it('restarts a container whose liveness probe fails and reports readiness', async () => {
    const t = await nodeTestLab();
    t.run({
      metadata: { name: 'liveness-exec' },
      spec: {
        terminationGracePeriodSeconds: 5,
        containers: [
          {
            name: 'liveness',
            image: 'busybox:1.36',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 10; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
          },
        ],
      },
    });
    t.run({ metadata: { name: 'notready' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } }] } });
    await t.advance(12_000);
    expect(t.status('liveness-exec').containerStatuses![0]!.restartCount).toBe(0);
    const nr = t.status('notready');
    expect([nr.phase, nr.containerStatuses![0]!.ready]).toEqual(['Running', false]);
    expect((nr.conditions as { type: string; status: string; reason?: string }[]).find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(t.events('notready')).toContainEqual(expect.stringMatching(/^Warning Unhealthy Readiness probe failed: Get "http:\/\/10\.244\.1\.3:8080\/": dial tcp 10\.244\.1\.3:8080: connect: connection refused/));
    await t.advance(20_000);
    const ev = t.events('liveness-exec');
    expect(ev).toContainEqual(expect.stringMatching(/^Warning Unhealthy Liveness probe failed: cat: \/tmp\/healthy: No such file or directory\n/));
    expect(ev).toContain('Normal Killing Container liveness failed liveness probe, will be restarted');
    expect(t.status('liveness-exec').containerStatuses![0]!.restartCount).toBe(1);
  });

  it('OOM-kills a container over its memory limit', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'memory-demo' }, spec: { containers: [{ name: 'memory-demo-ctr', image: 'polinux/stress', resources: { requests: { memory: '50Mi' }, limits: { memory: '100Mi' } }, command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'] }] } });
    await t.advance(8000);
    const c = t.status('memory-demo').containerStatuses![0]! as { lastState: { terminated?: Record<string, unknown> }; restartCount: number };
    expect(c.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(c.restartCount).toBeGreaterThanOrEqual(1);
    expect(t.status('memory-demo').qosClass).toBe('Burstable');
  });
});
