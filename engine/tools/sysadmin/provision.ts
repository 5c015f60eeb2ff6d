import type { FileSystem } from '../../host/types.ts';
import { loadModule, sysctlPath, writeModules, writeSwaps } from './kernel.ts';

/** UBUNTU_SYSCTL are the sysctl.d files of Ubuntu 22.04 and the /proc/sys values they set. */
const UBUNTU_SYSCTL: Record<string, string> = {
  '/etc/sysctl.d/10-console-messages.conf': '# the following stops low-level messages on console\nkernel.printk = 4 4 1 7\n',
  '/etc/sysctl.d/10-ipv6-privacy.conf': '# IPv6 Privacy Extensions (RFC 4941)\nnet.ipv6.conf.all.use_tempaddr = 2\nnet.ipv6.conf.default.use_tempaddr = 2\n',
  '/etc/sysctl.d/10-kernel-hardening.conf': '# These settings are specific to hardening the kernel itself from attack\nkernel.kptr_restrict = 1\n',
  '/etc/sysctl.d/10-magic-sysrq.conf': '# The magic SysRq key enables certain keyboard combinations\nkernel.sysrq = 176\n',
  '/etc/sysctl.d/10-network-security.conf': '# Turn on Source Address Verification in all interfaces to\n# prevent some spoofing attacks.\nnet.ipv4.conf.default.rp_filter=2\nnet.ipv4.conf.all.rp_filter=2\n',
  '/etc/sysctl.d/10-ptrace.conf': '# The PTRACE system is used for debugging.\nkernel.yama.ptrace_scope = 1\n',
  '/etc/sysctl.d/10-zeropage.conf': '# Protect the zero page of memory from userspace mmap\nvm.mmap_min_addr = 65536\n',
  '/usr/lib/sysctl.d/50-pid-max.conf': '# Bump the numeric PID range\nkernel.pid_max = 4194304\n',
  '/etc/sysctl.d/README.sysctl': 'Directory for system-wide sysctl settings. See sysctl.d(5).\n',
  '/etc/sysctl.conf': '#\n# /etc/sysctl.conf - Configuration file for setting system variables\n# See /etc/sysctl.d/ for additional system variables.\n# See sysctl.conf (5) for information.\n#\n\n# Uncomment the next line to enable packet forwarding for IPv4\n#net.ipv4.ip_forward=1\n',
  '/usr/lib/sysctl.d/99-protect-links.conf': '# Protected links\nfs.protected_fifos = 1\nfs.protected_hardlinks = 1\nfs.protected_regular = 2\nfs.protected_symlinks = 1\n',
};

/** DEFAULT_PROC_SYS are kernel defaults the lab keeps under /proc/sys. */
const DEFAULT_PROC_SYS: Record<string, string> = {
  'net.ipv4.ip_forward': '0', 'net.ipv6.conf.all.forwarding': '0', 'vm.swappiness': '60', 'vm.overcommit_memory': '0',
  'kernel.panic': '0', 'kernel.panic_on_oops': '0', 'fs.inotify.max_user_watches': '61393', 'fs.inotify.max_user_instances': '128',
  'net.ipv4.conf.all.rp_filter': '2', 'net.ipv4.conf.default.rp_filter': '2', 'kernel.printk': '4\t4\t1\t7',
  'net.ipv6.conf.all.use_tempaddr': '2', 'net.ipv6.conf.default.use_tempaddr': '2', 'kernel.kptr_restrict': '1', 'kernel.sysrq': '176',
  'kernel.yama.ptrace_scope': '1', 'vm.mmap_min_addr': '65536', 'kernel.pid_max': '4194304', 'fs.protected_fifos': '1',
  'fs.protected_hardlinks': '1', 'fs.protected_regular': '2', 'fs.protected_symlinks': '1', 'net.core.somaxconn': '4096',
  'net.ipv4.ip_local_port_range': '32768\t60999', 'net.netfilter.nf_conntrack_max': '131072',
};

