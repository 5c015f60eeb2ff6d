import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { staticPodManifests } from './manifests.ts';

describe('kubeadm static Pod manifests', () => {
  it('match a kubeadm 1.33 node byte for byte (kube-scheduler)', () => {
    const ref = readFileSync(new URL('./testdata/kube-scheduler-1.33.0.yaml', import.meta.url), 'utf8').trimEnd();
    const m = staticPodManifests({ version: '1.33.0', etcdImageTag: '3.5.21-0', nodeName: 'controlplane', advertiseAddress: '172.30.1.2', serviceSubnet: '10.96.0.0/12', podSubnet: '10.244.0.0/16' });
    expect(m['kube-scheduler.yaml'].startsWith(ref)).toBe(true);
  });

  it('have the sizes of a kubeadm 1.36 control plane', () => {
    const m = staticPodManifests({ version: '1.36.1', etcdImageTag: '3.6.8-0', nodeName: 'deep-cp-01', advertiseAddress: '192.168.100.50', serviceSubnet: '10.96.0.0/12', podSubnet: '192.168.0.0/16' });
    const sizes = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, new TextEncoder().encode(v).length]));
    expect(sizes).toEqual({ 'etcd.yaml': 2612, 'kube-apiserver.yaml': 3964, 'kube-controller-manager.yaml': 3230, 'kube-scheduler.yaml': 1726 });
  });

  it('switch etcd to the 3.6 flags and named probe ports from 1.34', () => {
    const old = parse(staticPodManifests({ version: '1.33.7', etcdImageTag: '3.5.21-0', nodeName: 'cp', advertiseAddress: '10.0.0.5', serviceSubnet: '10.96.0.0/12' })['etcd.yaml']);
    const now = parse(staticPodManifests({ version: '1.34.3', etcdImageTag: '3.6.4-0', nodeName: 'cp', advertiseAddress: '10.0.0.5', serviceSubnet: '10.96.0.0/12' })['etcd.yaml']);
    expect(old.spec.containers[0].command).toContain('--experimental-initial-corrupt-check=true');
    expect(now.spec.containers[0].command).toContain('--feature-gates=InitialCorruptCheck=true');
    expect(now.spec.containers[0].command.at(-1)).toBe('--watch-progress-notify-interval=5s');
    expect(old.metadata.creationTimestamp).toBeNull();
    expect('creationTimestamp' in now.metadata).toBe(false);
    expect(now.spec.containers[0].livenessProbe.httpGet.port).toBe('probe-port');
    expect(now.spec.containers[0].ports).toEqual([{ containerPort: 2381, name: 'probe-port', protocol: 'TCP' }]);
  });
});
