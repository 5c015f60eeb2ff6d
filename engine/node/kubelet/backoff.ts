/**
 * Backoff is the kubelet's per-key exponential back-off (flowcontrol.Backoff):
 * the first failure waits initial, each next one doubles up to max; a key
 * untouched for 2×max is forgotten.
 */
export class Backoff {
  private entries = new Map<string, { delay: number; lastUpdate: number }>();

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {}

  /** next records a failure at now and returns the delay before the next try. */
  next(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.maxMs) {
      this.entries.set(key, { delay: this.initialMs, lastUpdate: now });
      return this.initialMs;
    }
    e.delay = Math.min(e.delay * 2, this.maxMs);
    e.lastUpdate = now;
    return e.delay;
  }

  /** inBackOff tells whether key is still waiting at now (since the last failure at `since`). */
  inBackOff(key: string, since: number, now: number): boolean {
    const e = this.entries.get(key);
    return !!e && now - since < e.delay;
  }

  /** delay is the current delay for key (0 when none). */
  delay(key: string): number {
    return this.entries.get(key)?.delay ?? 0;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}
