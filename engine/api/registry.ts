import { apiVersionOf, type ResourceDef } from './types.ts';
import { BUILTIN_RESOURCES } from './resources/index.ts';

/**
 * Registry is the resource table of one cluster: the built-in kinds plus the
 * custom kinds its CustomResourceDefinitions register at run time. Lookups are
 * by URL coordinates (group, version, plural), by kind, and by the names
 * kubectl accepts (plural, singular, short names).
 */
export class Registry {
  private defs: ResourceDef[] = [];
  private byGvr = new Map<string, ResourceDef>();
  private byGvk = new Map<string, ResourceDef>();
  private listeners = new Set<() => void>();
  /** generation counts the changes (kinds added or removed), so callers can keep lookups until it moves. */
  generation = 0;

  constructor(defs: ResourceDef[] = BUILTIN_RESOURCES) {
    for (const d of defs) this.add(d);
  }

  /** all lists every served resource, built-in first, in registration order. */
  all(): readonly ResourceDef[] {
    return this.defs;
  }

  /** add registers a kind; it throws on a duplicate (a bad table must fail at start-up, not in a session). */
  add(def: ResourceDef): void {
    const gvr = gvrKey(def.group, def.version, def.plural);
    if (this.byGvr.has(gvr)) throw new Error(`duplicate resource ${gvr}`);
    this.defs.push(def);
    this.byGvr.set(gvr, def);
    const gvk = `${apiVersionOf(def)}/${def.kind}`;
    if (!this.byGvk.has(gvk)) this.byGvk.set(gvk, def);
    this.changed();
  }

  /** remove unregisters a custom kind (its CRD was deleted). */
  remove(group: string, version: string, plural: string): void {
    const key = gvrKey(group, version, plural);
    const def = this.byGvr.get(key);
    if (!def) return;
    this.byGvr.delete(key);
    this.byGvk.delete(`${apiVersionOf(def)}/${def.kind}`);
    this.defs = this.defs.filter((d) => d !== def);
    this.changed();
  }

  /** lookup finds a resource by its URL coordinates. */
  lookup(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.byGvr.get(gvrKey(group, version, plural));
  }

  /** byKind finds a resource by apiVersion and kind (what a manifest names). */
  byKind(apiVersion: string, kind: string): ResourceDef | undefined {
    return this.byGvk.get(`${apiVersion}/${kind}`);
  }

  /** groupVersions lists "v1", "apps/v1"… in discovery order. */
  groupVersions(): string[] {
    const seen = new Set<string>();
    for (const d of this.defs) seen.add(apiVersionOf(d));
    return [...seen];
  }

  /** onChange is called after a kind is added or removed (discovery caches listen). */
  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private changed(): void {
    this.generation++;
    for (const cb of this.listeners) cb();
  }
}

function gvrKey(group: string, version: string, plural: string): string {
  return `${group}/${version}/${plural}`;
}
