import { describe, expect, it } from 'vitest';
import { R } from '../client/refs.ts';
import { bootLab } from './boot/boot-lab.ts';
import { parseLabDefinition } from './lab-definition.ts';

const LAB = `apiVersion: kubelab.dev/v1
kind: Lab
spec:
  student: {host: terminal, ip: 192.168.100.5}
  clusters:
  - name: a
    version: 1.34.3
    controlPlane: direct
    machines:
    - {name: cpa, role: control-plane, ip: 192.168.101.10}
    - {name: wa, role: worker, ip: 192.168.101.11}
  - name: b
    version: 1.34.3
    controlPlane: direct
    podSubnet: 10.245.0.0/16
    machines:
    - {name: cpb, role: control-plane, ip: 192.168.102.10}
    - {name: wb, role: worker, ip: 192.168.102.11}
`;

describe('a lab of two clusters', () => {
  it("gives each cluster's nodes pod ranges from its own pod network, and the student a context per cluster", () => {
    const lab = bootLab({ def: parseLabDefinition(LAB) });
    const cidrs = lab.clusters.map((c) => c.admin.list(R.nodes, undefined).items.map((n) => `${n.metadata.name}=${(n.spec as { podCIDR?: string }).podCIDR}`));
    expect(cidrs).toEqual([
      ['cpa=10.244.0.0/24', 'wa=10.244.1.0/24'],
      ['cpb=10.245.0.0/24', 'wb=10.245.1.0/24'],
    ]);
    const kubeconfig = lab.world.mustHost('terminal').fs.readFile('/home/candidate/.kube/config');
    expect(kubeconfig).toMatch(/name: kubernetes-admin@a\n/);
    expect(kubeconfig).toMatch(/name: kubernetes-admin@b\n/);
    expect(kubeconfig).toContain('current-context: kubernetes-admin@a\n');
  });
});

describe('two clusters with their control planes as static pods', () => {
  it("give each cluster's pods addresses of its own pod network, so each cluster's DNS answers for its own Services", async () => {
    const { Lab } = await import('../lab/lab.ts');
    const out: string[] = [];
    const engine = new Lab({ emit: (e) => void (e.type === 'output' && out.push(e.data)), yieldToHost: () => new Promise<void>((r) => setImmediate(r)), mode: 'stepped' });
    const s = (await engine.boot({ seed: 6, lab: LAB.replace(/    controlPlane: direct\n/g, '') })).sessions[0]!.id;
    const run = async (line: string) => {
      out.length = 0;
      await engine.submit(s, line);
      return out.join('');
    };
    expect(await run("kubectl --context kubernetes-admin@b -n kube-system get pods -l k8s-app=kube-dns -o jsonpath='{.items[*].status.podIP}'")).toMatch(/^10\.245\.\d+\.\d+ 10\.245\.\d+\.\d+$/);
    await run('kubectl create deployment web --image=nginx');
    await run('kubectl expose deployment web --port=80');
    expect(await run('kubectl run lookup --restart=Never --image=busybox --rm -i -- nslookup web.default.svc.cluster.local')).toMatch(/Name:\tweb\.default\.svc\.cluster\.local\nAddress: 10\./);
  }, 120_000);
});
