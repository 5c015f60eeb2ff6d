import type { Process } from '../../host/process.ts';
import { NetError } from '../../host/net.ts';
import { Collector, EMPTY_INPUT } from '../../host/streams.ts';

/**
 * The steps kubeadm init, join and reset share: preflight checks with
 * kubeadm's report, systemctl calls, file writes and kubeadm's polling waits
 * (one check per second of simulated time, up to its timeouts).
 */

/** MANIFESTS are the static Pods of a control plane. */
export const MANIFESTS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'];

/** preflight answers kubeadm's `\t[ERROR Name]: problem` lines for the failed checks not ignored (for failPreflight), or undefined. */
export function preflight(p: Process, checks: [name: string, problem: string | undefined][], ignore: string[]): string | undefined {
  const errs = checks.filter(([n, problem]) => problem && !ignore.includes('all') && !ignore.map((i) => i.toLowerCase()).includes(n.toLowerCase()));
  if (errs.length === 0) return undefined;
  return errs.map(([n, problem]) => `\t[ERROR ${n}]: ${problem}\n`).join('');
}

/** systemctl runs `systemctl <verb> <unit>` on the host, as kubeadm's init system calls do. */
export function systemctl(p: Process, verb: string, unit: string): void {
  const sink = new Collector();
  void p.sys.session.exec?.({ host: p.hostname, user: 'root', argv: ['systemctl', verb, unit], stdin: EMPTY_INPUT, stdout: sink, stderr: sink, signal: p.signal, quietNotFound: true });
}

/** write writes a file, creating its folder. */
export function write(p: Process, path: string, content: string, mode: number): void {
  p.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
  p.fs.writeFile(path, content, { mode });
}

/** portInUse tells whether something listens on the host's port. */
export function portInUse(p: Process, port: number): boolean {
  try {
    p.sys.net.dial({ host: p.hostname, ip: p.sys.hostIp }, p.sys.hostIp, port);
    return true;
  } catch (e) {
    return !(e instanceof NetError);
  }
}

/** waitFor polls cond every second of simulated time for up to ms; it answers the seconds waited, or undefined on timeout. */
export async function waitFor(p: Process, ms: number, cond: () => boolean): Promise<number | undefined> {
  for (let waited = 0; waited <= ms; waited += 1000) {
    if (cond()) return waited / 1000;
    if (!(await p.sys.sleep(1000, p.signal))) return undefined;
  }
  return undefined;
}

