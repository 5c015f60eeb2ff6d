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
  /** mirrors are containers' tables seen from the node: the entry's pid shows their pid 1, their other processes get node pids */
  private mirrors = new Map<number, { source: ProcessTable; pids: Map<number, number> }>();

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

  /** exec replaces what a process runs (execve): the pid stays, its command line changes. */
  exec(pid: number, command: string): void {
    const p = this.procs.get(pid);
    if (p) p.command = command;
  }

  /**
   * mirror shows another table (a container's, in its own pid namespace)
   * through the process pid of this one: pid shows what the container's pid 1
   * runs now (after an exec or a rename), and every other process there
   * appears here too, under a pid of this table, as the node's ps sees them.
   */
  mirror(pid: number, source: ProcessTable): void {
    this.mirrors.set(pid, { source, pids: new Map([[1, pid]]) });
  }

  /** exit removes a process. */
  exit(pid: number): void {
    this.procs.delete(pid);
    this.handlers.delete(pid);
    this.mirrors.delete(pid);
  }

  /** signal delivers a signal number to a process (kill). */
  signal(pid: number, sig: number): void {
    const h = this.handlers.get(pid);
    if (h) h(sig);
    else if (sig === 9 || sig === 15 || sig === 2) this.exit(pid);
  }

  /** get returns one process. */
  get(pid: number): ProcessInfo | undefined {
    return this.procs.get(pid) ?? (this.mirrors.size ? this.mirrored().find((p) => p.pid === pid) : undefined);
  }

  /** list returns the processes by pid. */
  list(): ProcessInfo[] {
    const own = [...this.procs.values()];
    if (this.mirrors.size === 0) return own.sort((a, b) => a.pid - b.pid);
    const shown = this.mirrored();
    const replaced = new Set(shown.map((p) => p.pid));
    return [...own.filter((p) => !replaced.has(p.pid)), ...shown].sort((a, b) => a.pid - b.pid);
  }

  /** mirrored is what the mirrored tables hold now, under this table's pids (allocated on first sight, dropped when gone). */
  private mirrored(): ProcessInfo[] {
    const out: ProcessInfo[] = [];
    for (const [pid, m] of this.mirrors) {
      const entry = this.procs.get(pid);
      if (!entry) continue;
      const alive = new Set<number>();
      for (const p of m.source.list()) {
        let mine = m.pids.get(p.pid);
        if (mine === undefined) m.pids.set(p.pid, (mine = this.nextPid++));
        alive.add(p.pid);
        const ppid = p.pid === 1 ? entry.ppid : (m.pids.get(p.ppid) ?? pid);
        out.push(p.pid === 1 ? { ...entry, command: p.command } : { ...p, pid: mine, ppid, user: entry.user, uid: entry.uid });
      }
      for (const k of [...m.pids.keys()]) if (k !== 1 && !alive.has(k)) m.pids.delete(k);
    }
    return out;
  }

  /** peekPid tells which pid the next spawn gets (for $$ before a shell is registered). */
  peekPid(): number {
    return this.nextPid;
  }
}
