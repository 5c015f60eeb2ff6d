import type { Runtime, Timer } from '../../base/runtime.ts';

/**
 * WorkQueue is client-go's rate-limited work queue on the simulated clock: a
 * key queued twice is synced once, failures retry with per-key exponential
 * back-off (5ms doubling up to 1000s, ItemExponentialFailureRateLimiter), and
 * work runs from the runtime's queue, never inside the caller.
 */
export class WorkQueue {
  private queue: string[] = [];
  private queued = new Set<string>();
  private failures = new Map<string, number>();
  private timers = new Set<Timer>();
  private scheduled: Timer | undefined;
  private stopped = false;

  constructor(
    private readonly runtime: Runtime,
    readonly name: string,
    private readonly sync: (key: string) => void,
  ) {}

  /** add queues key for a sync as soon as the current work ends. */
  add(key: string): void {
    if (this.stopped || this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.schedule();
  }

  /** addAfter queues key once ms of simulated time have passed. */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    const t = this.runtime.after(
      ms,
      () => {
        this.timers.delete(t);
        this.add(key);
      },
      `${this.name} requeue`,
    );
    this.timers.add(t);
  }

  /** addRateLimited requeues key after its back-off, which doubles with each failure. */
  addRateLimited(key: string): void {
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    this.addAfter(key, Math.min(5 * 2 ** (n - 1), 1_000_000));
  }

  /** forget clears key's failure count once it synced cleanly. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  stop(): void {
    this.stopped = true;
    this.scheduled?.cancel();
    for (const t of this.timers) t.cancel();
    this.timers.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = this.runtime.after(0, () => this.drain(), this.name);
  }

  private drain(): void {
    this.scheduled = undefined;
    const batch = this.queue;
    this.queue = [];
    for (const key of batch) {
      if (this.stopped) return;
      this.queued.delete(key);
      try {
        this.sync(key);
        this.forget(key);
      } catch (err) {
        this.runtime.onError(err, `${this.name} sync ${key}`);
        this.addRateLimited(key);
      }
    }
  }
}

/** keyOf is cache.MetaNamespaceKeyFunc: "namespace/name", or "name" for cluster-scoped objects. */
export function keyOf(o: { metadata: { namespace?: string; name?: string } }): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : (o.metadata.name ?? '');
}

/** splitKey undoes keyOf. */
export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
