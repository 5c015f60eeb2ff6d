import type { BootInfo, BootOptions, Completion, EngineApi, EngineEvent, Inspection, SessionInfo, SubmitResult } from '../protocol/api.ts';
import { bootLab, type BootedLab } from '../cluster/boot/boot-lab.ts';
import { parseLabDefinition } from '../cluster/lab-definition.ts';
import { ShellSession } from '../shell/session.ts';
import { runStepped } from './time-pump.ts';
import { EditorBridge } from './editor-bridge.ts';
import { ClusterFeed } from './cluster-feed.ts';
import { inspectObject } from './inspect.ts';
import { complete } from './completion/complete.ts';
import type { Process } from '../host/process.ts';
import { Collector, EMPTY_INPUT } from '../host/streams.ts';
import { Interrupt } from '../host/interrupt.ts';
import { BUILTINS } from '../shell/builtins/index.ts';
import { preloadShellParser } from '../shell/parser/load.ts';

/** LabOptions tell a Lab how it is driven. */
export interface LabOptions {
  emit: (e: EngineEvent) => void;
  /** yieldToHost lets the embedder's event loop run (setImmediate in Node, a MessageChannel in a worker). */
  yieldToHost: () => Promise<void>;
  /**
   * realtime: simulated time follows the embedder's tick() (the browser);
   * stepped: time jumps to the next event whenever a command waits on it
   * (`kubelab shell --json`, tests), and each command then adds stepAfterCommandMs.
   */
  mode: 'realtime' | 'stepped';
  stepAfterCommandMs?: number;
  /** maxCommandMs: in stepped mode, a command still running after this much simulated time gets Ctrl-C */
  maxCommandMs?: number;
}

interface SessionEntry {
  id: string;
  shell: ShellSession;
}

const VERSION = '0.1.0';

/**
 * Lab is the engine's front door: it boots a lab, keeps its terminal
 * sessions, runs what is typed into them, and drives simulated time. The Web
 * Worker serves it over postMessage; the CLI and tests call it directly.
 */
export class Lab implements EngineApi {
  booted: BootedLab | undefined;
  private sessions = new Map<string, SessionEntry>();
  private nextId = 1;
  private speed = 1;
  private editor: EditorBridge;
  private feed: ClusterFeed | undefined;
  /** lastSession is where an editor request comes from (the session whose command is running) */
  private lastSession = '';

  constructor(private readonly o: LabOptions) {
    this.editor = new EditorBridge(() => this.lab.world, o.emit, () => this.lastSession);
  }

  private get lab(): BootedLab {
    if (!this.booted) throw new Error('the lab has not booted');
    return this.booted;
  }

  async boot(opts: BootOptions = {}): Promise<BootInfo> {
    preloadShellParser();
    const def = opts.lab ? parseLabDefinition(opts.lab) : undefined;
    this.editor.cancelAll();
    this.feed?.stop();
    this.feed = undefined;
    this.sessions.clear();
    this.booted = bootLab({ def, seed: opts.seed, start: opts.start });
    // With a human at the UI, vi/nano/kubectl edit open the editor pane; scripted runs have nobody to edit.
    if (this.o.mode === 'realtime') this.booted.world.editor = this.editor;
    const first = await this.openSession();
    return {
      version: VERSION,
      sessions: [first],
      clusters: this.lab.def.clusters.map((c) => ({ name: c.name, context: c.context, version: `v${c.version}`, hosts: c.machines.map((m) => m.name) })),
      now: this.lab.world.runtime.now,
    };
  }

  async openSession(opts: { host?: string; user?: string } = {}): Promise<SessionInfo> {
    const lab = this.lab;
    const id = `s${this.nextId++}`;
    const host = lab.world.host(opts.host ?? lab.def.student.host);
    if (!host) throw new Error(`no such host: ${opts.host}`);
    const emit = this.o.emit;
    const shell = await ShellSession.open({
      world: lab.world,
      host,
      user: opts.user ?? lab.def.student.user,
      stdout: { isTTY: true, write: (data) => emit({ type: 'output', session: id, stream: 'stdout', data }) },
      stderr: { isTTY: true, write: (data) => emit({ type: 'output', session: id, stream: 'stderr', data }) },
      yieldToHost: this.o.yieldToHost,
      tty: `pts/${this.sessions.size}`,
    });
    this.sessions.set(id, { id, shell });
    return this.info(id);
  }

