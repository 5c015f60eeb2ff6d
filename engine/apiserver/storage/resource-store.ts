import { deepFreeze } from '../../base/deep.ts';
import type { Runtime } from '../../base/runtime.ts';
import type { KObject, ResourceDef } from '../../api/types.ts';
import type { KV, WatchResponse } from '../../store/types.ts';
import { SortedKeys } from './sorted-keys.ts';
import { apiVersionOf } from '../../api/types.ts';
import { rememberDecoded, typeNameOf } from '../../api/schema/decode.ts';

/** A change to one object, as the watch cache records it. */
export interface CacheEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  revision: number;
  object: KObject;
  prev?: KObject;
}

/** CacheWatcher receives the cache's events (synchronously; the watch layer defers delivery). */
export type CacheListener = (e: CacheEvent) => void;

/**
 * CacheTrigger is the cacher's trigger: a listener that only wants objects
 * whose indexed field has this value (a kubelet's spec.nodeName=node01) is
 * not called for events where neither the old nor the new object has it.
 */
export interface CacheTrigger {
  field: string;
  value: string;
}

const HISTORY = 2000;

/**
 * ResourceStore is the apiserver's view of one resource: a decoded, frozen
 * copy of every object under the resource's etcd prefix (the watch cache),
 * kept current by an etcd watch, plus a window of recent events so watches can
 * resume from a recent resourceVersion. Writes go to etcd; the cache learns of
 * them from etcd's watch like any other change, so `etcdctl put` and restores
 * behave as on a real cluster.
 */
export class ResourceStore {
  private objs = new Map<string, KObject>();
  private keys = new SortedKeys();
  private history: CacheEvent[] = [];
  /** historyStart is where the window begins in history: trimmed events are cut off in batches, not one array shift per event. */
  private historyStart = 0;
  /** listeners in subscription order (the order watchers see an event), each with its trigger if any and its place in that order */
  private listeners = new Map<CacheListener, Subscription>();
  private subscriptions = 0;
  /** untriggered are the listeners that want every event, in subscription order */
  private untriggered = new Set<CacheListener>();
  /** triggered files the other listeners by field, then by the value they want (a kubelet's node name) */
  private triggered = new Map<string, Map<string, Set<CacheListener>>>();
  private closers = new Set<() => void>();
  /** labelIndex maps "key=value" to the etcd keys of objects carrying that label (equality selectors). */
  private labelIndex = new Map<string, Set<string>>();
  /** fieldIndex maps "field=value" (for INDEXED_FIELDS) to the etcd keys of matching objects. */
  private fieldIndex = new Map<string, Set<string>>();
  private cancelWatch: (() => void) | undefined;
  /** pending carries objects this apiserver just wrote, so its own writes are not parsed back from JSON. */
  private pending = new Map<string, KObject>();
  /** lists holds list()'s answers by key prefix until the next change (any change clears them all). */
  private lists = new Map<string, readonly KObject[]>();
  revision = 0;
  /** typeName is the wire type of the stored version, when the kind has one. */
  private readonly typeName: string | undefined;
  /** trimmedAt: events up to this revision have left the event window (no longer kept). */
  private trimmedAt = 0;

  constructor(
    readonly def: ResourceDef,
    private readonly kv: KV,
    private readonly runtime: Runtime,
  ) {
    this.typeName = typeNameOf(apiVersionOf(def), def.kind);
    const prefix = this.prefix();
    const res = kv.range(prefix, { prefix: true });
    for (const kv1 of res.kvs) {
      const obj = this.decode(kv1.value, kv1.modRevision);
      if (obj) {
        this.objs.set(kv1.key, obj);
        this.keys.insert(kv1.key);
        this.index(kv1.key, undefined, obj);
      }
    }
    this.revision = res.header.revision;
    this.trimmedAt = res.header.revision;
    // No prevKv: the previous object is the cache's own, so etcd need not look up previous values on every write.
    const w = kv.watch(prefix, { prefix: true, startRevision: res.header.revision + 1 }, (r) => this.onWatch(r));
    this.cancelWatch = () => w.cancel();
  }

