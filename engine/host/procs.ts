import type { Clock } from '../base/clock.ts';
import type { ProcessInfo } from './process.ts';

/** SpawnOptions describes a process entering the table. */
export interface SpawnOptions {
  user: string;
  uid: number;
  command: string;
  ppid?: number;
  tty?: string;
  state?: string;
  vszKb?: number;
  rssKb?: number;
  /** the systemd unit whose control group the process joins although another parent adopted it */
  cgroup?: string;
  /** onSignal receives kill(1) signals; without it SIGKILL, SIGTERM and SIGINT remove the process */
  onSignal?: (sig: number) => void;
}

/**
 * ProcessTable is a host's list of running processes: the login shells and
 * commands of terminal sessions, and the daemons other components register
 * (kubelet, containerd, static-pod containers), so `ps aux | grep kubelet`
 * shows what runs. It is bookkeeping only; nothing is scheduled here.
 */
export class ProcessTable {
  private procs = new Map<number, ProcessInfo>();
  private handlers = new Map<number, (sig: number) => void>();
  private nextPid = 1;

  constructor(private readonly clock: Clock) {}

  /** spawn adds a process and returns its pid. */
  spawn(o: SpawnOptions): number {
    const pid = this.nextPid++;
    this.procs.set(pid, {
      pid,
      ppid: o.ppid ?? (pid === 1 ? 0 : 1),
      user: o.user,
      uid: o.uid,
      command: o.command,
      tty: o.tty ?? '?',
      start: this.clock.now(),
      state: o.state ?? 'S',
      vszKb: o.vszKb ?? 8000 + ((pid * 7919) % 4000),
      rssKb: o.rssKb ?? 3000 + ((pid * 104729) % 3000),
      cpuMs: 0,
      ...(o.cgroup ? { cgroup: o.cgroup } : {}),
    });
    if (o.onSignal) this.handlers.set(pid, o.onSignal);
    return pid;
  }

  /** exit removes a process. */
  exit(pid: number): void {
    this.procs.delete(pid);
    this.handlers.delete(pid);
  }

  /** signal delivers a signal number to a process (kill). */
  signal(pid: number, sig: number): void {
    const h = this.handlers.get(pid);
    if (h) h(sig);
    else if (sig === 9 || sig === 15 || sig === 2) this.exit(pid);
  }

  /** get returns one process. */
  get(pid: number): ProcessInfo | undefined {
    return this.procs.get(pid);
  }

  /** list returns the processes by pid. */
  list(): ProcessInfo[] {
    return [...this.procs.values()].sort((a, b) => a.pid - b.pid);
  }

  /** peekPid tells which pid the next spawn gets (for $$ before a shell is registered). */
  peekPid(): number {
    return this.nextPid;
  }
}
