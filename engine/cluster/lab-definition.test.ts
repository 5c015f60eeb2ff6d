import { describe, expect, it } from 'vitest';
import { defaultLab, parseLabDefinition } from './lab-definition.ts';
import { examLab } from './labs/exam.ts';

function lab(clusters: string): string {
  return `apiVersion: kubelab.dev/v1\nkind: Lab\nspec:\n  student: {host: terminal, ip: 192.168.100.5}\n  clusters:\n${clusters}`;
}
const cluster = (name: string, cp: string, ip: string, podSubnet?: string) =>
  `  - name: ${name}\n    version: 1.34.3\n${podSubnet ? `    podSubnet: ${podSubnet}\n` : ''}    machines:\n    - {name: ${cp}, role: control-plane, ip: ${ip}}\n`;

describe('a lab of several clusters on one network', () => {
  it('accepts clusters with their own machines and pod networks', () => {
    const def = parseLabDefinition(lab(cluster('a', 'cp-a', '192.168.101.10') + cluster('b', 'cp-b', '192.168.102.10', '10.245.0.0/16')));
    expect(def.clusters.map((c) => [c.context, c.podSubnet])).toEqual([['kubernetes-admin@a', '10.244.0.0/16'], ['kubernetes-admin@b', '10.245.0.0/16']]);
  });
  it('refuses overlapping pod networks, and a machine name or address used twice', () => {
    expect(() => parseLabDefinition(lab(cluster('a', 'cp-a', '192.168.101.10') + cluster('b', 'cp-b', '192.168.102.10')))).toThrow(
      'lab definition: spec.clusters[1].podSubnet 10.244.0.0/16 overlaps spec.clusters[0].podSubnet 10.244.0.0/16: the clusters of a lab share one network, give each its own pod network',
    );
    expect(() => parseLabDefinition(lab(cluster('a', 'cp-a', '192.168.101.10') + cluster('b', 'cp-b', '192.168.102.10', '10.244.128.0/17')))).toThrow(/overlaps/);
    expect(() => parseLabDefinition(lab(cluster('a', 'terminal', '192.168.101.10')))).toThrow('lab definition: spec.clusters[0].machines[0].name terminal is already the name of spec.student');
    expect(() => parseLabDefinition(lab(cluster('a', 'cp-a', '192.168.101.10') + cluster('b', 'cp-b', '192.168.101.10', '10.245.0.0/16')))).toThrow(
      'lab definition: spec.clusters[1].machines[0].ip 192.168.101.10 is already the address of spec.clusters[0].machines[0]',
    );
  });
});

describe('control-plane machines', () => {
  const two = (extra: string) => lab(`  - name: a\n    version: 1.34.3\n${extra}    machines:\n    - {name: cp1, role: control-plane, ip: 192.168.101.10}\n    - {name: cp2, role: control-plane, ip: 192.168.101.11, prepared: PREPARED}\n`);
  it('are one per installed cluster; further ones are prepared machines that join with kubeadm', () => {
    expect(() => parseLabDefinition(two('').replace('PREPARED', 'false'))).toThrow(
      'lab definition: spec.clusters[0].machines[1] (cp2) is a second control-plane machine: an installed cluster starts with one; make the others prepared (prepared: true) and join them with kubeadm join --control-plane, or build the whole cluster with installed: false',
    );
    expect(parseLabDefinition(two('').replace('PREPARED', 'true')).clusters[0]!.machines.map((m) => m.role)).toEqual(['control-plane', 'control-plane']);
    expect(parseLabDefinition(two('    installed: false\n').replace('PREPARED', 'false')).clusters[0]!.installed).toBe(false);
  });
});

describe('examLab', () => {
  it('writes a valid lab of small clusters built like the default one', () => {
    const def = parseLabDefinition(examLab([{ workers: 2 }, { workers: 1 }, { workers: 5 }]));
    expect(def.name).toBe('exam');
    expect(def.clusters.map((c) => [c.name, c.context, c.podSubnet, c.machines.map((m) => `${m.name}=${m.ip}`).join(' ')])).toEqual([
      ['k8s-c1', 'k8s-c1', '10.244.0.0/16', 'cka1=192.168.101.10 cka1-node1=192.168.101.11 cka1-node2=192.168.101.12'],
      ['k8s-c2', 'k8s-c2', '10.245.0.0/16', 'cka2=192.168.102.10 cka2-node1=192.168.102.11'],
      ['k8s-c3', 'k8s-c3', '10.246.0.0/16', 'cka3=192.168.103.10 cka3-node1=192.168.103.11 cka3-node2=192.168.103.12'],
    ]);
    expect(def.clusters.every((c) => c.version === '1.34.3' && c.serviceSubnet === '10.96.0.0/12' && c.controlPlane === 'static-pods')).toBe(true);
    // The exercises are written for the default lab's cluster: every exam cluster has its add-ons.
    expect(def.clusters.every((c) => JSON.stringify(c.addons) === JSON.stringify(defaultLab().clusters[0]!.addons))).toBe(true);
    expect(def.clusters[0]!.addons.map((a) => a.name)).toContain('ingress-nginx');
  });
});