  /** prefix is the etcd key prefix of this resource, with a trailing slash. */
  prefix(): string {
    return `${this.def.storagePrefix}/`;
  }

  /** keyFor is the etcd key of one object. */
  keyFor(namespace: string | undefined, name: string): string {
    return this.def.namespaced ? `${this.def.storagePrefix}/${namespace}/${name}` : `${this.def.storagePrefix}/${name}`;
  }

  get(namespace: string | undefined, name: string): KObject | undefined {
    return this.objs.get(this.keyFor(namespace, name));
  }

  /**
   * list returns objects in key order (namespace, then name), optionally
   * within one namespace. The array is frozen and shared until the next
   * change under this prefix: listing an unchanged resource again costs nothing.
   */
  list(namespace?: string): readonly KObject[] {
    const p = namespace && this.def.namespaced ? `${this.def.storagePrefix}/${namespace}/` : this.prefix();
    let out = this.lists.get(p);
    if (!out) {
      const keys = this.keys.range(p);
      const objs = new Array<KObject>(keys.length);
      for (let i = 0; i < keys.length; i++) objs[i] = this.objs.get(keys[i]!)!;
      out = Object.freeze(objs);
      this.lists.set(p, out);
    }
    return out;
  }

  /**
   * withLabel returns the objects carrying label key=value, in key order,
   * optionally within one namespace: an index lookup, so an equality selector
   * over thousands of objects costs what it matches.
   */
  withLabel(namespace: string | undefined, key: string, value: string): KObject[] {
    const keys = this.labelIndex.get(`${key}=${value}`);
    if (!keys) return [];
    const p = namespace && this.def.namespaced ? `${this.def.storagePrefix}/${namespace}/` : this.prefix();
    const out: string[] = [];
    for (const k of keys) if (k.startsWith(p)) out.push(k);
    out.sort();
    return out.map((k) => this.objs.get(k)!);
  }

  /** withField returns the objects whose indexed field (spec.nodeName of pods) equals value, in key order. */
  withField(namespace: string | undefined, field: string, value: string): KObject[] {
    const keys = this.fieldIndex.get(`${field}=${value}`);
    if (!keys) return [];
    const p = namespace && this.def.namespaced ? `${this.def.storagePrefix}/${namespace}/` : this.prefix();
    const out: string[] = [];
    for (const k of keys) if (k.startsWith(p)) out.push(k);
    out.sort();
    return out.map((k) => this.objs.get(k)!);
  }

  /** triggerFor picks, of a watch's field selector, an equality on an indexed field to filter events by. */
  triggerFor(fields: readonly { field: string; op: string; value: string }[]): CacheTrigger | undefined {
    const indexed = this.indexedFields();
    const f = fields.find((r) => r.op === '=' && indexed.includes(r.field));
    return f ? { field: f.field, value: f.value } : undefined;
  }

  /** indexedFields are the fields of this resource that have an index. */
  indexedFields(): readonly string[] {
    return INDEXED_FIELDS[this.def.plural] ?? [];
  }

  private index(key: string, prev: KObject | undefined, next: KObject | undefined): void {
    for (const field of this.indexedFields()) {
      const before = prev ? fieldValue(prev, field) : undefined;
      const after = next ? fieldValue(next, field) : undefined;
      if (before === after) continue;
      if (before !== undefined) {
        const set = this.fieldIndex.get(`${field}=${before}`);
        set?.delete(key);
        if (set && set.size === 0) this.fieldIndex.delete(`${field}=${before}`);
      }
      if (after !== undefined) {
        let set = this.fieldIndex.get(`${field}=${after}`);
        if (!set) this.fieldIndex.set(`${field}=${after}`, (set = new Set()));
        set.add(key);
      }
    }
    const before = prev?.metadata.labels;
    const after = next?.metadata.labels;
    if (before === after) return;
    for (const [k, v] of Object.entries(before ?? {})) {
      if (after && after[k] === v) continue;
      const set = this.labelIndex.get(`${k}=${v}`);
      set?.delete(key);
      if (set && set.size === 0) this.labelIndex.delete(`${k}=${v}`);
    }
    for (const [k, v] of Object.entries(after ?? {})) {
      if (before && before[k] === v) continue;
      const id = `${k}=${v}`;
      let set = this.labelIndex.get(id);
      if (!set) this.labelIndex.set(id, (set = new Set()));
      set.add(key);
    }
  }

