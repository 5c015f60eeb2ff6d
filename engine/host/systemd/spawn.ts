import type { Host } from '../host.ts';
import { Interrupt } from '../interrupt.ts';
import type { Process, Program, SystemServices } from '../process.ts';
import { EMPTY_INPUT, type Writable } from '../streams.ts';
import type { User } from '../types.ts';
import type { ExitInfo } from './exit-status.ts';

/** KillSignal is the InterruptSignal a daemon sees: stop and kill raise it with a signal number (15 TERM, 9 KILL, 2 INT). */
export class KillSignal extends Interrupt {
  /** signal is the number that was raised (0 until raised) */
  signal = 0;

  override raise(sig: number): void {
    if (this.interrupted) return;
    this.signal = sig;
    super.raise(128 + sig);
  }
}

/** DaemonOptions is what it takes to run a Program as a background process. */
export interface DaemonOptions {
  host: Host;
  program: Program;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  user: User;
  sys: SystemServices;
  stdout: Writable;
  stderr: Writable;
  ppid?: number;
  /** onSignal is told when kill(1) targets the pid; the default ends the program with that signal */
  onSignal?: (sig: number) => void;
}

/** DaemonHandle is a running daemon. */
export interface DaemonHandle {
  pid: number;
  signal: KillSignal;
  /** done resolves when the program returns (or throws: status 1) */
  done: Promise<ExitInfo>;
  /** kill raises the signal and, for SIGKILL, does not wait for the program's goodwill */
  kill(sig: number): void;
}

/**
 * spawnDaemon starts a Program with no terminal: stdin at its end, output to
 * the given streams (the journal), a pid in the host's process table and a
 * KillSignal that stop/kill raise. The program runs on the engine's
 * scheduler through its SystemServices (sleep, runtime), never on real timers.
 */
export function spawnDaemon(o: DaemonOptions): DaemonHandle {
  const signal = new KillSignal();
  let handle: DaemonHandle | undefined;
  const pid = o.host.procs.spawn({
    user: o.user.name,
    uid: o.user.uid,
    command: o.argv.join(' '),
    ppid: o.ppid ?? 1,
    state: 'Ssl',
    onSignal: (sig: number) => (o.onSignal ? o.onSignal(sig) : handle?.kill(sig)),
  });
  const proc: Process = {
    argv: o.argv,
    env: o.env,
    cwd: o.cwd,
    hostname: o.host.name,
    user: o.user,
    fs: o.user.uid === 0 ? o.host.fs : o.host.fsFor(o.user),
    stdin: EMPTY_INPUT,
    stdout: o.stdout,
    stderr: o.stderr,
    signal,
    sys: o.sys,
  };
  const done = (async (): Promise<ExitInfo> => {
    let code: number;
    // The program starts once the caller has its pid (systemd logs "Started" before the first line of output).
    await Promise.resolve();
    try {
      code = await o.program(proc);
    } catch (e) {
      o.stderr.write(`${String((e as Error)?.message ?? e)}\n`);
      code = 1;
    }
    o.host.procs.exit(pid);
    if (signal.interrupted && signal.signal !== 0 && (code === 128 + signal.signal || code === 130 || code === 143)) return { code: 'killed', status: signal.signal };
    return { code: 'exited', status: code & 0xff };
  })();
  handle = {
    pid,
    signal,
    done,
    kill: (sig: number) => signal.raise(sig),
  };
  return handle;
}
