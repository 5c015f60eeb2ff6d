import { describe, expect, it } from 'vitest';
import { controlPlaneHarness } from '../testing/harness.ts';
import { staticPodManifests } from './manifests.ts';
import { manifestSettingsFor } from './files.ts';

describe('writeKubeadmFiles', () => {
  it('leaves on each machine the files kubeadm init and join leave', () => {
    const h = controlPlaneHarness('1.34.1');
    const cp = h.world.mustHost('controlplane').fs;
    const worker = h.world.mustHost('node01').fs;
    expect(cp.readdir('/etc/kubernetes/manifests').sort()).toEqual(['etcd.yaml', 'kube-apiserver.yaml', 'kube-controller-manager.yaml', 'kube-scheduler.yaml']);
    const expected = staticPodManifests(manifestSettingsFor(h.spec));
    for (const [name, text] of Object.entries(expected)) {
      expect(cp.readFile(`/etc/kubernetes/manifests/${name}`)).toBe(text);
      expect(cp.stat(`/etc/kubernetes/manifests/${name}`).mode & 0o777).toBe(0o600);
    }
    for (const conf of ['admin.conf', 'super-admin.conf', 'controller-manager.conf', 'scheduler.conf', 'kubelet.conf']) expect(cp.exists(`/etc/kubernetes/${conf}`)).toBe(true);
    expect(cp.readFile('/etc/kubernetes/pki/ca.crt')).toBe(h.pki.cas['ca']!.certPem);
    expect(cp.readFile('/var/lib/kubelet/config.yaml')).toContain('staticPodPath: /etc/kubernetes/manifests\n');
    expect(cp.readFile('/var/lib/kubelet/config.yaml')).toContain('clusterDNS:\n- 10.96.0.10\n');
    expect(worker.readdir('/etc/kubernetes/manifests')).toEqual([]);
    expect(worker.exists('/etc/kubernetes/kubelet.conf')).toBe(true);
    expect(worker.exists('/etc/kubernetes/admin.conf')).toBe(false);
    expect(worker.readFile('/var/lib/kubelet/config.yaml')).toBe(cp.readFile('/var/lib/kubelet/config.yaml'));
    expect(cp.readFile('/etc/kubernetes/manifests/kube-apiserver.yaml')).toContain('    image: registry.k8s.io/kube-apiserver:v1.34.1\n');
    expect(cp.readFile('/etc/kubernetes/manifests/etcd.yaml')).toContain('    image: registry.k8s.io/etcd:3.6.4-0\n');
  });
});
