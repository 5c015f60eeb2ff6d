import type { BootOptions, EngineApi, EngineEvent } from '../protocol/api.ts';
import type { CallMessage, FromWorker } from './messages.ts';
import { isMethod } from './methods.ts';
import { Outbox } from './outbox.ts';
import { serializeError, transferables } from './serialize.ts';

/** LabInstance is what createLab returns: the EngineApi plus the wall-clock driver. */
export type LabInstance = EngineApi & { tick(wallMs: number): void };

/** LabFactory builds a lab that reports through emit (engine/lab's createLab). */
export type LabFactory = (opts: { emit: (e: EngineEvent) => void; yieldToHost: () => Promise<void> }) => LabInstance;

/**
 * EngineServer serves EngineApi calls arriving as messages. It is the whole
 * worker minus the worker globals, so it can be driven from a test.
 *
 * Every boot() builds a fresh lab: "Reset lab", import and rewind boot again,
 * and nothing of the previous lab (its sessions, its timers, its late events)
 * may leak into the new one. Events of a replaced lab are dropped.
 */
export class EngineServer {
  private lab: LabInstance;
  private generation = 0;
  private booted = false;
  private readonly outbox: Outbox;
  /**
   * boots runs boots one after the other; calls arriving while one runs wait
   * for it. A boot is not one synchronous run: it awaits native crypto
   * (engine/pki/kubeadm-pki-ahead.ts), and a call served meanwhile would meet
   * a half-built lab.
   */
  private boots: Promise<void> = Promise.resolve();
  private bootsPending = 0;

  constructor(
    private readonly factory: LabFactory,
    post: (msgs: FromWorker[], transfer: Transferable[]) => void,
    private readonly yieldToHost: () => Promise<void>,
  ) {
    this.outbox = new Outbox(post);
    this.lab = this.build();
  }

  private build(): LabInstance {
    const gen = ++this.generation;
    return this.factory({
      emit: (e) => {
        if (gen === this.generation) this.outbox.event(e);
      },
      yieldToHost: this.yieldToHost,
    });
  }

  /** ready tells the main thread the worker accepts calls. */
  ready(): void {
    this.outbox.send({ kind: 'ready' });
  }

  /** tick advances the current lab's simulated time by wallMs of real time. */
  tick(wallMs: number): void {
    try {
      this.lab.tick(wallMs);
    } catch (err) {
      this.outbox.send({ kind: 'fatal', error: serializeError(err) });
    }
  }

  /** fatal reports an error no call owns (an unhandled rejection inside the engine). */
  fatal(err: unknown): void {
    this.outbox.send({ kind: 'fatal', error: serializeError(err) });
  }

  /** handle runs one call and queues its reply; it never throws. */
  async handle(msg: CallMessage): Promise<void> {
    const id = typeof msg?.id === 'number' ? msg.id : -1;
    if (msg?.kind !== 'call' || !isMethod(msg.method) || !Array.isArray(msg.args)) {
      this.outbox.send({ kind: 'reply', id, ok: false, error: { name: 'TypeError', message: `unknown call ${String(msg?.method)}` } });
      return;
    }
    if (msg.method === 'boot') {
      this.bootsPending++;
      const run = this.boots.then(() => this.serve(id, msg));
      this.boots = run.finally(() => this.bootsPending--);
      return run;
    }
    // Only the boots that arrived before this call are waited for: it runs on the lab it was sent to.
    if (this.bootsPending > 0) await this.boots;
    return this.serve(id, msg);
  }

  /** serve runs one checked call and queues its reply; it never throws. */
  private async serve(id: number, msg: CallMessage): Promise<void> {
    try {
      if (msg.method === 'boot') {
        if (this.booted) this.lab = this.build();
        this.booted = true;
      }
      const fn = (this.lab as unknown as Record<string, unknown>)[msg.method];
      if (typeof fn !== 'function') throw Object.assign(new Error(`${msg.method} is not supported by this engine`), { code: 'Unsupported' });
      const args = msg.method === 'boot' ? [normaliseBoot(msg.args[0] as BootOptions | undefined)] : msg.args;
      const value: unknown = await (fn as (...a: unknown[]) => unknown).apply(this.lab, args);
      this.outbox.send({ kind: 'reply', id, ok: true, value }, transferables(value));
    } catch (err) {
      this.outbox.send({ kind: 'reply', id, ok: false, error: serializeError(err) });
    }
  }
}

/** normaliseBoot accepts a state sent as an ArrayBuffer too (what IndexedDB hands back in some browsers). */
function normaliseBoot(opts: BootOptions | undefined): BootOptions {
  const o = { ...(opts ?? {}) };
  const st = o.state as unknown;
  if (st instanceof ArrayBuffer) o.state = new Uint8Array(st);
  return o;
}
