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

/** IndexFunc gives the index values an object is filed under (client-go's cache.IndexFunc). */
export type IndexFunc = (o: KObject) => string[];

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
  /** order numbers each key when it enters items, so index lookups answer in list() order */
  private order = new Map<string, number>();
  private nextOrder = 0;
  private indexes = new Map<string, { fn: IndexFunc; buckets: Map<string, Bucket> }>();
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

  /**
   * addIndex files every object under the values fn gives (client-go's
   * AddIndexers), so byIndex answers without scanning the cache; adding an
   * index that exists already is a no-op (informers are shared).
   */
  addIndex(name: string, fn: IndexFunc): void {
    if (this.indexes.has(name)) return;
    const index = { fn, buckets: new Map<string, Bucket>() };
    this.indexes.set(name, index);
    for (const [k, o] of this.items) for (const v of fn(o)) file(index.buckets, v, k, this.order.get(k)!);
  }

  /** byIndex lists the objects filed under any of values in the named index, in list() order. */
  byIndex(name: string, ...values: string[]): KObject[] {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`informer ${this.ref.plural}: no index ${name}`);
    const keys: string[] = [];
    let filled = 0;
    let inOrder = true;
    for (const v of values) {
      const b = index.buckets.get(v);
      if (!b) continue;
      filled++;
      inOrder &&= b.inOrder;
      for (const k of b.keys) keys.push(k);
    }
    // One bucket filed in list order needs no sort (a controller's pods, created after it).
    if (filled > 1 || !inOrder) keys.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    const out: KObject[] = [];
    let last: string | undefined;
    for (const k of keys) {
      if (k === last) continue;
      last = k;
      out.push(this.items.get(k)!);
    }
    return out;
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
      this.put(k, o, prev);
      if (!prev) this.emit((h) => h.add?.(o));
      else if (prev.metadata.resourceVersion !== o.metadata.resourceVersion) this.emit((h) => h.update?.(prev, o));
    }
    for (const [k, o] of [...this.items]) {
      if (!seen.has(k)) {
        this.remove(k, o);
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
            if (prev) this.remove(k, prev);
            if (prev) this.fire((h) => h.delete?.(o));
          } else {
            this.put(k, o, prev);
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

  /** put stores o under k and refiles it in every index. */
  private put(k: string, o: KObject, prev: KObject | undefined): void {
    if (!prev) this.order.set(k, this.nextOrder++);
    this.items.set(k, o);
    for (const index of this.indexes.values()) {
      const before = prev ? index.fn(prev) : [];
      const after = index.fn(o);
      for (const v of before) if (!after.includes(v)) unfile(index.buckets, v, k);
      for (const v of after) file(index.buckets, v, k, this.order.get(k)!);
    }
  }

  /** remove drops k (whose stored object is o) from the cache and its indexes. */
  private remove(k: string, o: KObject): void {
    this.items.delete(k);
    this.order.delete(k);
    for (const index of this.indexes.values()) for (const v of index.fn(o)) unfile(index.buckets, v, k);
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

/** Bucket holds the keys filed under one index value; inOrder while they were added in list order. */
interface Bucket {
  keys: Set<string>;
  last: number;
  inOrder: boolean;
}

function file(buckets: Map<string, Bucket>, v: string, k: string, order: number): void {
  let b = buckets.get(v);
  if (!b) buckets.set(v, (b = { keys: new Set(), last: -1, inOrder: true }));
  if (b.keys.has(k)) return;
  if (order < b.last) b.inOrder = false;
  else b.last = order;
  b.keys.add(k);
}

function unfile(buckets: Map<string, Bucket>, v: string, k: string): void {
  const b = buckets.get(v);
  if (!b) return;
  b.keys.delete(k);
  if (b.keys.size === 0) buckets.delete(v);
}