/** K8S_SYSCTL and K8S_MODULES are the files the kubeadm install guide writes. */
export const K8S_SYSCTL = 'net.bridge.bridge-nf-call-iptables  = 1\nnet.bridge.bridge-nf-call-ip6tables = 1\nnet.ipv4.ip_forward                 = 1\n';
export const K8S_MODULES = 'overlay\nbr_netfilter\n';

/** KUBE_PROXY_MODULES are loaded on a node once iptables-nft rules and pod veths exist. */
const KUBE_PROXY_MODULES = ['nf_tables', 'nft_compat', 'nft_chain_nat', 'xt_conntrack', 'xt_MASQUERADE', 'xt_nat', 'xt_mark', 'xt_comment', 'xt_addrtype', 'xt_statistic', 'veth'];

/** KernelProvision says how a host's kernel is prepared. */
export interface KernelProvision {
  /** the install guide's preparation done: modules loaded, sysctls set and persisted, swap off */
  kubernetesReady?: boolean;
  /** a swap file active and in /etc/fstab (the exam's "disable swap" starting point) */
  swap?: boolean;
}

/**
 * provisionKernel writes a host's kernel state: /proc/sys defaults,
 * Ubuntu's sysctl.d files, loaded modules, /etc/fstab and swap. With
 * kubernetesReady it also writes /etc/sysctl.d/k8s.conf and
 * /etc/modules-load.d/k8s.conf and applies them, as a prepared node has.
 */
export function provisionKernel(fs: FileSystem, o: KernelProvision = {}): void {
  for (const [k, v] of Object.entries(DEFAULT_PROC_SYS)) {
    const p = sysctlPath(k);
    fs.mkdir(p.slice(0, p.lastIndexOf('/')), { recursive: true });
    fs.writeFile(p, v + '\n', { mode: 0o644 });
  }
  // A fresh host has no bridge netfilter until br_netfilter loads.
  for (const k of ['net.bridge.bridge-nf-call-iptables', 'net.bridge.bridge-nf-call-ip6tables', 'net.bridge.bridge-nf-call-arptables']) {
    try {
      fs.unlink(sysctlPath(k));
    } catch {
      // not there
    }
  }
  for (const [path, text] of Object.entries(UBUNTU_SYSCTL)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    fs.writeFile(path, text, { mode: 0o644 });
  }
  if (!fs.exists('/etc/sysctl.d/99-sysctl.conf')) fs.symlink('../sysctl.conf', '/etc/sysctl.d/99-sysctl.conf');
  fs.mkdir('/etc/modules-load.d', { recursive: true });
  fs.writeFile('/etc/modules-load.d/modules.conf', '# /etc/modules: kernel modules to load at boot time.\n#\n# This file contains the names of kernel modules that should be loaded\n# at boot time, one per line. Lines beginning with "#" are ignored.\n');
  writeModules(fs, []);
  for (const m of ['ip_tables', 'x_tables', 'nf_conntrack']) loadModule(fs, m);
  let fstab = '# /etc/fstab: static file system information.\nLABEL=cloudimg-rootfs\t/\t ext4\tdiscard,errors=remount-ro\t0 1\nLABEL=UEFI\t/boot/efi\tvfat\tumask=0077\t0 1\n';
  if (o.swap) fstab += '/swap.img\tnone\tswap\tsw\t0\t0\n';
  fs.writeFile('/etc/fstab', fstab);
  if (o.swap) fs.writeFile('/swap.img', '', { mode: 0o600 });
  writeSwaps(fs, o.swap ? [{ file: '/swap.img', type: 'file', sizeKb: 2097148, usedKb: 0, priority: -2 }] : []);
  if (o.kubernetesReady) {
    fs.writeFile('/etc/modules-load.d/k8s.conf', K8S_MODULES);
    fs.writeFile('/etc/sysctl.d/k8s.conf', K8S_SYSCTL);
    loadModule(fs, 'overlay');
    loadModule(fs, 'br_netfilter');
    // What kube-proxy's iptables rules and the pods' network interfaces pull in on a running node.
    for (const m of KUBE_PROXY_MODULES) loadModule(fs, m);
    fs.writeFile(sysctlPath('net.ipv4.ip_forward'), '1\n');
  }
}
