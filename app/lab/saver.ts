import type { LabStore } from '../persistence/db.ts';
import type { UiSnapshot } from '../persistence/snapshot.ts';

/**
 * Saver writes the lab to IndexedDB: shortly after each change (a command
 * finished, a file saved, a tab opened), never two saves at once, and not
 * while the lab is being replaced (reset, import, rewind).
 */
export class Saver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private paused = 0;
  private stopped = false;
  private quotaReported = false;
  /** engineState reads the engine's state; set by the page once the engine is up. */
  engineState: (() => Promise<Uint8Array>) | undefined;
  /** onError hears a failed save. */
  onError: ((err: unknown) => void) | undefined;
  /** onQuotaExceeded hears, once until a save succeeds again, that the browser's storage is full. */
  onQuotaExceeded: (() => void) | undefined;

  constructor(
    private readonly ui: () => UiSnapshot,
    private readonly store: LabStore,
  ) {}

  /** schedule saves soon, coalescing bursts of changes. */
  schedule(delayMs = 400): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, delayMs);
  }

  /** saveNow saves at once (after any save in progress); `state` reuses an engine state already read. */
  async saveNow(state?: Uint8Array): Promise<void> {
    if (this.paused > 0 || this.stopped) return;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.write(state).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.saveNow();
      }
    });
    return this.running;
  }

  private async write(state?: Uint8Array): Promise<void> {
    if (!this.engineState) return;
    try {
      const engine = state ?? (await this.engineState());
      await this.store.save({ savedAt: Date.now(), engine, ui: this.ui() });
    } catch (err) {
      // A full disk aborts the write's transaction: the last save stays whole. Say so once, not after every command.
      if (isQuotaError(err)) {
        if (!this.quotaReported) this.onQuotaExceeded?.();
        this.quotaReported = true;
        return;
      }
      this.onError?.(err);
    }
    this.quotaReported = false;
  }

  /** stop ends saving for good: another tab owns the lab now. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** pause runs fn with saving off, then saves the result. */
  async pause(fn: () => Promise<void>): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    this.paused++;
    try {
      await fn();
    } finally {
      this.paused--;
    }
    await this.saveNow();
  }
}

/** isQuotaError tells the browser's "storage is full" from other failures (IndexedDB reports it as QuotaExceededError). */
export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  const inner = (err as { inner?: { name?: string }; cause?: { name?: string } } | null);
  return name === 'QuotaExceededError' || inner?.inner?.name === 'QuotaExceededError' || inner?.cause?.name === 'QuotaExceededError';
}
