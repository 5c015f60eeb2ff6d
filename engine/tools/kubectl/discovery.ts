import type { ApiClient, ResourceRef } from '../../client/client.ts';

/** ApiResource is one entry of discovery, flattened with its group and version. */
export interface ApiResource extends ResourceRef {
  kind: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** preferred: this version is the group's preferred one */
  preferred: boolean;
}

/** ResourceListJson is an APIResourceList (/api/v1, /apis/<group>/<version>, or a cached serverresources.json). */
export interface ResourceListJson {
  groupVersion: string;
  resources: { name: string; singularName?: string; namespaced: boolean; group?: string; version?: string; kind: string; verbs?: string[]; shortNames?: string[]; categories?: string[] }[];
}

/** ApiGroupJson is one group of an APIGroupList (the core group has the name ""). */
export interface ApiGroupJson {
  name: string;
  versions: { groupVersion: string; version: string }[];
  preferredVersion: { groupVersion: string; version: string };
}

/** DiscoveryDocs is what discovery knows: the groups, core first, and the resource list of each group version. */
export interface DiscoveryDocs {
  groups: readonly ApiGroupJson[];
  lists: ReadonlyMap<string, ResourceListJson>;
}

/**
 * DiscoverySource gives discovery's documents: straight from the server, or
 * from kubectl's disk cache (discovery-cache.ts). invalidate asks the next
 * load to go to the server, and says whether that can tell anything new.
 */
export interface DiscoverySource {
  load(): DiscoveryDocs;
  invalidate(): boolean;
}

/** ResourceNotFound is `the server doesn't have a resource type "x"`. */
export class ResourceTypeError extends Error {}

/** liveDiscovery reads the legacy endpoints: /api, /api/v1, /apis and every /apis/<group>/<version>. */
export function liveDiscovery(client: ApiClient): DiscoverySource {
  return {
    load() {
      const core = client.call<{ versions: string[] }>({ method: 'GET', path: '/api' });
      const lists = new Map<string, ResourceListJson>();
      const groups: ApiGroupJson[] = [];
      const coreVersions = core.versions.map((v) => ({ groupVersion: v, version: v }));
      if (coreVersions.length) groups.push({ name: '', versions: coreVersions, preferredVersion: coreVersions[0]! });
      for (const v of core.versions) lists.set(v, client.call<ResourceListJson>({ method: 'GET', path: `/api/${v}` }));
      const named = client.call<{ groups: ApiGroupJson[] }>({ method: 'GET', path: '/apis' });
      for (const g of named.groups) {
        groups.push(g);
        for (const v of g.versions) lists.set(v.groupVersion, client.call<ResourceListJson>({ method: 'GET', path: `/apis/${v.groupVersion}` }));
      }
      return { groups, lists };
    },
    invalidate: () => false,
  };
}

/** flatCache keeps the flattened resources of the last documents seen: cached documents are shared, frozen objects. */
let flatCache: { groups: readonly ApiGroupJson[]; lists: ResourceListJson[]; out: readonly ApiResource[]; order: string[] } | undefined;

function flatten(docs: DiscoveryDocs): { out: readonly ApiResource[]; order: string[] } {
  const c = flatCache;
  if (c && c.groups === docs.groups && c.lists.length === docs.lists.size) {
    let same = true;
    let i = 0;
    for (const l of docs.lists.values()) if (c.lists[i++] !== l) same = false;
    if (same) return c;
  }
  const out: ApiResource[] = [];
  for (const g of docs.groups) {
    for (const v of g.versions) {
      const list = docs.lists.get(v.groupVersion);
      if (!list) continue;
      const preferred = v.version === g.preferredVersion.version;
      for (const r of list.resources) {
        if (r.name.includes('/')) continue;
        out.push(
          Object.freeze({
            group: g.name,
            version: v.version,
            plural: r.name,
            namespaced: r.namespaced,
            kind: r.kind,
            singular: r.singularName || r.kind.toLowerCase(),
            shortNames: r.shortNames ?? [],
            categories: r.categories ?? [],
            verbs: r.verbs ?? [],
            preferred,
          }),
        );
      }
    }
  }
  Object.freeze(out);
  const order = docs.groups.map((g) => g.name);
  flatCache = { groups: docs.groups, lists: [...docs.lists.values()], out, order };
  return { out, order };
}

