import { cniAddError } from '../../network/cni/configs.ts';
import type { Runtime } from '../../base/runtime.ts';
import type { Network } from '../../host/net.ts';
import { Channel, EMPTY_INPUT, type Readable, type Writable } from '../../host/streams.ts';
import { Interrupt } from '../../host/interrupt.ts';
import type { ImageCatalog } from '../images/types.ts';
import { sha256Hex } from '../images/refs.ts';
import { ContainerHost, populateImage } from './container-host.ts';
import { ImageStore } from './image-store.ts';
import { ContainerLog } from './logs.ts';
import { attachLogFile, removeLogFile, removePodLogs } from './log-files.ts';
import type { FileSystem } from '../../host/types.ts';
import type { ProcessTable } from '../../host/procs.ts';
import { NodeProcesses } from './node-processes.ts';
import { containerServices, execInContainer, podNetwork, type ContainerEnv } from './services.ts';
import type { ContainerConfig, ContainerRecord, RuntimeEvent, Sandbox, SandboxConfig } from './types.ts';

/** LabNetwork is the part of SimNetwork the runtime needs: pod addresses and the network itself. */
export interface LabNetwork extends Network {
  addAddress(host: string, address: string): void;
  removeAddress(address: string): void;
}

/** programs that ignore SIGTERM as PID 1 (no handler installed): stopping them waits for the grace period, then SIGKILL */
const IGNORES_TERM = new Set(['sh', 'bash', 'ash', 'sleep', 'tail']);

interface Live {
  signal: Interrupt;
  env: ContainerEnv;
  killTimer?: { cancel(): void };
  /** stdin is the open standard input of a container with stdin: true (what attach writes to) */
  stdin?: Channel;
  /** attached are the clients reading the container's output as it is written */
  attached: Set<Writable>;
  /** ended resolves with the exit code once the process is gone */
  ended: Promise<number>;
}

/** TerminalInput is a container's standard input when it has a terminal (tty: true). */
class TerminalInput extends Channel {
  override readonly isTTY = true;
}

/**
 * ContainerRuntime is one node's containerd with its CRI plugin: pod
 * sandboxes with their network namespace and address, containers running
 * their image's programs, per-container logs, exec, and the image store.
 */
/** CNI_CONF_DIR is where containerd reads its CNI network configuration. */
export const CNI_CONF_DIR = '/etc/cni/net.d';

/** NETWORK_NOT_READY is the runtime's message while no CNI configuration is present. */
export const NETWORK_NOT_READY = 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

export class ContainerRuntime {
  readonly images: ImageStore;
  readonly sandboxes = new Map<string, Sandbox>();
  readonly containers = new Map<string, ContainerRecord>();
  private live = new Map<string, Live>();
  private listeners = new Set<(e: RuntimeEvent) => void>();
  private seq = 0;
  /** version is what `crictl version` reports */
  readonly version = { runtimeName: 'containerd', runtimeVersion: 'v1.7.28', runtimeApiVersion: 'v1', version: '0.1.0' };

  constructor(
    readonly opts: {
      runtime: Runtime; net: LabNetwork; catalog: ImageCatalog; nodeName: string; nodeIp: string;
      /** the node's files, where container logs are written (/var/log/pods) */ nodeFs?: FileSystem;
      /** the node's process table, where shims, pause and container processes show (ps on the node) */ nodeProcs?: ProcessTable;
    },
  ) {
    this.images = new ImageStore(opts.runtime, opts.catalog);
    if (opts.nodeProcs) this.processes = new NodeProcesses(opts.nodeProcs, (id, sig) => this.signalContainer(id, sig));
  }

  private readonly processes?: NodeProcesses;

  /** hostPid is a running container's (or, with sandbox, a ready sandbox's pause) pid in the node's process table. */
  hostPid(id: string, kind: 'container' | 'sandbox' = 'container'): number | undefined {
    return kind === 'container' ? this.processes?.mainPid(id) : this.processes?.pausePid(id);
  }

