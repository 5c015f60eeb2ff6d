import { describe, expect, it } from 'vitest';
import type { Program } from '../process.ts';
import { advance, flush, runOn, systemdLab } from '../systemd/testing/lab.ts';
import { APT_PROGRAMS } from '../../tools/apt/programs.ts';
import { installedVersion } from './db.ts';
import { provisionPackages } from './provision.ts';
import { compareVersions } from './version.ts';

const prog = (name: string): Program => APT_PROGRAMS.find((p) => p.name === name)!.program;

/** a kubelet stand-in that reports the package version it was started from, then runs until stopped */
const versionedKubelet: Program = async (p) => {
  p.stderr.write(`Kubernetes v${installedVersion(p, 'kubelet')}\n`);
  await new Promise<void>((r) => p.signal.onInterrupt(r));
  return 143;
};

describe('Debian versions', () => {
  it('orders as dpkg does', () => {
    const sorted = ['1.34.10-1.1', '1.34.2-1.1', '1:1.0', '1.34.2-1.1~rc1', '1.35.0-1.1', '1.34.2'].sort(compareVersions);
    expect(sorted).toEqual(['1.34.2', '1.34.2-1.1~rc1', '1.34.2-1.1', '1.34.10-1.1', '1.35.0-1.1', '1:1.0']);
  });
});

describe('a provisioned node', () => {
  it('boots containerd and the kubelet from the packaged units, and upgrades the kubelet the documented way', async () => {
    const lab = systemdLab({ kubelet: versionedKubelet, containerd: versionedKubelet });
    provisionPackages(lab.host.fs, { kubernetesVersion: '1.34.3' });
    expect(installedVersion(lab.host, 'kubeadm')).toBe('1.34.3-1.1');
    lab.sd.boot();
    await flush();
    expect(lab.sd.isActive('kubelet')).toBe(true);
    expect(lab.sd.isActive('containerd')).toBe(true);
    expect(lab.journalText('containerd.service')).toContain('systemd[1]: Starting containerd container runtime...\n');
    await advance(lab.runtime, 60_000);
    const run = (name: string, ...args: string[]) => runOn(lab, prog(name), [name, ...args]);
    // the upgrade guide: switch the repository to the next minor, update, unhold, install, hold
    lab.host.fs.writeFile('/etc/apt/sources.list.d/kubernetes.list', 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.35/deb/ /\n');
    const upd = await run('apt-get', 'update');
    expect(upd.stdout).toContain('Get:5 https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/v1.35/deb  InRelease');
    expect(upd.stdout).toContain('Hit:1 http://archive.ubuntu.com/ubuntu jammy InRelease\n');
    const madison = await run('apt-cache', 'madison', 'kubelet');
    expect(madison.stdout).toBe('   kubelet | 1.35.0-1.1 | https://pkgs.k8s.io/core:/stable:/v1.35/deb  Packages\n');
    const held = await run('apt-get', 'install', '-y', 'kubelet=1.35.0-1.1');
    expect(held.stderr).toBe('E: Held packages were changed and -y was used without --allow-change-held-packages.\n');
    expect((await run('apt-mark', 'unhold', 'kubelet')).stdout).toBe('Canceled hold on kubelet.\n');
    const inst = await run('apt-get', 'install', '-y', 'kubelet=1.35.0-1.1');
    expect(inst.code).toBe(0);
    expect(inst.stdout).toContain('Unpacking kubelet (1.35.0-1.1) over (1.34.3-1.1) ...\n');
    expect(installedVersion(lab.host, 'kubelet')).toBe('1.35.0-1.1');
    // the running kubelet is still the old one until it restarts
    expect(lab.journalText('kubelet.service')).not.toContain('Kubernetes v1.35.0-1.1');
    expect(lab.sd.needsReload('kubelet')).toBe(true);
    lab.sd.daemonReload();
    lab.sd.restart('kubelet');
    await advance(lab.runtime, 1000);
    expect(lab.journalText('kubelet.service')).toContain('Kubernetes v1.35.0-1.1');
    expect((await run('apt-mark', 'hold', 'kubelet')).stdout).toBe('kubelet set on hold.\n');
  });

  it('installs the kubelet on a fresh host, enabling and starting its service in the postinst', async () => {
    const lab = systemdLab({ kubelet: versionedKubelet });
    provisionPackages(lab.host.fs, {});
    lab.host.fs.mkdir('/etc/apt/keyrings', { recursive: true });
    lab.host.fs.writeFile('/etc/apt/keyrings/kubernetes-apt-keyring.gpg', 'key\n');
    lab.host.fs.writeFile('/etc/apt/sources.list.d/kubernetes.list', 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.34/deb/ /\n');
    await runOn(lab, prog('apt-get'), ['apt-get', 'update']);
    const r = await runOn(lab, prog('apt-get'), ['apt-get', 'install', '-y', 'kubelet', 'kubeadm', 'kubectl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The following additional packages will be installed:\n  conntrack cri-tools ebtables ethtool kubernetes-cni socat\n');
    expect(r.stdout).toContain('Setting up kubelet (1.34.3-1.1) ...\nCreated symlink /etc/systemd/system/multi-user.target.wants/kubelet.service → /lib/systemd/system/kubelet.service.\n');
    await flush();
    expect(lab.sd.isActive('kubelet')).toBe(true);
    expect(lab.sd.runtime('kubelet').unit.dropIns).toEqual(['/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf']);
  });
});
