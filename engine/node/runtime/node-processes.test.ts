import { describe, expect, it } from 'vitest';
import { advance } from '../testing/advance.ts';
import { nodeLab } from '../testing/node-lab.ts';
import { nodeEnvFor } from '../service/registry.ts';

describe('container processes in the node’s process table', () => {
  it('shows each pod’s shim and pause and each container’s command line, as ps on a node does', async () => {
    const { lab, runtime } = await nodeLab('controlplane');
    await advance(runtime, 5_000);
    const procs = lab.world.mustHost('controlplane').procs.list();
    const coredns = procs.find((p) => p.command.startsWith('/coredns '))!;
    expect(coredns.command).toBe('/coredns -conf /etc/coredns/Corefile');
    const shim = procs.find((p) => p.pid === coredns.ppid)!;
    expect(shim.command).toMatch(/^\/usr\/bin\/containerd-shim-runc-v2 -namespace k8s\.io -id [0-9a-f]{64} -address \/run\/containerd\/containerd\.sock$/);
    expect(shim.ppid).toBe(1);
    // shims stay in containerd's control group: systemctl status containerd lists them
    expect(shim.cgroup).toBe('containerd.service');
    const pause = procs.find((p) => p.ppid === shim.pid && p.command === '/pause')!;
    expect(pause.uid).toBe(65535);
  });

  it('ends a container when its process is killed from the node, and the kubelet starts it again', async () => {
    const { lab, runtime } = await nodeLab('controlplane');
    await advance(runtime, 5_000);
    const table = lab.world.mustHost('controlplane').procs;
    const cri = nodeEnvFor(runtime, 'controlplane')!.cri;
    const proxy = table.list().find((p) => p.command.startsWith('/usr/local/bin/kube-proxy '))!;
    table.signal(proxy.pid, 9);
    expect(table.get(proxy.pid)).toBeUndefined();
    const first = [...cri.containers.values()].find((c) => c.config.name === 'kube-proxy' && c.config.attempt === 0)!;
    expect(first.state).toBe('CONTAINER_EXITED');
    expect(first.exitCode).toBe(137);
    await advance(runtime, 15_000);
    const again = table.list().filter((p) => p.command.startsWith('/usr/local/bin/kube-proxy '));
    expect(again).toHaveLength(1);
    expect(again[0]!.pid).not.toBe(proxy.pid);
  });
});
