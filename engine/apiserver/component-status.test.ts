import { describe, expect, it } from 'vitest';
import { steppedLab } from '../lab/testing/stepped-lab.ts';

const WARNING = 'Warning: v1 ComponentStatus is deprecated in v1.19+\n';

describe('ComponentStatus (kubectl get cs)', () => {
  it('probes the scheduler, the controller manager and etcd on every request, as a kubeadm apiserver does', async () => {
    const lab = await steppedLab({ seed: 3 });
    const run = async (line: string) => (await lab.run(line)).text;
    expect(await run('kubectl get cs')).toBe(
      WARNING +
      [
        'NAME                 STATUS    MESSAGE   ERROR',
        'scheduler            Healthy   ok        ',
        'controller-manager   Healthy   ok        ',
        'etcd-0               Healthy   ok        ',
        '',
      ].join('\n'),
    );
    expect(await run('kubectl get componentstatus scheduler -o jsonpath={.conditions[0].message}')).toBe(WARNING + 'ok');
    expect(await run('kubectl get cs nothing')).toBe(WARNING + 'Error from server: Component not found: nothing\n');

    // The scheduler's static pod goes away: its port no longer answers.
    await run('ssh controlplane');
    await run('sudo mv /etc/kubernetes/manifests/kube-scheduler.yaml /root/');
    await run('sleep 30');
    const down = await run('kubectl get cs --no-headers');
    expect(down).toContain('scheduler            Unhealthy   Get "https://127.0.0.1:10259/healthz": dial tcp 127.0.0.1:10259: connect: connection refused');
    expect(down).toMatch(/controller-manager +Healthy +ok/);
    await run('sudo mv /root/kube-scheduler.yaml /etc/kubernetes/manifests/');
    await run('sleep 60');
    expect(await run('kubectl get cs scheduler --no-headers')).toMatch(/^Warning.*\nscheduler +Healthy +ok/);
  }, 120_000);

  it('warns on every request for a deprecated API once the cluster has deprecated it', async () => {
    const lab = await steppedLab({ seed: 3 });
    const run = async (line: string) => (await lab.run(line)).text;
    expect(await run('kubectl get endpoints kubernetes -o name')).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nendpoints/kubernetes\n');
    expect(await run('kubectl get endpointslices -o name')).not.toContain('Warning');
  }, 120_000);
});
