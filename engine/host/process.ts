import type { Runtime } from '../base/runtime.ts';
import type { Readable, Writable } from './streams.ts';
import type { FileSystem, User } from './types.ts';
import type { Network } from './net.ts';

/**
 * Process is what a program sees when it runs on a host: its arguments,
 * environment, working directory, user, streams and the world around it.
 * Every host binary (coreutils, kubectl, etcdctl, kubeadm, systemctl…) is a
 * Program over a Process; the shell builds one per command it runs.
 */
export interface Process {
  /** argv[0] is the name the program was invoked by (an alias like `k` is already expanded). */
  argv: string[];
  /** env holds the exported variables. */
  env: Record<string, string>;
  /** cwd is absolute. */
  cwd: string;
  hostname: string;
  user: User;
  /** fs is the host's filesystem as seen by user (permissions enforced). */
  fs: FileSystem;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** signal is raised by Ctrl-C (SIGINT); long-running programs (watch, -w, -f, sleep) stop on it. */
  signal: InterruptSignal;
  sys: SystemServices;
  /** pid is the process's entry in its host's table, when it has one (a shell it starts runs there, not in a child). */
  pid?: number;
}

/** Program is a host binary: it runs and resolves with an exit code. It never throws for user errors. */
export type Program = (p: Process) => Promise<number>;

/** InterruptSignal tells a program that the user pressed Ctrl-C. */
export interface InterruptSignal {
  readonly interrupted: boolean;
  /** onInterrupt registers a callback; it returns a function that removes it. */
  onInterrupt(cb: () => void): () => void;
}

/**
 * SystemServices is the rest of the world a program can reach: simulated time,
 * the network, other hosts, the lab's editor and the terminal session.
 */
export interface SystemServices {
  runtime: Runtime;
  /** sleep resolves after ms of simulated time, or early (false) when interrupted. */
  sleep(ms: number, signal?: InterruptSignal): Promise<boolean>;
  net: Network;
  /** hostIp is this host's primary address. */
  hostIp: string;
  /** machines lists the lab's hosts (for ssh and name resolution). */
  machines(): string[];
  /**
   * session changes where the following input runs, the way ssh, sudo -i, su and
   * exit do. Programs call it; the interactive shell that started them obeys it.
   */
  session: SessionControl;
  /** editor opens a file in the lab's editor and resolves once the user saves or closes it. */
  editor: Editor;
  /** terminal describes the terminal the session runs in (width for wrapping, interactive or not). */
  terminal: { columns: number; rows: number; interactive: boolean };
  /** processes lists this host's process table (ps, pgrep); absent where there is none. */
  processes?(): ProcessInfo[];
  /** signalProcess delivers a signal number to a process of this host's table (pkill); absent where there is none. */
  signalProcess?(pid: number, sig: number): void;
  /** setProcessTitle renames a process as ps shows it (nginx's "nginx: master process …"); absent where there is no table. */
  setProcessTitle?(pid: number, title: string): void;
  /** forkProcess adds a child process (a server's workers) and returns the function that ends it; absent where there is no table. */
  forkProcess?(ppid: number, title: string): () => void;
}

/** ProcessInfo is one row of a host's process table, what `ps aux` shows. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  user: string;
  uid: number;
  /** the full command line, as ps prints it in the COMMAND column */
  command: string;
  /** controlling terminal, e.g. "pts/0", or "?" for daemons */
  tty: string;
  /** start time, simulated ms since epoch */
  start: number;
  /** process state letters, e.g. "Ss", "R+", "Sl" */
  state: string;
  vszKb: number;
  rssKb: number;
  /** cumulative CPU time in ms */
  cpuMs: number;
  /** the systemd unit whose control group holds the process when it is not its main process' child (containerd's shims) */
  cgroup?: string;
}

/** SessionControl lets ssh/sudo/su open a nested login on a host, and exit close it. */
export interface SessionControl {
  /**
   * login opens a nested shell on host as user; the caller's shell resumes
   * after it exits. closeMessage is printed when it exits (ssh: "Connection
   * to node01 closed."). remote marks a login that came over the network
   * (ssh): its shell runs under that host's sshd.
   */
  login(opts: { host: string; user: string; loginShell: boolean; cwd?: string; env?: Record<string, string>; closeMessage?: string; remote?: boolean }): void;
  /** logout ends the current nested shell (the outermost one ends the session). */
  logout(code: number): void;
  /**
   * exec runs a command on host as user without opening an interactive login
   * (`ssh host cmd`, `sudo cmd`, `su -c`): argv is run as it is, command is
   * parsed by that host's shell. It resolves with the exit code. Optional:
   * contexts without a shell (a container's exec) leave it out.
   */
  exec?(opts: ExecRequest): Promise<number>;
}

/** ExecRequest describes one non-interactive command for SessionControl.exec. */
export interface ExecRequest {
  host: string;
  user: string;
  argv?: string[];
  command?: string;
  /** run as a login shell (sudo -i cmd, su - -c): login environment and the user's home as cwd */
  loginShell?: boolean;
  cwd?: string;
  /** variables to set (added to what the target shell would have) */
  env?: Record<string, string>;
  /** keep the caller's exported environment (sudo -E, su without -) */
  inheritEnv?: Record<string, string>;
  /** when argv[0] is not found, return 127 without a message (the caller prints its own) */
  quietNotFound?: boolean;
  /** shell is the name the shell was invoked by (`sh -c`, `bash -c`): sh is dash or busybox's ash, as the host's files have it */
  shell?: string;
  /** pid runs the command in this process of the host (the calling program's own: `bash -c` is one process), not a new one */
  pid?: number;
  /** run inside chroot(root): the command sees only the files under root (chroot /host) */
  root?: string;
  /** with command: run it as the script of this name (errors say "name: line N:"), $0 = name */
  scriptName?: string;
  /** with command: positional parameters $1… (and $0 first when scriptName is absent, like bash -c) */
  args?: string[];
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  signal: InterruptSignal;
}

/**
 * Editor opens a file for a human to edit. In the browser this is the Monaco
 * pane; in `kubelab shell --json` there is no human, so the editor applies the
 * EDITOR-style script given in the environment, or leaves the file unchanged.
 */
export interface Editor {
  edit(req: { host: string; path: string; user: User; title?: string }): Promise<{ saved: boolean }>;
}
