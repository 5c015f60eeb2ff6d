import type { AdminRequest, BootInfo, BootOptions, Completion, EngineApi, EngineEvent, Inspection, SessionInfo, SessionOptions, SubmitResult } from '../protocol/api.ts';
import { bootLabAsync, type BootedLab } from '../cluster/boot/boot-lab.ts';
import { parseLabDefinition } from '../cluster/lab-definition.ts';
import { ShellSession } from '../shell/session.ts';
import { runStepped } from './time-pump.ts';
import { EditorBridge } from './editor-bridge.ts';
import { ClusterFeed } from './cluster-feed.ts';
import { inspectObject } from './inspect.ts';
import { complete } from './completion/complete.ts';
import { loadKubectl } from '../tools/kubectl/index.ts';
import type { Process } from '../host/process.ts';
import { Collector, EMPTY_INPUT } from '../host/streams.ts';
import { Interrupt } from '../host/interrupt.ts';
import { BUILTINS } from '../shell/builtins/index.ts';
import { loadShellParser } from '../shell/parser/load.ts';
import { primeParses } from '../shell/parser/parse.ts';
import { LOGIN_PARSES } from './login-parses.generated.ts';
import { loadOpenApiDefinitions } from '../api/openapi/load.ts';
import { DEFAULT_EPOCH } from '../base/clock.ts';
import { bootWithSignatures } from './boot-signatures.ts';
import type { Host } from '../host/host.ts';
import { restoreSnapshot } from '../store/snapshot.ts';
import type { RestoreFrom } from '../cluster/boot/boot-lab.ts';
import { decodeLabState, encodeLabState, LabStateError, STATE_FORMAT, type LabState, type SavedSession } from './state/lab-state.ts';

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
  /** onInternalError receives exceptions thrown by scheduled work (a component's bug); the lab carries on */
  onInternalError?: (err: unknown, label: string) => void;
  /** maxCommandMs: in stepped mode, a command still running after this much simulated time gets Ctrl-C (default MAX_COMMAND_MS) */
  maxCommandMs?: number;
}

interface SessionEntry {
  id: string;
  shell: ShellSession;
  /** stepped: commands run on simulated time at full speed whatever the lab's mode (hidden setup and grading shells). */
  stepped?: boolean;
}

const VERSION = '0.1.0';

// A fresh session's login files come parsed with the app: the first prompt does not wait for the parser's module.
primeParses(LOGIN_PARSES);

