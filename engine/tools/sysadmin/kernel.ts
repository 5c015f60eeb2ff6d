import type { FileSystem } from '../../host/types.ts';

/**
 * The kernel state of a lab host, kept where Linux shows it so that `cat`,
 * sysctl, lsmod and swapon all agree: /proc/sys/… for sysctl keys,
 * /proc/modules for loaded modules, /proc/swaps and /proc/meminfo for swap.
 */

/** KernelState is what kubeadm's preflight checks read. */
export interface KernelState {
  ipForward: boolean;
  /** undefined when br_netfilter is not loaded (the file does not exist) */
  bridgeNfCallIptables?: boolean;
  bridgeNfCallIp6tables?: boolean;
  modules: string[];
  swapOn: boolean;
}

/** MODULES describes the modules the lab knows: size, dependencies, and sysctl files they create. */
export const MODULES: Record<string, { size: number; deps: string[]; sysctls?: Record<string, string> }> = {
  br_netfilter: { size: 32768, deps: ['bridge'], sysctls: { 'net.bridge.bridge-nf-call-arptables': '1', 'net.bridge.bridge-nf-call-ip6tables': '1', 'net.bridge.bridge-nf-call-iptables': '1' } },
  bridge: { size: 307200, deps: ['stp', 'llc'] },
  stp: { size: 16384, deps: ['llc'] },
  llc: { size: 16384, deps: [] },
  overlay: { size: 151552, deps: [] },
  ip_vs: { size: 176128, deps: ['nf_conntrack'] },
  ip_vs_rr: { size: 16384, deps: ['ip_vs'] },
  ip_vs_wrr: { size: 16384, deps: ['ip_vs'] },
  ip_vs_sh: { size: 16384, deps: ['ip_vs'] },
  nf_conntrack: { size: 172032, deps: ['nf_defrag_ipv6', 'nf_defrag_ipv4', 'libcrc32c'] },
  nf_defrag_ipv6: { size: 24576, deps: [] },
  nf_defrag_ipv4: { size: 16384, deps: [] },
  libcrc32c: { size: 16384, deps: [] },
  ip_tables: { size: 32768, deps: ['x_tables'] },
  x_tables: { size: 53248, deps: [] },
  xt_conntrack: { size: 16384, deps: ['nf_conntrack', 'x_tables'] },
  iptable_nat: { size: 16384, deps: ['ip_tables'] },
  iptable_filter: { size: 16384, deps: ['ip_tables'] },
  // iptables-nft (Ubuntu's default backend) and the matches and targets kube-proxy's rules use
  nfnetlink: { size: 20480, deps: [] },
  nf_tables: { size: 249856, deps: ['nfnetlink', 'libcrc32c'] },
  nft_compat: { size: 20480, deps: ['nf_tables', 'nfnetlink', 'x_tables'] },
  nf_nat: { size: 49152, deps: ['nf_conntrack', 'libcrc32c'] },
  nft_chain_nat: { size: 16384, deps: ['nf_nat', 'nf_tables'] },
  xt_MASQUERADE: { size: 20480, deps: ['nf_nat', 'x_tables'] },
  xt_nat: { size: 16384, deps: ['nf_nat', 'x_tables'] },
  xt_mark: { size: 16384, deps: ['x_tables'] },
  xt_comment: { size: 16384, deps: ['x_tables'] },
  xt_addrtype: { size: 16384, deps: ['x_tables'] },
  xt_statistic: { size: 16384, deps: ['x_tables'] },
  veth: { size: 32768, deps: [] },
};

/** sysctlPath maps "net.ipv4.ip_forward" (or "net/ipv4/ip_forward") to its /proc/sys file. */
export function sysctlPath(key: string): string {
  return '/proc/sys/' + (key.includes('/') ? key.replace(/^\/+/, '') : key.replace(/\./g, '/'));
}

function read(fs: FileSystem, path: string): string | undefined {
  try {
    return fs.readFile(path);
  } catch {
    return undefined;
  }
}

/** ModuleRow is one line of /proc/modules. */
export interface ModuleRow {
  name: string;
  size: number;
  usedBy: string[];
}

/** loadedModules parses /proc/modules ("name size refcount holders, state addr"). */
export function loadedModules(fs: FileSystem): ModuleRow[] {
  const text = read(fs, '/proc/modules') ?? '';
  return text.split('\n').filter((l) => l.trim()).map((l) => {
    const [name, size, , holders] = l.split(' ');
    return { name: name!, size: Number(size), usedBy: !holders || holders === '-' ? [] : holders.split(',').filter((h) => h) };
  });
}

/** writeModules writes /proc/modules (newest first, as the kernel lists them). */
export function writeModules(fs: FileSystem, rows: ModuleRow[]): void {
  const text = rows.map((r) => `${r.name} ${r.size} ${r.usedBy.length} ${r.usedBy.length ? r.usedBy.join(',') + ',' : '-'} Live 0x0000000000000000\n`).join('');
  fs.writeFile('/proc/modules', text, { mode: 0o444 });
}