  async closeSession(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  info(id: string): SessionInfo {
    const e = this.sessions.get(id);
    if (!e) throw new Error(`no such session: ${id}`);
    const cur = e.shell.current();
    return { id, host: cur.host, user: cur.user, cwd: cur.cwd, prompt: e.shell.prompt(), depth: Math.max(0, cur.depth - 1), ended: e.shell.ended };
  }

  async submit(id: string, line: string): Promise<SubmitResult> {
    const e = this.sessions.get(id);
    if (!e) throw new Error(`no such session: ${id}`);
    const runtime = this.lab.world.runtime;
    this.lastSession = id;
    const work = e.shell.submit(line);
    const r =
      this.o.mode === 'stepped'
        ? await runStepped(runtime, work, this.o.yieldToHost, this.o.maxCommandMs ?? 15 * 60_000, () => e.shell.interrupt())
        : await work;
    if (r.status === 'incomplete') return { kind: 'incomplete', prompt: e.shell.prompt() };
    if (this.o.mode === 'stepped') runtime.advance(this.o.stepAfterCommandMs ?? 1000);
    const info = this.info(id);
    this.o.emit({ type: 'session', session: info });
    return { kind: 'done', exit: r.code, session: info };
  }

  async interrupt(id: string): Promise<void> {
    this.sessions.get(id)?.shell.interrupt();
  }

  async stdin(id: string, data: string): Promise<void> {
    this.sessions.get(id)?.shell.input(data);
  }

  async readFile(host: string, path: string): Promise<string> {
    return this.lab.world.mustHost(host).fs.readFile(path);
  }

  async writeFile(host: string, path: string, content: string): Promise<void> {
    this.lab.world.mustHost(host).fs.writeFile(path, content);
  }

  async setSpeed(factor: number): Promise<void> {
    this.speed = Math.max(0, factor);
  }

  /** tick advances simulated time by wall-clock milliseconds (times the speed), in realtime mode. */
  tick(wallMs: number): void {
    if (!this.booted) return;
    this.booted.world.runtime.advance(wallMs * this.speed);
  }

  /** complete answers a Tab press in a session (commands, kubectl's own completion, paths). */
  async complete(id: string, line: string, cursor: number): Promise<Completion> {
    const e = this.sessions.get(id);
    if (!e || e.shell.ended) return { start: cursor, end: cursor, candidates: [] };
    const cur = e.shell.current();
    const host = this.lab.world.host(cur.host);
    const user = host?.user(cur.user);
    if (!host || !user) return { start: cursor, end: cursor, candidates: [] };
    const st = e.shell.state;
    const proc: Process = {
      argv: ['complete'],
      env: st.exportedEnv(),
      cwd: st.cwd,
      hostname: host.name,
      user,
      fs: host.fsFor(user),
      stdin: EMPTY_INPUT,
      stdout: new Collector(),
      stderr: new Collector(),
      signal: new Interrupt(),
      sys: e.shell.contextFor(host, user).sys,
    };
    return complete(line, cursor, { proc, aliases: st.aliases, builtins: BUILTINS.keys(), functions: st.functions.keys() });
  }

  async finishEdit(requestId: string, content: string | null): Promise<void> {
    this.editor.finish(requestId, content);
  }

  /** watchCluster starts the topology feed of the first cluster: 'cluster' events with batched diffs. */
  async watchCluster(): Promise<void> {
    if (this.feed) return;
    const c = this.lab.clusters[0];
    if (!c) return;
    this.feed = new ClusterFeed(c.admin, this.lab.world.runtime, (diff) => this.o.emit({ type: 'cluster', diff }), () => c.kv.revision);
    this.feed.start();
  }

  /** inspect returns what the inspector shows: the object's YAML and its events. */
  async inspect(ref: { kind: string; namespace?: string; name: string }): Promise<Inspection> {
    return inspectObject(this.lab, ref);
  }

  /** saveState serialises the whole lab (not available until the lab can be restored from its files). */
  async saveState(): Promise<Uint8Array> {
    throw new Error('saving a lab is not supported yet');
  }
}