/** MAX_COMMAND_MS: in stepped mode, a command still running after this much simulated time is interrupted (docs/labs.md). */
export const MAX_COMMAND_MS = 15 * 60_000;

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
  /** feedCluster is the cluster the topology shows (the one the learner works on). */
  private feedCluster: BootedLab['clusters'][number] | undefined;
  /** lastSession is where an editor request comes from (the session whose command is running) */
  private lastSession = '';
  /** origin is how the running lab was first booted: a saved state records it to boot the same machines again */
  private origin: { lab?: string; seed: number; start: number } = { seed: 1, start: DEFAULT_EPOCH };

  constructor(private readonly o: LabOptions) {
    this.editor = new EditorBridge(() => this.lab.world, o.emit, () => this.lastSession);
  }

  private get lab(): BootedLab {
    if (!this.booted) throw new Error('the lab has not booted');
    return this.booted;
  }

  async boot(opts: BootOptions = {}): Promise<BootInfo> {
    // The shell's parser is a large module, requested now: it downloads while the boot runs and compiles after it
    // (the boot is one task in a browser). A fresh default lab's first session needs none of it (LOGIN_PARSES), so
    // the prompt does not wait for it; a stepped lab loads it now (time there runs as fast as it can while a
    // command waits). The boot yields to the host only while native
    // crypto signs a cluster's certificates (engine/pki/kubeadm-pki-ahead.ts); the worker holds calls arriving meanwhile.
    const parser = loadShellParser().catch(() => undefined);
    // Everything that can fail on a saved lab is checked before the running lab is touched.
    const saved = opts.state ? decodeLabState(opts.state) : undefined;
    const labText = saved ? saved.lab : opts.lab;
    const def = labText ? parseLabDefinition(labText) : undefined;
    const seed = saved?.seed ?? opts.seed ?? 1;
    const start = saved?.start ?? opts.start ?? DEFAULT_EPOCH;
    const restore = saved ? restoreFrom(saved) : undefined;
    let booted: BootedLab;
    try {
      // The same fresh boot again (a reset, the next test) finds the signatures of the first one remembered.
      booted = await bootWithSignatures(saved ? undefined : JSON.stringify([labText ?? '', seed, start]), () => bootLabAsync({ def, seed, start, restore }));
    } catch (e) {
      if (saved) throw new LabStateError(`the saved lab is damaged: ${(e as Error).message}`);
      throw e;
    }
    if (saved) booted.world.runtime.rand.setState(saved.rand);
    // Work scheduled by the cluster's components must never fail silently.
    booted.world.runtime.onError = (err, label) => this.o.onInternalError?.(err, label);
    this.editor.cancelAll();
    this.feed?.stop();
    this.feed = undefined;
    this.feedCluster = undefined;
    this.sessions.clear();
    this.origin = { lab: labText, seed, start };
    this.booted = booted;
    // With a human at the UI, vi/nano/kubectl edit open the editor pane; scripted runs have nobody to edit.
    if (this.o.mode === 'realtime') this.booted.world.editor = this.editor;
    if (this.o.mode === 'stepped') await parser;
    const sessions = saved ? await this.reopenSessions(saved.sessions) : [await this.openSession()];
    // kubectl's code is fetched while the learner reads the prompt, so the first command does not wait for it.
    // A stepped lab loads it now: time there runs as fast as it can while a command waits, and must not race a module load.
    const kubectl = loadKubectl().catch(() => undefined);
    // The OpenAPI schemas (for explain and real clients) are large: they load once the prompt is up.
    void loadOpenApiDefinitions();
    if (this.o.mode === 'stepped') await kubectl;
    return {
      version: VERSION,
      sessions,
      clusters: this.lab.def.clusters.map((c) => ({ name: c.name, context: c.context, version: `v${c.version}`, hosts: c.machines.map((m) => m.name) })),
      now: this.lab.world.runtime.now,
    };
  }

  async openSession(opts: SessionOptions = {}, id = `s${this.nextId++}`): Promise<SessionInfo> {
    const lab = this.lab;
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
    this.sessions.set(id, { id, shell, ...(opts.stepped ? { stepped: true } : {}) });
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

  /**
   * submit runs one typed line. With typeAhead (a script typed into the
   * terminal, as `kubelab shell --json` does), a command that reads the
   * terminal — a shell inside `kubectl exec -it`, `cat`, a prompt — gets the
   * script's next lines as typed input, echoed as a terminal echoes them, one
   * simulated second apart; the end of the script is Ctrl-D.
   */
  async submit(id: string, line: string, typeAhead?: () => string | undefined): Promise<SubmitResult> {
    const e = this.sessions.get(id);
    if (!e) throw new Error(`no such session: ${id}`);
    const runtime = this.lab.world.runtime;
    this.lastSession = id;
    const work = e.shell.submit(line);
    const stepped = this.o.mode === 'stepped' || e.stepped === true;
    const feed = typeAhead && {
      wantsInput: () => e.shell.wantsInput(),
      feed: () => {
        const next = typeAhead();
        if (next === undefined) {
          e.shell.endInput();
          return false;
        }
        this.o.emit({ type: 'output', session: id, stream: 'stdout', data: `${next}\n` });
        e.shell.input(`${next}\n`);
        runtime.advance(this.o.stepAfterCommandMs ?? 1000);
        return true;
      },
    };
    const r =
      stepped
        ? await runStepped(runtime, work, this.o.yieldToHost, this.o.maxCommandMs ?? MAX_COMMAND_MS, () => this.interruptAsTyped(id), feed)
        : await work;
    if (r.status === 'incomplete') return { kind: 'incomplete', prompt: e.shell.prompt() };
    if (stepped) runtime.advance(this.o.stepAfterCommandMs ?? 1000);
    if (this.feed) this.followCluster();
    const info = this.info(id);
    this.o.emit({ type: 'session', session: info });
    return { kind: 'done', exit: r.code, session: info };
  }

  async interrupt(id: string): Promise<void> {
    this.sessions.get(id)?.shell.interrupt();
  }

  /** interruptAsTyped is Ctrl-C with the terminal's echo (`^C`): a scripted command that would not end is stopped so. */
  interruptAsTyped(id: string): void {
    const e = this.sessions.get(id);
    if (!e) return;
    this.o.emit({ type: 'output', session: id, stream: 'stdout', data: '^C\n' });
    e.shell.interrupt();
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

  async adminRequest(req: AdminRequest): Promise<{ status: number; body: unknown }> {
    const clusters = this.lab.clusters;
    const c = req.context ? clusters.find((x) => x.spec.context === req.context || x.spec.name === req.context) : clusters[0];
    if (!c) return { status: 404, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: `no cluster for context ${req.context}`, reason: 'NotFound', code: 404 } };
    const headers = req.method === 'PATCH' ? { 'content-type': req.contentType ?? 'application/merge-patch+json' } : undefined;
    const r = c.admin.raw({ method: req.method, path: req.path, query: req.query, body: req.body, headers });
    this.lab.world.runtime.settle();
    return { status: r.status, body: r.body };
  }

  async ping(): Promise<number> {
    return this.booted?.world.runtime.now ?? 0;
  }

  /** advance moves simulated time on at once (exercise setup lets controllers react without waiting in wall time). */
  async advance(ms: number): Promise<void> {
    if (!this.booted || !(ms > 0)) return;
    this.booted.world.runtime.advance(Math.floor(ms));
    this.o.emit({ type: 'clock', now: this.booted.world.runtime.now, speed: this.speed });
  }

  async setSpeed(factor: number): Promise<void> {
    this.speed = Math.max(0, factor);
  }

  /** tick advances simulated time by wall-clock milliseconds (times the speed), in realtime mode. */
  tick(wallMs: number): void {
    if (!this.booted) return;
    // Simulated time moves in whole milliseconds (timestamps, event names and ages assume it); fractions carry over.
    const total = this.tickCarry + wallMs * this.speed;
    const whole = Math.floor(total);
    this.tickCarry = total - whole;
    if (whole > 0) this.booted.world.runtime.advance(whole);
  }
  private tickCarry = 0;

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
    this.followCluster();
  }

  /**
   * followCluster points the topology at the cluster the learner works on:
   * the one whose machine the last used terminal is on, else the cluster of
   * the student's kubeconfig context (several clusters: one per exam task).
   */
  private followCluster(): void {
    const c = this.workingCluster();
    if (!c || c === this.feedCluster) return;
    if (this.feed) this.o.emit({ type: 'cluster', diff: this.feed.retire() });
    this.feedCluster = c;
    this.feed = new ClusterFeed(c.admin, this.lab.world.runtime, (diff) => this.o.emit({ type: 'cluster', diff }), () => c.kv.revision);
    this.feed.start();
  }

  private workingCluster(): BootedLab['clusters'][number] | undefined {
    const clusters = this.lab.clusters;
    if (clusters.length < 2) return clusters[0];
    const e = this.lastSession ? this.sessions.get(this.lastSession) : undefined;
    const where = e?.shell.current();
    const onMachine = where && clusters.find((c) => c.spec.machines.some((m) => m.name === where.host));
    if (onMachine) return onMachine;
    // On the student's host: the context its kubeconfig names.
    try {
      const student = this.lab.def.student;
      const home = student.user === 'root' ? '/root' : `/home/${student.user}`;
      const conf = this.lab.world.mustHost(student.host).fs.readFile(`${home}/.kube/config`);
      const ctx = /^current-context: *"?([^"\n]+)"?$/m.exec(conf)?.[1];
      return clusters.find((c) => c.spec.context === ctx) ?? this.feedCluster ?? clusters[0];
    } catch {
      return this.feedCluster ?? clusters[0];
    }
  }

  /** inspect returns what the inspector shows: the object's YAML and its events. */
  async inspect(ref: { kind: string; namespace?: string; name: string }): Promise<Inspection> {
    return inspectObject(this.lab, ref, this.feedCluster ?? this.lab.clusters[0]);
  }

  /** saveState captures what survives a reload (see LabState): every disk, every etcd, the clock and the sessions. */
  async saveState(): Promise<Uint8Array> {
    const lab = this.lab;
    const runtime = lab.world.runtime;
    const etcd: Record<string, Uint8Array> = {};
    // A cluster whose etcd does not run (machines not yet initialised with kubeadm, etcd stopped) has no keyspace to save beyond its disks.
    for (const c of lab.clusters) if (typeof c.kv.snapshot === 'function') etcd[c.spec.name] = c.kv.snapshot();
    return encodeLabState({
      format: STATE_FORMAT,
      ...this.origin,
      now: runtime.now,
      rand: runtime.rand.state(),
      hosts: [...lab.world.hosts.values()].map((h) => h.snapshot()),
      etcd,
      sessions: [...this.sessions.values()].filter((e) => !e.shell.ended).map((e) => ({ id: e.id, ...e.shell.current() })),
    });
  }

  /** reopenSessions starts a shell for each saved session, on its machine, as its user, in its directory. */
  private async reopenSessions(saved: SavedSession[]): Promise<SessionInfo[]> {
    const out: SessionInfo[] = [];
    for (const s of saved) {
      const host = this.lab.world.host(s.host);
      if (!host?.user(s.user)) continue;
      const info = await this.openSession({ host: s.host, user: s.user }, s.id);
      const st = this.sessions.get(s.id)!.shell.state;
      if (isDirectory(host, s.cwd)) {
        st.cwd = s.cwd;
        st.set('PWD', s.cwd);
      }
      out.push({ ...info, cwd: st.cwd, prompt: this.sessions.get(s.id)!.shell.prompt() });
      const n = Number(s.id.slice(1));
      if (Number.isInteger(n) && n >= this.nextId) this.nextId = n + 1;
    }
    if (out.length === 0) out.push(await this.openSession());
    return out;
  }
}

/** restoreFrom checks a saved lab's etcd files and turns them into stores (a damaged one throws before anything changes). */
function restoreFrom(saved: LabState): RestoreFrom {
  const etcd: RestoreFrom['etcd'] = {};
  for (const [name, bytes] of Object.entries(saved.etcd)) {
    try {
      etcd[name] = restoreSnapshot(bytes);
    } catch (e) {
      throw new LabStateError(`the saved lab is damaged: the etcd data of cluster ${name} cannot be read (${(e as Error).message})`);
    }
  }
  return { hosts: saved.hosts, etcd, now: saved.now };
}

function isDirectory(host: Host, path: string): boolean {
  try {
    return host.fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}