  /**
   * listKeyedAt returns the [key, object] pairs under prefix from fromKey on,
   * in key order, as they were at revision rv (paged lists read every page at
   * the first one's revision). The cache answers when nothing of this resource
   * changed since rv; otherwise etcd is read at rv, which throws its compacted
   * error once rv is gone.
   */
  listKeyedAt(prefix: string, rv: number, fromKey?: string): [string, KObject][] {
    const unchanged = rv >= this.revision || this.since(rv)?.length === 0;
    if (unchanged) {
      const keys = this.keys.range(prefix);
      let i = 0;
      if (fromKey) while (i < keys.length && keys[i]! < fromKey) i++;
      const out: [string, KObject][] = [];
      for (; i < keys.length; i++) out.push([keys[i]!, this.objs.get(keys[i]!)!]);
      return out;
    }
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    const res = this.kv.range(fromKey ?? prefix, { rangeEnd: end, revision: rv });
    const out: [string, KObject][] = [];
    for (const kv1 of res.kvs) {
      const obj = this.decode(kv1.value, kv1.modRevision);
      if (obj) out.push([kv1.key, obj]);
    }
    return out;
  }

  count(): number {
    return this.objs.size;
  }

  /** since returns the events after revision rv, or undefined when rv is older than the window (410 Gone). */
  since(rv: number): CacheEvent[] | undefined {
    if (rv < this.oldestResumable()) return undefined;
    const out: CacheEvent[] = [];
    for (let i = this.historyStart; i < this.history.length; i++) if (this.history[i]!.revision > rv) out.push(this.history[i]!);
    return out;
  }

  /** oldestResumable is the oldest resourceVersion a watch may start from. */
  oldestResumable(): number {
    return this.trimmedAt;
  }

  /** subscribe adds a listener; onClose runs if the cache is closed (apiserver stopped or reconnected to another etcd). */
  subscribe(l: CacheListener, onClose?: () => void, trigger?: CacheTrigger): () => void {
    this.unfile(l);
    this.listeners.set(l, { trigger, seq: ++this.subscriptions });
    if (!trigger) this.untriggered.add(l);
    else {
      let byValue = this.triggered.get(trigger.field);
      if (!byValue) this.triggered.set(trigger.field, (byValue = new Map()));
      let set = byValue.get(trigger.value);
      if (!set) byValue.set(trigger.value, (set = new Set()));
      set.add(l);
    }
    if (onClose) this.closers.add(onClose);
    return () => {
      this.unfile(l);
      if (onClose) this.closers.delete(onClose);
    };
  }

  /** unfile forgets a listener wherever it is filed. */
  private unfile(l: CacheListener): void {
    const sub = this.listeners.get(l);
    if (!sub) return;
    this.listeners.delete(l);
    this.untriggered.delete(l);
    if (sub.trigger) {
      const byValue = this.triggered.get(sub.trigger.field);
      const set = byValue?.get(sub.trigger.value);
      set?.delete(l);
      if (set && set.size === 0) byValue!.delete(sub.trigger.value);
      if (byValue && byValue.size === 0) this.triggered.delete(sub.trigger.field);
    }
  }

  /** expect hands the cache the object about to be written under key, sparing a JSON parse. */
  expect(key: string, obj: KObject): void {
    this.pending.set(key, obj);
  }

  close(): void {
    this.cancelWatch?.();
    this.listeners.clear();
    this.untriggered.clear();
    this.triggered.clear();
    const closers = [...this.closers];
    this.closers.clear();
    for (const c of closers) c();
  }

