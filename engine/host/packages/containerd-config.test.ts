import { describe, expect, it } from 'vitest';
import { systemdLab } from '../systemd/testing/lab.ts';
import { containerdDefaultConfig, KUBEADM_CONTAINERD_CONFIG } from './containerd-config.ts';
import { provisionPackages } from './provision.ts';

describe("containerd's configuration", () => {
  it('prints containerd 1.7\'s default with the runc runtime on cgroupfs, which the install guide switches to systemd', () => {
    const text = containerdDefaultConfig();
    expect(text.startsWith('disabled_plugins = []\nimports = []\noom_score = 0\nplugin_dir = ""\nrequired_plugins = []\nroot = "/var/lib/containerd"\nstate = "/run/containerd"\ntemp = ""\nversion = 2\n\n[cgroup]\n')).toBe(true);
    expect(text).toContain('    sandbox_image = "registry.k8s.io/pause:3.8"\n');
    expect(text).toContain('          [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]\n');
    expect(text.match(/SystemdCgroup = \w+/g)).toEqual(['SystemdCgroup = false']);
    expect(KUBEADM_CONTAINERD_CONFIG).toBe(text.replace('SystemdCgroup = false', 'SystemdCgroup = true'));
    expect(text.endsWith('[ttrpc]\n  address = ""\n  gid = 0\n  uid = 0\n')).toBe(true);
  });

  it('is on every provisioned node as the install guide leaves it', () => {
    const lab = systemdLab();
    provisionPackages(lab.host.fs, { kubernetesVersion: '1.34.3' });
    expect(lab.host.fs.readFile('/etc/containerd/config.toml')).toBe(KUBEADM_CONTAINERD_CONFIG);
  });
});
