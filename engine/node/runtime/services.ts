import { shellDialect } from '../../host/userland.ts';
import type { Runtime } from '../../base/runtime.ts';
import { Interrupt } from '../../host/interrupt.ts';
import type { Listener, Network, Peer } from '../../host/net.ts';
import type { ExecRequest, Process, Program, SystemServices } from '../../host/process.ts';
import type { User } from '../../host/types.ts';
import type { ProgramDef } from '../../tools/types.ts';
import { runExternal, runShellText } from '../../shell/interp/call.ts';
import type { HostContext } from '../../shell/interp/context.ts';
import { ExitSignal, InterruptedSignal } from '../../shell/interp/errors.ts';
import { newShellState } from '../../shell/interp/init.ts';
import { Interp } from '../../shell/interp/interp.ts';
import { resolveCommand } from '../../shell/interp/lookup.ts';
import type { Io } from '../../shell/interp/types.ts';
import { simulatedYield, sleepOn } from '../../shell/services.ts';
import type { ContainerHost } from './container-host.ts';
import { ChrootHost } from '../../host/chroot.ts';
import { programByName } from '../../tools/registry.ts';

/** PodNet is a pod's network namespace: its id on the lab network, its address, who it is. */
export interface PodNet {
  netns: string;
  ip: string;
  peer: Peer;
}

/**
 * podNetwork is the network as a container sees it: it listens in the pod's
 * namespace (whatever host name the program passes) and dials as the pod.
 */
export function podNetwork(net: Network, pod: PodNet): Network {
  return {
    resolve: (name) => net.resolve(name, pod.peer),
    dial: (_from, address, port): Listener => net.dial(pod.peer, address, port),
    listen: (_host, address, port, listener) => net.listen(pod.netns, address === pod.ip ? '0.0.0.0' : address, port, listener),
  };
}

/**
 * CPU_SLICE_MS is the simulated time a container's shell spends on one slice
 * of statements (STEPS_PER_SLICE) once it has run BURST_SLICES of them.
 * Nobody types into a container's process, so instead of yielding to a host
 * event loop it waits on the simulated clock: a loop that never sleeps
 * (`while true; do :; done`) keeps its CPU busy in simulated time, about
 * 1,000 statements a second, and the rest of the lab runs between its
 * slices. The first BURST_SLICES cost a millisecond each, so a script that
 * computes for a while and ends (a loop over a few thousand items) is not
 * slowed down noticeably.
 */
export const CPU_SLICE_MS = 250;
export const BURST_SLICES = 64;

/** cpuSlices is the yieldToHost of the shells a container's process runs (one per process: each has its burst). */
export function cpuSlices(env: { runtime: Runtime }): HostContext['yieldToHost'] {
  const burst = simulatedYield(env.runtime, 1);
  const sustained = simulatedYield(env.runtime, CPU_SLICE_MS);
  let slices = 0;
  return (signal) => (++slices <= BURST_SLICES ? burst(signal) : sustained(signal));
}

/** ContainerEnv is what every program in a container shares. */
export interface ContainerEnv {
  runtime: Runtime;
  host: ContainerHost;
  net: Network;
  ip: string;
  programs: (name: string) => ProgramDef | undefined;
  /** allocate is told how much memory the container's program uses; over the limit the runtime OOM-kills it */
  allocate?: (bytes: number) => boolean;
}

/** ContainerSys is a container's SystemServices with its memory accounting (programs that declare memory use call allocate). */
export type ContainerSys = SystemServices & { allocate?: (bytes: number) => boolean };

/**
 * containerServices are the SystemServices of a container's processes. Its
 * session can only exec (sh -c, an entrypoint's exec "$@"): there is no
 * login into a container except through the runtime's exec.
 */
export function containerServices(env: ContainerEnv): ContainerSys {
  const sys: ContainerSys = {
    runtime: env.runtime,
    sleep: (ms, signal) => sleepOn(env.runtime, ms, signal),
    net: env.net,
    hostIp: env.ip,
    machines: () => [],
    session: { login: () => {}, logout: () => {}, exec: (req) => execInContainer(env, sys, req) },
    // the interactive shell of `kubectl exec -it … -- sh` runs through the shell program's exec with a terminal stdin
    editor: { edit: async () => ({ saved: false }) },
    terminal: { columns: 80, rows: 24, interactive: false },
    processes: () => env.host.procs.list(),
    signalProcess: (pid, sig) => env.host.procs.signal(pid, sig),
    setProcessTitle: (pid, title) => env.host.procs.exec(pid, title),
    forkProcess: (ppid, title) => {
      const parent = env.host.procs.get(ppid);
      const pid = env.host.procs.spawn({ user: parent?.user ?? 'root', uid: parent?.uid ?? 0, command: title, ppid, tty: parent?.tty ?? '?', state: 'S' });
      return () => env.host.procs.exit(pid);
    },
    allocate: env.allocate,
  };
  return sys;
}