/** loadModule loads a module and what it depends on; it returns false for a module the lab does not know. */
export function loadModule(fs: FileSystem, name: string): boolean {
  const mod = MODULES[name.replace(/-/g, '_')];
  if (!mod) return false;
  const n = name.replace(/-/g, '_');
  const rows = loadedModules(fs);
  if (rows.some((r) => r.name === n)) return true;
  for (const d of mod.deps) loadModule(fs, d);
  const after = loadedModules(fs);
  for (const d of mod.deps) {
    const r = after.find((x) => x.name === d);
    if (r && !r.usedBy.includes(n)) r.usedBy.push(n);
  }
  writeModules(fs, [{ name: n, size: mod.size, usedBy: [] }, ...after]);
  for (const [k, v] of Object.entries(mod.sysctls ?? {})) {
    const p = sysctlPath(k);
    fs.mkdir(p.slice(0, p.lastIndexOf('/')), { recursive: true });
    fs.writeFile(p, v + '\n', { mode: 0o644 });
  }
  return true;
}

/** unloadModule removes a module unless something uses it ("Module x is in use by: y"). */
export function unloadModule(fs: FileSystem, name: string): { ok: true } | { ok: false; error: string } {
  const n = name.replace(/-/g, '_');
  const rows = loadedModules(fs);
  const r = rows.find((x) => x.name === n);
  if (!r) return { ok: false, error: `modprobe: FATAL: Module ${n} is not in kernel.` };
  if (r.usedBy.length) return { ok: false, error: `modprobe: FATAL: Module ${n} is in use.` };
  writeModules(fs, rows.filter((x) => x.name !== n).map((x) => ({ ...x, usedBy: x.usedBy.filter((u) => u !== n) })));
  const dirs = new Set<string>();
  for (const k of Object.keys(MODULES[n]?.sysctls ?? {})) {
    const p = sysctlPath(k);
    dirs.add(p.slice(0, p.lastIndexOf('/')));
    try {
      fs.unlink(p);
    } catch {
      // already gone
    }
  }
  // The module's /proc/sys directory (net/bridge) goes with it.
  for (const d of dirs) {
    try {
      if (fs.readdir(d).length === 0) fs.rmdir(d);
    } catch {
      // not there
    }
  }
  return { ok: true };
}

/** SwapEntry is one line of /proc/swaps. */
export interface SwapEntry {
  file: string;
  type: string;
  sizeKb: number;
  usedKb: number;
  priority: number;
}

/** activeSwaps parses /proc/swaps. */
export function activeSwaps(fs: FileSystem): SwapEntry[] {
  const lines = (read(fs, '/proc/swaps') ?? '').split('\n').slice(1).filter((l) => l.trim());
  return lines.map((l) => {
    const [file, type, size, used, prio] = l.split(/\s+/);
    return { file: file!, type: type!, sizeKb: Number(size), usedKb: Number(used), priority: Number(prio) };
  });
}

/** writeSwaps rewrites /proc/swaps and the Swap lines of /proc/meminfo, which free reads. */
export function writeSwaps(fs: FileSystem, list: SwapEntry[]): void {
  let t = 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n';
  for (const s of list) t += `${s.file.padEnd(40)}${s.type}\t\t${s.sizeKb}\t\t${s.usedKb}\t\t${s.priority}\n`;
  fs.writeFile('/proc/swaps', t, { mode: 0o444 });
  const total = list.reduce((n, s) => n + s.sizeKb, 0);
  const used = list.reduce((n, s) => n + s.usedKb, 0);
  const mem = read(fs, '/proc/meminfo');
  if (mem !== undefined) {
    const kb = (n: number) => `${String(n).padStart(8)} kB`;
    fs.writeFile('/proc/meminfo', mem.replace(/^SwapTotal:.*$/m, `SwapTotal:       ${kb(total).trimStart().padStart(11)}`).replace(/^SwapFree:.*$/m, `SwapFree:        ${kb(total - used).trimStart().padStart(11)}`), { mode: 0o444 });
  }
}

/** kernelState reads the settings kubeadm's preflight checks. */
export function kernelState(where: { fs: FileSystem }): KernelState {
  const fs = where.fs;
  const flag = (key: string) => {
    const v = read(fs, sysctlPath(key));
    return v === undefined ? undefined : v.trim() === '1';
  };
  return {
    ipForward: flag('net.ipv4.ip_forward') ?? false,
    bridgeNfCallIptables: flag('net.bridge.bridge-nf-call-iptables'),
    bridgeNfCallIp6tables: flag('net.bridge.bridge-nf-call-ip6tables'),
    modules: loadedModules(fs).map((m) => m.name),
    swapOn: activeSwaps(fs).length > 0,
  };
}
