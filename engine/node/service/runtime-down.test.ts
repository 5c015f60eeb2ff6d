import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { advance } from '../testing/advance.ts';
import { nodeLab } from '../testing/node-lab.ts';
import { nodeEnvFor } from './registry.ts';

type Cond = { type: string; status: string; reason?: string; message?: string };

describe('a node whose containerd is stopped', () => {
  it('goes NotReady with the kubelet\'s runtime errors, skips pod syncs, and comes back when containerd starts', async () => {
    const { lab, runtime, admin, sd } = await nodeLab();
    const ready = () => ((admin.get(R.nodes, undefined, 'node01').status as { conditions: Cond[] }).conditions.find((c) => c.type === 'Ready'))!;
    const journal = () => sd.journal.entries({ units: ['kubelet.service'] }).map((e) => e.message).join('\n');
    expect(ready().status).toBe('True');
    admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'early' }, spec: { nodeName: 'node01', containers: [{ name: 'web', image: 'nginx' }] } });
    await advance(runtime, 5000);
    const cri = nodeEnvFor(runtime, 'node01')!.cri;
    const running = (name: string) => [...cri.sandboxes.values()].some((s) => s.config.name === name && s.state === 'SANDBOX_READY');
    expect(running('early')).toBe(true);

    sd.stop('containerd');
    // the runtime counts as down once its last good status check is 30s old
    await advance(runtime, 20_000);
    expect(ready().status).toBe('True');
    await advance(runtime, 20_000);
    expect(ready()).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down' });
    const dial = 'rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: no such file or directory\\"';
    expect(journal()).toMatch(new RegExp(`E0105 09:00:\\d\\d\\.\\d{6} +\\d+ kubelet\\.go:\\d+\\] "Container runtime sanity check failed" err="${dial.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    expect(journal()).toContain('"Skipping pod synchronization" err="container runtime is down"');

    // containers keep running without containerd; a pod deleted meanwhile is stopped once it is back
    expect(running('early')).toBe(true);
    admin.delete(R.pods, 'default', 'early', { gracePeriodSeconds: 0 });
    // a pod bound now is not started while the runtime is away
    admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'late' }, spec: { nodeName: 'node01', containers: [{ name: 'web', image: 'nginx' }] } });
    // after three minutes without a relist PLEG is not healthy either
    await advance(runtime, 160_000);
    expect(ready().message).toMatch(/^\[container runtime is down, PLEG is not healthy: pleg was last seen active 3m\d+s ago; threshold is 3m0s\]$/);
    expect((admin.get(R.pods, 'default', 'late').status as { phase?: string } | undefined)?.phase ?? 'Pending').toBe('Pending');

    sd.start('containerd');
    await advance(runtime, 30_000);
    expect(ready()).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect((admin.get(R.pods, 'default', 'late').status as { phase: string }).phase).toBe('Running');
    expect(running('early')).toBe(false);
  });
});
