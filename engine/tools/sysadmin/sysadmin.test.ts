import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runOn, systemdLab } from '../../host/systemd/testing/lab.ts';
import { kernelState, loadModule, writeSwaps } from './kernel.ts';
import { runLsmod, runModprobe } from './modules.ts';
import { provisionKernel, K8S_SYSCTL } from './provision.ts';
import { runSwapoff, runSwapon } from './swap.ts';
import { runSysctl } from './sysctl.ts';
import { runUptime } from './info.ts';

interface Rec { name: string; argv: string[]; stdout: string; stderr: string; code: number }
const REC: Rec[] = JSON.parse(readFileSync(new URL('./testdata/sysadmin.json', import.meta.url), 'utf8'));
const rec = (name: string) => REC.find((r) => r.name === name)!;
/** holders are listed in directory order by lsmod; compare them as sets */
const sortHolders = (s: string) => s.replace(/ (\S+,\S+)$/gm, (_, h: string) => ' ' + h.split(',').sort().join(','));

function lab() {
  const l = systemdLab();
  provisionKernel(l.host.fs);
  return l;
}

describe('kernel tools against the real ones', () => {
  it('lsmod prints /proc/modules as kmod does', async () => {
    const l = lab();
    l.host.fs.writeFile('/proc/modules', '');
    loadModule(l.host.fs, 'overlay');
    loadModule(l.host.fs, 'br_netfilter');
    const r = await runOn(l, runLsmod, ['lsmod']);
    const want = rec('lsmod').stdout.split('\n');
    const got = r.stdout.split('\n');
    expect(sortHolders(got.slice(0, 1).join('\n'))).toBe(want[0]);
    expect(new Set(got.map(sortHolders))).toEqual(new Set(want.map(sortHolders)));
  });

  it('swapon --show and swapon print the same table as util-linux', async () => {
    const l = lab();
    writeSwaps(l.host.fs, [{ file: '/swap.img', type: 'file', sizeKb: 2097148, usedKb: 0, priority: -2 }]);
    expect((await runOn(l, runSwapon, ['swapon', '--show'])).stdout).toBe(rec('swapon --show').stdout);
    expect((await runOn(l, runSwapon, ['swapon'])).stdout).toBe(rec('swapon').stdout);
  });

  it('sysctl and modprobe errors match procps and kmod', async () => {
    const l = lab();
    for (const name of ['sysctl-read-missing', 'sysctl-load-missing-file', 'modprobe-unknown']) {
      const r = rec(name);
      const got = await runOn(l, r.argv[0] === 'sysctl' ? runSysctl : runModprobe, r.argv);
      expect({ name, stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual({ name, stdout: r.stdout, stderr: r.stderr, code: r.code });
    }
    const load = rec('sysctl-load');
    l.host.fs.writeFile('/tmp/k8s.conf', `# written by the recorder\nnet.ipv4.ip_forward = 0\nnet.nonexistent.key = 1\n`);
    const got = await runOn(l, runSysctl, load.argv);
    expect({ stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual({ stdout: load.stdout, stderr: load.stderr, code: load.code });
  });
});

describe('preparing a node as the kubeadm install guide does', () => {
  it('modprobe, sysctl --system and swapoff -a change what kernelState reports', async () => {
    const l = lab();
    const fs = l.host.fs;
    provisionKernel(fs, { swap: true });
    expect(kernelState(l.host)).toEqual({ ipForward: false, bridgeNfCallIptables: undefined, bridgeNfCallIp6tables: undefined, modules: ['nf_conntrack', 'libcrc32c', 'nf_defrag_ipv4', 'nf_defrag_ipv6', 'ip_tables', 'x_tables'], swapOn: true });
    expect((await runOn(l, runSysctl, ['sysctl', 'net.bridge.bridge-nf-call-iptables'])).stderr).toBe('sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory\n');
    expect((await runOn(l, runModprobe, ['modprobe', 'br_netfilter'], { user: 'candidate' })).stderr).toBe("modprobe: ERROR: could not insert 'br_netfilter': Operation not permitted\n");
    await runOn(l, runModprobe, ['modprobe', 'overlay']);
    await runOn(l, runModprobe, ['modprobe', 'br_netfilter']);
    fs.writeFile('/etc/sysctl.d/k8s.conf', K8S_SYSCTL);
    const sys = await runOn(l, runSysctl, ['sysctl', '--system']);
    expect(sys.code).toBe(0);
    // files sort by name across folders ("99-protect-links" < "99-sysctl" < "k8s"); /etc/sysctl.conf comes last
    expect(sys.stdout).toContain('fs.protected_symlinks = 1\n* Applying /etc/sysctl.d/99-sysctl.conf ...\n* Applying /etc/sysctl.d/k8s.conf ...\nnet.bridge.bridge-nf-call-iptables = 1\nnet.bridge.bridge-nf-call-ip6tables = 1\nnet.ipv4.ip_forward = 1\n* Applying /etc/sysctl.conf ...\n');
    expect(sys.stdout.startsWith('* Applying /etc/sysctl.d/10-console-messages.conf ...\nkernel.printk = 4 4 1 7\n')).toBe(true);
    expect(sys.stdout.endsWith('* Applying /etc/sysctl.conf ...\n')).toBe(true);
    expect((await runOn(l, runSwapon, ['swapon', '--show'])).stdout).not.toBe('');
    expect((await runOn(l, runSwapoff, ['swapoff', '-a'])).code).toBe(0);
    expect((await runOn(l, runSwapon, ['swapon', '--show'])).stdout).toBe('');
    expect(fs.readFile('/proc/meminfo')).toMatch(/^SwapTotal: +0 kB$/m);
    const st = kernelState(l.host);
    expect(st).toMatchObject({ ipForward: true, bridgeNfCallIptables: true, swapOn: false });
    expect(st.modules).toEqual(expect.arrayContaining(['br_netfilter', 'overlay', 'bridge']));
    expect((await runOn(l, runSysctl, ['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout).toBe('1\n');
  });

  it('a kubeadm node has the guide\'s files, br_netfilter and the iptables-nft modules; /proc/sys/net/bridge goes with br_netfilter', async () => {
    const l = lab();
    const fs = l.host.fs;
    provisionKernel(fs, { kubernetesReady: true });
    expect(fs.readFile('/etc/modules-load.d/k8s.conf')).toBe('overlay\nbr_netfilter\n');
    expect(fs.readFile('/etc/sysctl.d/k8s.conf')).toBe(K8S_SYSCTL);
    const lsmod = (await runOn(l, runLsmod, ['lsmod'])).stdout;
    expect(lsmod).toMatch(/^nf_tables +249856  2 nft_compat,nft_chain_nat$/m);
    expect(lsmod).toMatch(/^bridge +307200  1 br_netfilter$/m);
    expect(lsmod).toMatch(/^overlay +151552  0$/m);
    // busy modules stay; a leaf goes, and its sysctl folder with it
    expect((await runOn(l, runModprobe, ['modprobe', '-r', 'bridge'])).stderr).toBe('modprobe: FATAL: Module bridge is in use.\n');
    expect((await runOn(l, runModprobe, ['modprobe', '-r', 'br_netfilter'])).code).toBe(0);
    expect(fs.exists('/proc/sys/net/bridge')).toBe(false);
    expect((await runOn(l, runLsmod, ['lsmod'])).stdout).not.toMatch(/^br_netfilter /m);
    expect((await runOn(l, runModprobe, ['modprobe', 'br_netfilter'])).code).toBe(0);
    expect(fs.readFile('/proc/sys/net/bridge/bridge-nf-call-iptables')).toBe('1\n');
  });

  it('uptime counts from systemd\'s boot', async () => {
    const l = lab();
    l.runtime.advance(3_723_000);
    expect((await runOn(l, runUptime, ['uptime'])).stdout).toBe(' 10:02:03 up  1:02,  1 user,  load average: 0.08, 0.12, 0.10\n');
    expect((await runOn(l, runUptime, ['uptime', '-p'])).stdout).toBe('up 1 hour, 2 minutes\n');
  });
});