/** execInContainer runs argv (found on the container's PATH) or shell text in the container. */
export async function execInContainer(env: ContainerEnv, sys: SystemServices, req: ExecRequest): Promise<number> {
  // chroot: the same container, its root moved (the node's root mounted at /host), running what that root holds
  if (req.root !== undefined) return execInContainer({ ...env, host: new ChrootHost(env.host, req.root, env.runtime.clock) as unknown as ContainerHost, programs: programByName }, sys, { ...req, root: undefined });
  const host = env.host;
  const user = host.user(req.user) ?? host.user(0)!;
  const vars = { ...(req.inheritEnv ?? {}), ...(req.env ?? {}) };
  const signal = new Interrupt();
  const off = req.signal.onInterrupt(() => signal.raise(137));
  const io = { stdin: req.stdin, stdout: req.stdout, stderr: req.stderr, signal };
  // runc starts each process (the container's own, every exec) as a session leader; a shell a program starts runs in that program's process
  const own = req.pid !== undefined && host.procs.get(req.pid) !== undefined;
  // (its parent is outside the container's pid namespace: ppid 0)
  const pid = own ? req.pid! : host.procs.spawn({ user: user.name, uid: user.uid, command: req.argv ? req.argv.join(' ') : `sh -c ${req.command ?? ''}`, tty: '?', state: 'Ss', ppid: 0 });
  if (own && req.argv) host.procs.exec(pid, req.argv.join(' '));
  try {
    if (req.argv && req.argv.length > 0) return await startArgv(env, sys, req, req.argv, user, vars, io, pid);
    const st = newShellState({ env: vars, cwd: req.cwd ?? '/', pid, ppid: 1, uid: user.uid, hostname: host.name, runtime: env.runtime, interactive: false, login: false });
    const ctx: HostContext = { host, user, sys, programs: env.programs, yieldToHost: cpuSlices(env), tty: '?' };
    const interp = new Interp(st, ctx, { kind: 'command' });
    const args = req.args ?? [];
    if (req.command === undefined && req.stdin.isTTY) {
      const { interactiveShell } = await import('./interactive.ts');
      return await interactiveShell(env, sys, { name: args[0] ?? 'sh', user: user.name, vars, cwd: req.cwd ?? '/', stdin: req.stdin, stdout: req.stdout, stderr: req.stderr, signal });
    }
    const dialect = shellDialect(host.fs, req.shell ?? 'sh');
    if (req.scriptName !== undefined) return await runShellText(interp, req.command ?? '', { name: req.scriptName, args, env: vars, pid, io, kind: 'script', dialect });
    return await runShellText(interp, req.command ?? '', { name: args[0] ?? req.shell ?? 'sh', args: args.slice(1), env: vars, pid, io, kind: 'command', dialect });
  } catch (e) {
    return e instanceof ExitSignal || e instanceof InterruptedSignal ? e.code : 1;
  } finally {
    off();
    if (!own) host.procs.exit(pid);
  }
}

/**
 * startArgv starts argv the way the runtime execs a process: found on the
 * container's PATH by a shell's lookup, then run like the shell's runExternal
 * runs a program, but without that shell around it. A container's process
 * lives as long as the container, and so would the shell's state it was
 * looked up with. Scripts and lookup errors take the shell's own way.
 */
function startArgv(env: ContainerEnv, sys: SystemServices, req: ExecRequest, argv: string[], user: User, vars: Record<string, string>, io: Io, pid: number): Promise<number> | number {
  const host = env.host;
  const st = newShellState({ env: vars, cwd: req.cwd ?? '/', pid, ppid: 1, uid: user.uid, hostname: host.name, runtime: env.runtime, interactive: false, login: false });
  const ctx: HostContext = { host, user, sys, programs: env.programs, yieldToHost: cpuSlices(env), tty: '?' };
  const interp = new Interp(st, ctx, { kind: 'command' });
  const found = resolveCommand(interp, argv[0]!);
  if (req.quietNotFound && found.kind === 'error') return 127;
  if (found.kind !== 'program') return runExternal(interp, argv, vars, io);
  const proc: Process = { argv, env: vars, cwd: st.cwd, hostname: host.name, user, fs: found.setuid ? host.fs : interp.fs, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, signal: io.signal, sys, pid };
  return runProgram(found.def.program, proc);
}

/** runProgram runs a program in the process execInContainer registered for it: an exit code whatever it throws. */
async function runProgram(program: Program, proc: Process): Promise<number> {
  try {
    return await program(proc);
  } catch (e) {
    if (e instanceof InterruptedSignal || e instanceof ExitSignal) return e.code;
    proc.stderr.write(`${proc.argv[0]}: ${String((e as Error)?.message ?? e)}\n`);
    return 1;
  }
}