  private onWatch(r: WatchResponse): void {
    if (r.events.length) this.lists.clear();
    for (const ev of r.events) {
      const key = ev.kv.key;
      const prev = this.objs.get(key);
      if (ev.type === 'DELETE') {
        this.pending.delete(key);
        if (!prev) continue;
        this.objs.delete(key);
        this.keys.remove(key);
        this.index(key, prev, undefined);
        this.emit({ type: 'DELETED', revision: ev.kv.modRevision, object: withRv(prev, ev.kv.modRevision), prev });
        continue;
      }
      let obj: KObject | undefined = this.pending.get(key);
      this.pending.delete(key);
      if (obj) {
        obj = finish(obj, ev.kv.modRevision);
        // This apiserver's own write was decoded, defaulted and validated: its parts decode to themselves.
        if (this.typeName) rememberDecoded(this.typeName, obj);
      } else obj = this.decode(ev.kv.value, ev.kv.modRevision);
      if (!obj) continue;
      this.objs.set(key, obj);
      if (!prev) this.keys.insert(key);
      this.index(key, prev, obj);
      this.emit({ type: prev ? 'MODIFIED' : 'ADDED', revision: ev.kv.modRevision, object: obj, prev });
    }
    this.revision = r.header.revision;
  }

  private emit(e: CacheEvent): void {
    this.history.push(e);
    if (this.history.length - this.historyStart > HISTORY) {
      this.historyStart = this.history.length - HISTORY;
      this.trimmedAt = this.history[this.historyStart - 1]!.revision;
      if (this.historyStart >= HISTORY) {
        this.history = this.history.slice(this.historyStart);
        this.historyStart = 0;
      }
    }
    // Only the listeners that want this event are visited (a hundred kubelets each watch their own node's pods),
    // still in subscription order: the order watchers are told decides the order their deliveries are queued.
    const wanted = [...this.untriggered];
    if (this.triggered.size > 0) {
      for (const [field, byValue] of this.triggered) {
        const now = fieldValue(e.object, field);
        const before = e.prev ? fieldValue(e.prev, field) : undefined;
        const a = byValue.get(now);
        if (a) wanted.push(...a);
        if (before !== undefined && before !== now) {
          const b = byValue.get(before);
          if (b) wanted.push(...b);
        }
      }
      if (wanted.length > this.untriggered.size) wanted.sort((x, y) => this.listeners.get(x)!.seq - this.listeners.get(y)!.seq);
    }
    for (const l of wanted) {
      // a listener unsubscribed by an earlier one in this loop is not told
      if (!this.listeners.has(l)) continue;
      try {
        l(e);
      } catch (err) {
        this.runtime.onError(err, `watch listener ${this.def.plural}`);
      }
    }
  }

  private decode(value: string, rev: number): KObject | undefined {
    try {
      const obj = JSON.parse(value) as KObject;
      if (!obj || typeof obj !== 'object' || !obj.metadata) return undefined;
      return finish(obj, rev);
    } catch {
      return undefined; // a value written by hand through etcdctl that is not an object: invisible to the API, as on a real cluster
    }
  }
}

/** Subscription is a listener's trigger, if any, and its place in subscription order. */
interface Subscription {
  trigger: CacheTrigger | undefined;
  seq: number;
}

/** INDEXED_FIELDS are the field selectors components use on every sync (kubelets list their pods by node). */
const INDEXED_FIELDS: Record<string, string[]> = { pods: ['spec.nodeName'] };

function fieldValue(obj: KObject, field: string): string {
  if (field === 'spec.nodeName') return String((obj.spec as { nodeName?: string } | undefined)?.nodeName ?? '');
  return '';
}

function finish(obj: KObject, rev: number): KObject {
  obj.metadata.resourceVersion = String(rev);
  return deepFreeze(obj);
}

function withRv(obj: KObject, rev: number): KObject {
  return deepFreeze({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(rev) } });
}
