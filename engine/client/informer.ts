import type { Runtime, Timer } from '../base/runtime.ts';
import type { KObject } from '../api/types.ts';
import type { WatchStream } from '../api/transport.ts';
import type { ApiClient, ResourceRef } from './client.ts';

export interface InformerHandlers {
  add?(obj: KObject): void;
  update?(oldObj: KObject, newObj: KObject): void;
  delete?(obj: KObject): void;
}

export interface InformerOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

function keyOf(o: KObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : (o.metadata.name ?? '');
}

/**
 * Informer keeps a local copy of one resource through list-then-watch, the way
 * client-go's reflector does: it relists when the watch ends or expires, and
 * retries with back-off (in simulated time) while the apiserver is down.
 * Handlers run from the runtime's queue, never inside another component's write.
 */
export class Informer {
  private items = new Map<string, KObject>();
  private handlers: InformerHandlers[] = [];
  private stream: WatchStream | undefined;
  private retry: Timer | undefined;
  private backoff = 1000;
  private running = false;
  private generation = 0;
  /** synced is true once the first list has been loaded. */
  synced = false;

  constructor(
    private readonly client: ApiClient,
    readonly ref: ResourceRef,
    private readonly runtime: Runtime,
    private readonly opts: InformerOptions = {},
  ) {}

  on(h: InformerHandlers): this {
    this.handlers.push(h);
    return this;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.relist();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    this.stream?.stop();
    this.stream = undefined;
    this.retry?.cancel();
  }

  get(namespace: string | undefined, name: string): KObject | undefined {
    return this.items.get(namespace ? `${namespace}/${name}` : name);
  }

  list(namespace?: string): KObject[] {
    const out: KObject[] = [];
    for (const o of this.items.values()) if (!namespace || o.metadata.namespace === namespace) out.push(o);
    return out;
  }

  private relist(): void {
    if (!this.running) return;
    const gen = ++this.generation;
    let list;
    try {
      list = this.client.list(this.ref, this.opts.namespace, { labelSelector: this.opts.labelSelector, fieldSelector: this.opts.fieldSelector });
    } catch {
      this.scheduleRetry();
      return;
    }
    const seen = new Set<string>();
    for (const o of list.items) {
      const k = keyOf(o);
      seen.add(k);
      const prev = this.items.get(k);
      this.items.set(k, o);
      if (!prev) this.emit((h) => h.add?.(o));
      else if (prev.metadata.resourceVersion !== o.metadata.resourceVersion) this.emit((h) => h.update?.(prev, o));
    }
    for (const [k, o] of [...this.items]) {
      if (!seen.has(k)) {
        this.items.delete(k);
        this.emit((h) => h.delete?.(o));
      }
    }
    this.synced = true;
    this.backoff = 1000;
    try {
      this.stream = this.client.watch(
        this.ref,
        this.opts.namespace,
        { labelSelector: this.opts.labelSelector, fieldSelector: this.opts.fieldSelector, resourceVersion: list.metadata.resourceVersion },
        (e) => {
          if (gen !== this.generation) return;
          const o = e.object as KObject;
          if (e.type === 'ERROR') {
            this.stream?.stop();
            return;
          }
          if (e.type === 'BOOKMARK') return;
          const k = keyOf(o);
          const prev = this.items.get(k);
          if (e.type === 'DELETED') {
            this.items.delete(k);
            if (prev) this.fire((h) => h.delete?.(o));
          } else {
            this.items.set(k, o);
            if (prev) this.fire((h) => h.update?.(prev, o));
            else this.fire((h) => h.add?.(o));
          }
        },
        () => {
          if (gen !== this.generation || !this.running) return;
          this.stream = undefined;
          this.runtime.after(0, () => this.relist(), 'informer-relist');
        },
      );
    } catch {
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    this.retry?.cancel();
    this.retry = this.runtime.after(this.backoff, () => this.relist(), `informer-retry ${this.ref.plural}`);
    this.backoff = Math.min(this.backoff * 2, 10_000);
  }

  /** emit defers handlers (list results) to the queue; watch events are already deferred by the apiserver. */
  private emit(f: (h: InformerHandlers) => void): void {
    this.runtime.after(0, () => this.fire(f), `informer ${this.ref.plural}`);
  }

  private fire(f: (h: InformerHandlers) => void): void {
    for (const h of this.handlers) {
      try {
        f(h);
      } catch (err) {
        this.runtime.onError(err, `informer handler ${this.ref.plural}`);
      }
    }
  }
}