  /** signalContainer is kill(1) on a container's process from the node: SIGKILL ends it, other signals go to the program. */
  private signalContainer(id: string, sig: number): void {
    const c = this.containers.get(id);
    const live = this.live.get(id);
    if (!c || !live || c.state !== 'CONTAINER_RUNNING') return;
    if (sig === 9) return this.kill(c, 137);
    const base = (c.argv[0] ?? '').split('/').pop()!;
    if (sig === 15 && IGNORES_TERM.has(base)) return;
    live.signal.raise(128 + sig);
  }

  private newId(kind: string): string {
    return sha256Hex(`${this.opts.nodeName}/${kind}/${this.seq++}/${this.opts.runtime.rand.uint32()}`);
  }

  /**
   * networkReady is the runtime's NetworkReady condition: containerd's CNI
   * plugin is initialised once a network configuration sits in
   * /etc/cni/net.d (a CNI's installer writes it there). Without the node's
   * files (tests of the runtime alone) the network counts as ready.
   */
  networkReady(): boolean {
    const fs = this.opts.nodeFs;
    if (!fs) return true;
    try {
      return fs.readdir(CNI_CONF_DIR).some((f) => /\.(conf|conflist|json)$/.test(f));
    } catch {
      return false;
    }
  }

  /** networkSetupError is the CNI plugin's error for a new pod network now, if it would fail (see cniAddError). */
  networkSetupError(): string | undefined {
    return this.opts.nodeFs ? cniAddError(this.opts.nodeFs) : undefined;
  }

  /** nextSandboxId names a sandbox being created for a pod (the id containerd reports in its errors). */
  nextSandboxId(podUid: string): string {
    return sha256Hex(`${this.opts.nodeName}/sandbox-attempt/${podUid}/${this.seq}`);
  }

