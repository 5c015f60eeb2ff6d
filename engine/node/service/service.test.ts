import { describe, expect, it } from 'vitest';
import { bootLab } from '../../cluster/boot/boot-lab.ts';
import { R } from '../../client/refs.ts';
import { systemdFor } from '../../host/systemd/index.ts';
import { formatEntry } from '../../host/journal/format.ts';
import { loadShellParser } from '../../shell/parser/load.ts';
import { advance } from '../testing/advance.ts';
import { nodeLab } from '../testing/node-lab.ts';
import { nodeEnvFor } from './registry.ts';

describe('the kubelet as a systemd service', () => {
  it('boots as a unit on every machine, heartbeats, and stops with systemctl', async () => {
    const { lab, runtime, admin, sd } = await nodeLab();
    expect(sd.isActive('kubelet')).toBe(true);
    expect(nodeEnvFor(runtime, 'node01')?.kubelet).toBeDefined();
    const renew = () => String((admin.get(R.leases, 'kube-node-lease', 'node01').spec as { renewTime: string }).renewTime);
    const first = renew();
    await advance(runtime, 10_000);
    expect(renew() > first).toBe(true);
    // pods run on the node once bound (bound here directly: the scheduler waits for the node lifecycle controller to lift the not-ready taint)
    admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { nodeName: 'node01', containers: [{ name: 'web', image: 'nginx' }] } });
    await advance(runtime, 5_000);
    const pod = admin.get(R.pods, 'default', 'web');
    expect((pod.status as { phase: string }).phase).toBe('Running');
    sd.stop('kubelet');
    await advance(runtime, 1_000);
    const stopped = renew();
    await advance(runtime, 11_000);
    expect(renew()).toBe(stopped);
    const journal = sd.journal.entries({ units: ['kubelet.service'] }).map((e) => formatEntry(e, 'node01')).join('\n');
    expect(journal).toMatch(/node01 kubelet\[\d+\]: I0105 09:00:\d\d\.\d{6} +\d+ server\.go:\d+\] "Kubelet version" kubeletVersion="v1\.34\.3"/);
    expect(journal).toContain('Stopped kubelet: The Kubernetes Node Agent.');
  });

  it('keeps failing with the real errors when config.yaml or a flag is broken', async () => {
    await loadShellParser();
    const lab = bootLab();
    const { runtime } = lab.world;
    await advance(runtime, 1000);
    const sd = systemdFor(runtime, 'node01')!;
    const fs = lab.world.mustHost('node01').fs;
    fs.writeFile('/var/lib/kubelet/config.yaml', 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nstaticPodPath: [\n');
    sd.restart('kubelet');
    await advance(runtime, 1000);
    const journal = sd.journal.entries({ units: ['kubelet.service'] }).map((e) => e.message).join('\n');
    expect(journal).toContain('"command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to decode: yaml: line');
    expect(sd.activeState('kubelet')).toBe('activating');
    fs.unlink('/var/lib/kubelet/config.yaml');
    await advance(runtime, 11_000);
    // a wrong flag in kubeadm-flags.env (read at every start) fails the same way until it is fixed
    const sd2 = systemdFor(runtime, 'node02')!;
    const fs2 = lab.world.mustHost('node02').fs;
    const good = fs2.readFile('/var/lib/kubelet/kubeadm-flags.env');
    fs2.writeFile('/var/lib/kubelet/kubeadm-flags.env', good.replace('--node-ip=', '--fake-flag=x --node-ip='));
    sd2.restart('kubelet');
    await advance(runtime, 1000);
    const text2 = () => sd2.journal.entries({ units: ['kubelet.service'] }).map((e) => e.message).join('\n');
    expect(text2()).toMatch(/E0105 09:00:\d\d\.\d{6} +\d+ run\.go:72\] "command failed" err="failed to parse kubelet flag: unknown flag: --fake-flag"/);
    fs2.writeFile('/var/lib/kubelet/kubeadm-flags.env', good);
    await advance(runtime, 11_000);
    expect(sd2.isActive('kubelet')).toBe(true);
    expect(sd.journal.entries({ units: ['kubelet.service'] }).map((e) => e.message).join('\n')).toContain('error failed to read kubelet config file \\"/var/lib/kubelet/config.yaml\\", error: open /var/lib/kubelet/config.yaml: no such file or directory"');
  });
});
