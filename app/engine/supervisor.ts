import type { EngineClient } from './client.ts';

/** WatchdogOptions tune how long a silent engine is given before it is declared dead. */
export interface WatchdogOptions {
  /** everyMs is how often the engine is pinged */
  everyMs: number;
  /** deadAfterMs is how long without any message from the engine, while a ping waits, means it died */
  deadAfterMs: number;
}

export const DEFAULT_WATCHDOG: WatchdogOptions = { everyMs: 2000, deadAfterMs: 10_000 };

/**
 * EngineSupervisor keeps the engine's Web Worker alive: it pings it, and
 * when the worker stops answering (a crash, running out of memory, an
 * endless loop) or fails, it terminates it, starts a new one on the same
 * client, and tells the page, which restores the lab from its last save.
 * A busy engine still answers between commands, so only silence counts.
 */
export class EngineSupervisor {
  private timer: ReturnType<typeof setInterval> | undefined;
  private pingSentAt: number | undefined;
  private restarting = false;
  /** onRestart runs after a new worker is up; the page restores the lab there. */
  onRestart: ((reason: string) => Promise<void>) | undefined;

  constructor(
    readonly client: EngineClient,
    private worker: { terminate(): void },
    private readonly spawnWorker: () => Worker,
    private readonly opts: WatchdogOptions = DEFAULT_WATCHDOG,
  ) {}

  /** start begins the heartbeat. */
  start(): void {
    this.timer ??= setInterval(() => this.beat(), this.opts.everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private beat(): void {
    if (this.restarting) return;
    const now = performance.now();
    if (this.pingSentAt !== undefined) {
      if (now - Math.max(this.pingSentAt, this.client.lastHeard) > this.opts.deadAfterMs) void this.restart('the engine stopped responding');
      return;
    }
    this.pingSentAt = now;
    this.client.ping().then(
      () => (this.pingSentAt = undefined),
      () => (this.pingSentAt = undefined),
    );
  }

  /** terminateWorker ends the worker abruptly, as a crash would (the watchdog then notices); for tests. */
  terminateWorker(): void {
    this.worker.terminate();
  }

  /** restart replaces the worker now (also used when the worker reports a fatal failure). */
  async restart(reason: string): Promise<void> {
    if (this.restarting) return;
    this.restarting = true;
    try {
      this.worker.terminate();
      const next = this.spawnWorker();
      this.worker = next;
      this.client.replacePort(next as unknown as Parameters<EngineClient['replacePort']>[0]);
      this.pingSentAt = undefined;
      await this.client.ready;
      await this.onRestart?.(reason);
    } finally {
      this.restarting = false;
    }
  }
}
