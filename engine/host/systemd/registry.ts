import type { Runtime } from '../../base/runtime.ts';
import type { Process } from '../process.ts';
import { Systemd, type SystemdOptions } from './systemd.ts';

/**
 * Which Systemd runs on which host. Keyed by the world's Runtime (every
 * Process reaches it through sys.runtime) and the host name, so programs find
 * their host's PID 1 without a global, and two labs in one test never mix.
 */
const managers = new WeakMap<Runtime, Map<string, Systemd>>();

/** attachSystemd creates the host's systemd and registers it; call boot() on the result to start enabled units. */
export function attachSystemd(o: SystemdOptions): Systemd {
  const sd = new Systemd(o);
  let m = managers.get(o.sys.runtime);
  if (!m) managers.set(o.sys.runtime, (m = new Map()));
  m.set(o.host.name, sd);
  return sd;
}

/** systemdFor finds a host's systemd, or undefined on a machine without one (the exam terminal). */
export function systemdFor(runtime: Runtime, hostname: string): Systemd | undefined {
  return managers.get(runtime)?.get(hostname);
}

/** systemdOf finds the systemd of the host a process runs on. */
export function systemdOf(p: Pick<Process, 'sys' | 'hostname'>): Systemd | undefined {
  return systemdFor(p.sys.runtime, p.hostname);
}
