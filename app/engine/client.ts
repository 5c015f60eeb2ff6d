import type { AdminRequest, BootInfo, BootOptions, Completion, EngineApi, EngineEvent, Inspection, SessionInfo, SessionOptions, SubmitResult } from '../../engine/protocol/api.ts';
import type { CallMessage, FromWorker, Method, SerializedError } from '../../engine/worker/messages.ts';
import { EngineError, isUnsupported } from './errors.ts';

/** WorkerPort is the part of a Worker the client uses (a fake in tests). */
export interface WorkerPort {
  postMessage(msg: CallMessage, transfer: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<FromWorker[]>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
}

/** EventListener receives every engine event. */
export type EventListener = (e: EngineEvent) => void;

type Result<M extends Method> = Awaited<ReturnType<NonNullable<EngineApi[M]>>>;
type Args<M extends Method> = Parameters<NonNullable<EngineApi[M]>>;

/**
 * EngineClient is EngineApi on the main thread: each call becomes a message
 * with an id and resolves with the worker's reply. Engine events are handed
 * to every listener in the order the engine emitted them. It is the only
 * code of the UI that knows the engine lives behind postMessage.
 */
export class EngineClient implements EngineApi {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private listeners = new Set<EventListener>();
  private fatalListeners = new Set<(e: SerializedError) => void>();
  private readyResolve!: () => void;
  /** ready settles when the worker has loaded and answers calls. */
  ready: Promise<void>;
  /** lastHeard is when the worker last sent anything (performance.now()), for the watchdog. */
  lastHeard = 0;

  constructor(private port: WorkerPort) {
    this.ready = new Promise((resolve) => (this.readyResolve = resolve));
    this.attach(port);
  }

  private attach(port: WorkerPort): void {
    port.addEventListener('message', (e) => {
      if (port === this.port) this.receive(e.data);
    });
    port.addEventListener('error', (e) => {
      if (port === this.port) this.failAll({ name: 'WorkerError', message: e.message || 'the engine worker failed to load' });
    });
  }

  /**
   * replacePort moves the client to a new worker (the old one died): calls
   * still waiting on the old one fail, and `ready` waits for the new one.
   */
  replacePort(port: WorkerPort): void {
    this.port = port;
    const lost = [...this.pending.values()];
    this.pending.clear();
    for (const p of lost) p.reject(new EngineError({ name: 'EngineRestarted', message: 'the engine stopped and was restarted' }));
    this.ready = new Promise((resolve) => (this.readyResolve = resolve));
    this.attach(port);
  }

  /** on subscribes to engine events; the returned function unsubscribes. */
  on(fn: EventListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** onFatal subscribes to errors no call owns (shown as a notice). */
  onFatal(fn: (e: SerializedError) => void): () => void {
    this.fatalListeners.add(fn);
    return () => this.fatalListeners.delete(fn);
  }

  /** call sends one EngineApi call and resolves with its reply. */
  call<M extends Method>(method: M, ...args: Args<M>): Promise<Result<M>> {
    const id = this.nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const msg = { kind: 'call', id, method, args } as unknown as CallMessage;
      try {
        this.port.postMessage(msg, []);
      } catch (err) {
        this.pending.delete(id);
        reject(err);
      }
    });
  }

  private receive(batch: FromWorker[] | FromWorker): void {
    this.lastHeard = performance.now();
    const msgs = Array.isArray(batch) ? batch : [batch];
    for (const m of msgs) {
      if (m.kind === 'ready') this.readyResolve();
      else if (m.kind === 'event') for (const fn of this.listeners) fn(m.event);
      else if (m.kind === 'fatal') for (const fn of this.fatalListeners) fn(m.error);
      else if (m.kind === 'reply') {
        const p = this.pending.get(m.id);
        if (!p) continue;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new EngineError(m.error));
      }
    }
  }

  private failAll(e: SerializedError): void {
    for (const fn of this.fatalListeners) fn(e);
    for (const [, p] of this.pending) p.reject(new EngineError(e));
    this.pending.clear();
  }

  boot(opts: BootOptions): Promise<BootInfo> {
    return this.call('boot', opts);
  }
  openSession(opts?: SessionOptions): Promise<SessionInfo> {
    return this.call('openSession', opts);
  }
  closeSession(session: string): Promise<void> {
    return this.call('closeSession', session);
  }
  submit(session: string, line: string): Promise<SubmitResult> {
    return this.call('submit', session, line);
  }
  interrupt(session: string): Promise<void> {
    return this.call('interrupt', session);
  }
  stdin(session: string, data: string): Promise<void> {
    return this.call('stdin', session, data);
  }
  complete(session: string, line: string, cursor: number): Promise<Completion> {
    return this.call('complete', session, line, cursor);
  }
  finishEdit(requestId: string, content: string | null): Promise<void> {
    return this.call('finishEdit', requestId, content);
  }
  readFile(host: string, path: string): Promise<string> {
    return this.call('readFile', host, path);
  }
  writeFile(host: string, path: string, content: string): Promise<void> {
    return this.call('writeFile', host, path, content);
  }
  watchCluster(): Promise<void> {
    return this.call('watchCluster');
  }
  inspect(ref: { kind: string; namespace?: string; name: string }): Promise<Inspection> {
    return this.call('inspect', ref);
  }
  setSpeed(factor: number): Promise<void> {
    return this.call('setSpeed', factor);
  }
  saveState(): Promise<Uint8Array> {
    return this.call('saveState');
  }
  /** resize is optional in the engine: an engine without it keeps 80x24, silently. */
  async resize(session: string, columns: number, rows: number): Promise<void> {
    await this.call('resize', session, columns, rows).catch((err: unknown) => {
      if (!isUnsupported(err)) throw err;
    });
  }
  /** adminRequest is the grader's API access (the cluster administrator, outside the candidate's reach). */
  adminRequest(req: AdminRequest): Promise<{ status: number; body: unknown }> {
    return this.call('adminRequest', req);
  }
  /** advance moves simulated time on at once (exercise setup). */
  advance(ms: number): Promise<void> {
    return this.call('advance', ms);
  }
  /** ping answers with the engine's simulated time; the watchdog's heartbeat. */
  ping(): Promise<number> {
    return this.call('ping');
  }
  /** endInput is optional in the engine: without it Ctrl-D during a command does nothing. */
  async endInput(session: string): Promise<void> {
    await this.call('endInput', session).catch((err: unknown) => {
      if (!isUnsupported(err)) throw err;
    });
  }
}