/**
 * Discovery maps the names a user types ("po", "deploy", "deployments.apps",
 * "deployment.v1.apps", "Pod") to resources, from the documents its source
 * gives once per kubectl invocation. A name it cannot map makes it ask the
 * server again, once, before giving up, as kubectl's deferred RESTMapper does
 * when its cache may be stale (a CRD created since).
 */
export class Discovery {
  private resources: readonly ApiResource[] | undefined;
  private groupOrder: string[] = [];
  private readonly source: DiscoverySource;

  constructor(from: ApiClient | DiscoverySource) {
    this.source = 'load' in from ? from : liveDiscovery(from);
  }

  /** all returns every served resource (no subresources), core first, then groups in server order. Shared and frozen: never mutate it. */
  all(): readonly ApiResource[] {
    if (this.resources) return this.resources;
    const { out, order } = flatten(this.source.load());
    this.groupOrder = order;
    this.resources = out;
    return out;
  }

  /** refresh makes the next read ask the server (kubectl api-resources does, unless --cached). */
  refresh(): void {
    if (this.source.invalidate()) this.resources = undefined;
  }

  /** retry runs a lookup again on fresh documents when it found nothing and the documents may be stale. */
  private retry<T>(lookup: () => T | undefined): T | undefined {
    const found = lookup();
    if (found !== undefined && !(Array.isArray(found) && found.length === 0)) return found;
    if (!this.source.invalidate()) return found;
    this.resources = undefined;
    return lookup();
  }

  /** groups lists API groups in discovery order ("" first). */
  groups(): string[] {
    this.all();
    return this.groupOrder;
  }

  /**
   * resolve maps a typed resource name to a resource, as kubectl's
   * shortcut-expanding RESTMapper does: exact plural, singular, short name or
   * kind, optionally qualified by group (name.group) or version and group
   * (name.version.group); preferred versions win; core beats other groups.
   */
  resolve(typed: string): ApiResource {
    const found = this.retry(() => this.find(typed));
    if (!found) throw new ResourceTypeError(`the server doesn't have a resource type "${typed}"`);
    return found;
  }

  private find(typed: string): ApiResource | undefined {
    const all = this.all();
    const lower = typed.toLowerCase();
    const candidates = (name: string, group?: string, version?: string) =>
      all.filter(
        (r) =>
          (r.plural === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name) &&
          (group === undefined || r.group === group) &&
          (version === undefined || r.version === version),
      );
    const pick = (rs: ApiResource[]) => {
      if (rs.length === 0) return undefined;
      const preferred = rs.filter((r) => r.preferred);
      const pool = preferred.length ? preferred : rs;
      const order = this.groupOrder;
      return [...pool].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group))[0];
    };
    let found = pick(candidates(lower));
    if (!found) {
      const parts = lower.split('.');
      if (parts.length >= 2) {
        found = pick(candidates(parts[0]!, parts.slice(1).join('.')));
        if (!found && parts.length >= 3) found = pick(candidates(parts[0]!, parts.slice(2).join('.'), parts[1]));
      }
    }
    return found;
  }

  /** byKind finds the preferred resource for apiVersion + kind (what a manifest names). */
  byKind(apiVersion: string, kind: string): ApiResource | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.retry(() => this.all().find((r) => r.group === group && r.version === version && r.kind === kind));
  }

  /** category expands "all" and other categories into resources. */
  category(name: string): ApiResource[] {
    return this.all().filter((r) => r.preferred && r.categories.includes(name));
  }
}
