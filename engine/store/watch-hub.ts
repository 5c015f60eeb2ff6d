import { inRange, type KeyRange } from './keys.ts';
import type { LogItem } from './revlog.ts';
import type { KeyValue, ResponseHeader, Watch, WatchEvent, WatchResponse } from './types.ts';

/** WatchCallback receives one revision's events. */
export type WatchCallback = (r: WatchResponse, w: Watch) => void;

interface Watcher {
  readonly handle: Watch;
  readonly range: KeyRange;
  readonly prevKv: boolean;
  readonly onResponse: WatchCallback;
  /** nextRev is the lowest revision this watcher has not been offered yet. */
  nextRev: number;
  cancelled: boolean;
}

/** HubDeps is what the hub needs from the store. */
export interface HubDeps {
  header(rev: number): ResponseHeader;
  /** prevKv returns key's kv as of rev, or undefined (also when rev is compacted). */
  prevKv(key: string, rev: number): KeyValue | undefined;
  onCallbackError(err: unknown): void;
}

/**
 * WatchHub delivers committed revisions to watchers, synchronously and in
 * revision order. A callback may write to the store: the new revision is
 * queued and delivered once the current one has reached every watcher, so no
 * watcher ever sees revisions out of order. Each watcher remembers the next
 * revision it expects, which also keeps replayed history and queued live
 * revisions from overlapping. A throwing callback is reported and skipped.
 */
export class WatchHub {
  /** watchers is replaced, never edited, so a delivery loop keeps a stable list. */
  private watchers: readonly Watcher[] = [];
  private queue: LogItem[] = [];
  private draining = false;
  private seq = 0;

  constructor(private readonly deps: HubDeps) {}

  /** count is the number of active watchers. */
  get count(): number {
    return this.watchers.length;
  }

  /**
   * add registers a watcher that first receives `replay` (history, in order)
   * and then every revision from nextRev on.
   */
  add(range: KeyRange, prevKv: boolean, nextRev: number, onResponse: WatchCallback, replay: LogItem[]): Watch {
    const id = ++this.seq;
    const handle: Watch = { id, cancel: () => this.cancel(w) };
    const w: Watcher = { handle, range, prevKv, onResponse, nextRev: replay[0]?.rev ?? nextRev, cancelled: false };
    this.watchers = [...this.watchers, w];
    const outer = this.draining;
    this.draining = true;
    try {
      for (const item of replay) {
        if (w.cancelled) break;
        this.deliver(w, item);
      }
      if (w.nextRev < nextRev) w.nextRev = nextRev;
    } finally {
      this.draining = outer;
    }
    if (!outer) this.drain();
    return handle;
  }

  /** cancelled returns a handle for a watch that was refused (compacted start revision). */
  refused(): Watch {
    return { id: ++this.seq, cancel: () => {} };
  }

  /** publish delivers a committed revision to every watcher (after any revisions still queued). */
  publish(item: LogItem): void {
    this.queue.push(item);
    if (!this.draining) this.drain();
  }

  private drain(): void {
    this.draining = true;
    try {
      for (let item = this.queue.shift(); item !== undefined; item = this.queue.shift()) {
        for (const w of this.watchers) this.deliver(w, item);
      }
    } finally {
      this.draining = false;
    }
  }

  private deliver(w: Watcher, item: LogItem): void {
    if (w.cancelled || item.rev < w.nextRev) return;
    w.nextRev = item.rev + 1;
    let events: WatchEvent[] | undefined;
    for (const e of item.changes) {
      if (!inRange(w.range, e.kv.key)) continue;
      const ev: WatchEvent = { type: e.tomb ? 'DELETE' : 'PUT', kv: e.kv };
      // etcd looks the previous value up at rev-1 when sending, and never for a creation.
      if (w.prevKv && (e.tomb || e.kv.createRevision !== e.kv.modRevision)) {
        const prev = this.deps.prevKv(e.kv.key, item.rev - 1);
        if (prev !== undefined) ev.prevKv = prev;
      }
      (events ??= []).push(ev);
    }
    if (events === undefined) return;
    try {
      w.onResponse({ header: this.deps.header(item.rev), events, watchId: w.handle.id }, w.handle);
    } catch (err) {
      this.deps.onCallbackError(err);
    }
  }

  private cancel(w: Watcher): void {
    if (w.cancelled) return;
    w.cancelled = true;
    this.watchers = this.watchers.filter((x) => x !== w);
  }
}