  /** onEvent subscribes to container and sandbox changes; it returns the unsubscribe function. */
  onEvent(cb: (e: RuntimeEvent) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private emit(e: RuntimeEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  /** runPodSandbox creates a pod's sandbox and gives its network namespace the pod's address. */
  runPodSandbox(config: SandboxConfig): Sandbox {
    const id = this.newId('sandbox');
    const netns = config.hostNetwork ? this.opts.nodeName : `pod:${id.slice(0, 12)}`;
    if (!config.hostNetwork) this.opts.net.addAddress(netns, config.ip);
    const sb: Sandbox = { id, config, state: 'SANDBOX_READY', createdAt: this.opts.runtime.now, netns };
    this.sandboxes.set(id, sb);
    this.processes?.sandboxStarted(sb);
    return sb;
  }

  /** stopPodSandbox kills the sandbox's containers at once and releases its address. */
  stopPodSandbox(id: string): void {
    const sb = this.sandboxes.get(id);
    if (!sb || sb.state === 'SANDBOX_NOTREADY') return;
    for (const c of this.containers.values()) if (c.sandboxId === id && c.state === 'CONTAINER_RUNNING') this.kill(c, 137);
    sb.state = 'SANDBOX_NOTREADY';
    this.processes?.sandboxStopped(id);
    if (!sb.config.hostNetwork) this.opts.net.removeAddress(sb.config.ip);
    this.emit({ type: 'SandboxStopped', sandboxId: id });
  }

  /** removePodSandbox removes a sandbox and every container in it. */
  removePodSandbox(id: string): void {
    this.stopPodSandbox(id);
    for (const c of [...this.containers.values()]) if (c.sandboxId === id) this.removeContainer(c.id);
    const sb = this.sandboxes.get(id);
    if (sb && this.opts.nodeFs) removePodLogs(this.opts.nodeFs, sb);
    this.sandboxes.delete(id);
  }

  /** createContainer prepares a container from a pulled image; the error is containerd's text. */
  createContainer(sandboxId: string, config: ContainerConfig): ContainerRecord | { error: string } {
    const sb = this.sandboxes.get(sandboxId);
    if (!sb) return { error: `failed to get sandbox "${sandboxId}": not found` };
    const image = this.images.find(config.image);
    if (!image) return { error: `failed to get image "${config.image}": not found` };
    const id = this.newId('container');
    const host = new ContainerHost({ name: sb.config.hostname, ip: sb.config.ip, clock: this.opts.runtime.clock, mounts: config.mounts });
    populateImage(host, image.def);
    for (const [path, content] of Object.entries(sb.config.etcFiles)) host.rootFs.writeFile(path, content);
    const def = image.def;
    const entry = config.command.length > 0 ? config.command : def.entrypoint;
    const rest = config.command.length > 0 || config.args.length > 0 ? config.args : def.cmd;
    const rec: ContainerRecord = {
      id,
      sandboxId,
      config,
      image,
      state: 'CONTAINER_CREATED',
      createdAt: this.opts.runtime.now,
      argv: [...entry, ...rest],
      log: new ContainerLog(() => this.opts.runtime.now),
      host,
    };
    this.containers.set(id, rec);
    if (this.opts.nodeFs) attachLogFile(this.opts.nodeFs, sb, rec);
    return rec;
  }

  private envOf(c: ContainerRecord): ContainerEnv {
    const sb = this.sandboxes.get(c.sandboxId)!;
    const net = podNetwork(this.opts.net, {
      netns: sb.netns,
      ip: sb.config.ip,
      peer: { host: sb.netns, ip: sb.config.ip, pod: sb.config.hostNetwork ? undefined : { namespace: sb.config.namespace, name: sb.config.name, labels: sb.config.podLabels } },
    });
    const bins = c.image.def.binaries;
    const limit = c.config.memoryLimitBytes;
    return {
      allocate: (bytes) => {
        if (limit === undefined || bytes <= limit) return true;
        // the kernel's OOM killer ends the container's process at once (reason OOMKilled, 137)
        this.opts.runtime.after(0, () => this.oomKill(c.id), 'oom-kill');
        return false;
      },
      runtime: this.opts.runtime,
      host: c.host,
      net,
      ip: sb.config.ip,
      programs: (name) => (bins[name] ? { name, path: c.image.def.binaryPaths?.[name] ?? `/bin/${name}`, program: bins[name]! } : undefined),
    };
  }

  /** resolveExecutable finds argv[0] the way runc does (PATH of the container's environment). */
  private resolve(c: ContainerRecord, env: Record<string, string>): string | undefined {
    const name = c.argv[0];
    if (!name) return undefined;
    if (name.includes('/')) return c.host.fs.exists(name) ? name : undefined;
    for (const dir of (env['PATH'] ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
      if (c.host.fs.exists(`${dir}/${name}`)) return `${dir}/${name}`;
    }
    return undefined;
  }

  /** startContainer runs the container's process; a missing executable fails like runc (StartError, exit 128). */
  startContainer(id: string): { error?: string } {
    const c = this.containers.get(id);
    if (!c) return { error: `container "${id}" not found` };
    if (c.state !== 'CONTAINER_CREATED') return { error: `container "${id}" is not in created state` };
    const sbx = this.sandboxes.get(c.sandboxId);
    // containerd sets HOSTNAME, the image its ENV, the kubelet the pod's; runc adds HOME when nobody did
    const env: Record<string, string> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: sbx?.config.hostname ?? '', ...c.image.def.env, ...c.config.env };
    env['HOME'] ??= c.host.user(c.image.def.user ?? 'root')?.home ?? '/root';
    c.env = env;
    const now = this.opts.runtime.now;
    if (!this.resolve(c, env)) {
      const what = c.argv[0] ?? '';
      const msg = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${what}": ${what.includes('/') ? 'stat ' + what + ': no such file or directory' : 'executable file not found in $PATH'}`;
      Object.assign(c, { state: 'CONTAINER_EXITED', startedAt: now, finishedAt: now, exitCode: 128, reason: 'StartError', message: msg });
      this.emit({ type: 'ContainerDied', containerId: id, sandboxId: c.sandboxId });
      return { error: `${msg}: unknown` };
    }
    const cenv = this.envOf(c);
    const sys = containerServices(cenv);
    const signal = new Interrupt();
    const attached = new Set<Writable>();
    const stdin = c.config.stdin ? (c.config.tty ? new TerminalInput() : new Channel()) : undefined;
    // What the process writes goes to its log and to every attached client (a terminal merges stderr into stdout).
    const tee = (w: Writable): Writable => ({ isTTY: !!c.config.tty, write: (chunk: string) => {
      w.write(chunk);
      for (const a of attached) a.write(chunk);
    } });
    const live: Live = { signal, env: cenv, attached, ended: Promise.resolve(0), ...(stdin ? { stdin } : {}) };
    this.live.set(id, live);
    c.state = 'CONTAINER_RUNNING';
    c.startedAt = now;
    const done = execInContainer(cenv, sys, {
      host: c.host.name,
      user: c.image.def.user ?? 'root',
      argv: c.argv,
      env,
      cwd: c.config.workingDir || c.image.def.workingDir || '/',
      stdin: stdin ?? EMPTY_INPUT,
      stdout: tee(c.log.writer('stdout')),
      stderr: tee(c.log.writer('stderr')),
      signal,
    });
    live.ended = done.then(
      (code) => code,
      () => 1,
    );
    c.pid = 1;
    this.processes?.containerStarted(c);
    done.then(
      (code) => this.exited(c, code),
      () => this.exited(c, 1),
    );
    this.emit({ type: 'ContainerStarted', containerId: id, sandboxId: c.sandboxId });
    return {};
  }

  private exited(c: ContainerRecord, code: number): void {
    if (c.state !== 'CONTAINER_RUNNING') return;
    const live = this.live.get(c.id);
    live?.killTimer?.cancel();
    this.live.delete(c.id);
    this.processes?.containerEnded(c.id);
    live?.stdin?.close();
    c.log.close();
    c.state = 'CONTAINER_EXITED';
    c.finishedAt = this.opts.runtime.now;
    c.exitCode = live?.signal.interrupted ? (live.signal.code === 137 ? 137 : code) : code;
    c.reason ??= c.exitCode === 0 ? 'Completed' : 'Error';
    this.emit({ type: 'ContainerDied', containerId: c.id, sandboxId: c.sandboxId });
  }

  /** kill ends a container's process at once with SIGKILL (or reason OOMKilled). */
  private kill(c: ContainerRecord, code: number, reason?: string): void {
    const live = this.live.get(c.id);
    if (!live) return;
    if (reason) c.reason = reason;
    live.signal.raise(code);
    // the program may not notice the signal (busy in a pipe); SIGKILL does not wait for it
    this.exited(c, code);
  }

  /**
   * stopContainer sends SIGTERM and, after timeoutSec, SIGKILL. A shell or
   * sleep running as PID 1 has no TERM handler, so only the KILL ends it.
   */
  stopContainer(id: string, timeoutSec: number): void {
    const c = this.containers.get(id);
    const live = this.live.get(id);
    if (!c || !live || c.state !== 'CONTAINER_RUNNING') return;
    const base = (c.argv[0] ?? '').split('/').pop()!;
    if (timeoutSec <= 0) return this.kill(c, 137);
    if (!IGNORES_TERM.has(base)) live.signal.raise(143);
    live.killTimer ??= this.opts.runtime.after(timeoutSec * 1000, () => this.kill(c, 137), 'container-kill');
  }

  /** oomKill ends a container that went over its memory limit. */
  oomKill(id: string): void {
    const c = this.containers.get(id);
    if (c) this.kill(c, 137, 'OOMKilled');
  }

  removeContainer(id: string): void {
    const c = this.containers.get(id);
    if (!c) return;
    if (c.state === 'CONTAINER_RUNNING') this.kill(c, 137);
    this.containers.delete(id);
    const sb = this.sandboxes.get(c.sandboxId);
    if (sb && this.opts.nodeFs) removeLogFile(this.opts.nodeFs, sb, c);
    this.emit({ type: 'ContainerRemoved', containerId: id, sandboxId: c.sandboxId });
  }

  /**
   * attach connects a client to a running container's process (kubectl
   * attach, kubectl run -i): its output from now on, and its standard input
   * when the container keeps one open. It resolves with the exit code when the
   * process ends, or undefined when the client goes first (it is
   * interrupted); when the client's input ends, stdinOnce closes the
   * process's input too.
   */
  attach(id: string, io: { stdin?: Readable; stdout: Writable; signal?: Interrupt }): Promise<number | undefined> | { error: string } {
    const c = this.containers.get(id);
    const live = this.live.get(id);
    if (!c || !live || c.state !== 'CONTAINER_RUNNING') return { error: `container ${id} is not running` };
    live.attached.add(io.stdout);
    let detach: (v: undefined) => void = () => {};
    const detached = new Promise<undefined>((resolve) => (detach = resolve));
    const off = io.signal?.onInterrupt(() => detach(undefined));
    if (io.stdin && live.stdin) {
      const input = live.stdin;
      const source = io.stdin;
      void (async () => {
        for (;;) {
          // Read the client's input only when the process asks for some.
          await input.demand();
          if (!this.live.has(id)) break;
          const chunk = await source.read();
          if (chunk === null || !this.live.has(id)) break;
          input.write(chunk);
        }
        // The client's input ended; its output keeps flowing until the process ends (stdinOnce closes the process's input).
        if (c.config.stdinOnce) input.close();
      })();
    }
    return Promise.race([live.ended, detached]).then((r) => {
      live.attached.delete(io.stdout);
      off?.();
      // The client stops reading its input with the session (a terminal's pending read is let go).
      (io.stdin as { cancel?: () => void } | undefined)?.cancel?.();
      return r;
    });
  }

  /** exec runs argv in a running container (kubectl exec, crictl exec, exec probes). */
  exec(id: string, argv: string[], io: { stdin?: Readable; stdout: Writable; stderr: Writable; signal?: Interrupt }): Promise<number> | { error: string } {
    const c = this.containers.get(id);
    const live = this.live.get(id);
    if (!c || !live || c.state !== 'CONTAINER_RUNNING') return { error: `container ${id} is not running` };
    const sys = containerServices(live.env);
    const env = c.env ?? { ...c.image.def.env, ...c.config.env };
    return execInContainer(live.env, sys, {
      host: c.host.name,
      user: c.image.def.user ?? 'root',
      argv,
      env,
      cwd: c.config.workingDir || c.image.def.workingDir || '/',
      stdin: io.stdin ?? EMPTY_INPUT,
      stdout: io.stdout,
      stderr: io.stderr,
      signal: io.signal ?? new Interrupt(),
      quietNotFound: true,
    }).then((code) => {
      if (code === 127 && !c.host.fs.exists(argv[0]!) && !this.resolveName(c, argv[0]!, env)) {
        io.stderr.write(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`);
        return 127;
      }
      return code;
    });
  }

  private resolveName(c: ContainerRecord, name: string, env: Record<string, string>): boolean {
    return (env['PATH'] ?? '/usr/bin:/bin').split(':').some((d) => c.host.fs.exists(`${d}/${name}`));
  }

  /** containersOf lists a sandbox's containers, oldest first. */
  containersOf(sandboxId: string): ContainerRecord[] {
    return [...this.containers.values()].filter((c) => c.sandboxId === sandboxId).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** findContainer accepts a full id or a unique prefix (crictl's way). */
  findContainer(idOrPrefix: string): ContainerRecord | undefined {
    const exact = this.containers.get(idOrPrefix);
    if (exact) return exact;
    const hits = [...this.containers.values()].filter((c) => c.id.startsWith(idOrPrefix));
    return hits.length === 1 ? hits[0] : undefined;
  }

  findSandbox(idOrPrefix: string): Sandbox | undefined {
    const exact = this.sandboxes.get(idOrPrefix);
    if (exact) return exact;
    const hits = [...this.sandboxes.values()].filter((s) => s.id.startsWith(idOrPrefix));
    return hits.length === 1 ? hits[0] : undefined;
  }
}

