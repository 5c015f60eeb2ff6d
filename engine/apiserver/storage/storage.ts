import type { Runtime } from '../../base/runtime.ts';
import type { Registry } from '../../api/registry.ts';
import type { ResourceDef } from '../../api/types.ts';
import type { KV } from '../../store/types.ts';
import { ResourceStore } from './resource-store.ts';

/**
 * Storage owns the apiserver's connection to etcd and one ResourceStore (watch
 * cache) per resource, created on first use. Two resources that share an etcd
 * prefix (autoscaling/v1 and v2 HPAs) share one store.
 */
export class Storage {
  private stores = new Map<string, ResourceStore>();
  /** defs remembers storeFor's lookups by "group/plural" (the RBAC authorizer asks on every request) until the registry changes. */
  private defs = new Map<string, ResourceDef | undefined>();
  private defsGeneration = -1;

  constructor(
    private kv: KV,
    private readonly runtime: Runtime,
    readonly registry: Registry,
  ) {}

  get etcd(): KV {
    return this.kv;
  }

  /** store returns the watch cache of def's resource. */
  store(def: ResourceDef): ResourceStore {
    let s = this.stores.get(def.storagePrefix);
    if (!s) {
      s = new ResourceStore(def, this.kv, this.runtime);
      this.stores.set(def.storagePrefix, s);
    }
    return s;
  }

  /** storeFor finds the store of a resource by group and plural (any served version). */
  storeFor(group: string, plural: string): ResourceStore | undefined {
    if (this.defsGeneration !== this.registry.generation) {
      this.defs.clear();
      this.defsGeneration = this.registry.generation;
    }
    const key = `${group}/${plural}`;
    let def = this.defs.get(key);
    if (def === undefined && !this.defs.has(key)) {
      def = this.registry.all().find((d) => d.group === group && d.plural === plural);
      this.defs.set(key, def);
    }
    return def ? this.store(def) : undefined;
  }

  /** reconnect points the apiserver at another etcd (a restored data dir): every cache is rebuilt. */
  reconnect(kv: KV): void {
    for (const s of this.stores.values()) s.close();
    this.stores.clear();
    this.kv = kv;
  }

  close(): void {
    for (const s of this.stores.values()) s.close();
    this.stores.clear();
  }
}
