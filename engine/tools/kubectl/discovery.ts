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

interface ResourceListJson {
  groupVersion: string;
  resources: { name: string; singularName?: string; namespaced: boolean; kind: string; verbs?: string[]; shortNames?: string[]; categories?: string[] }[];
}

/** ResourceNotFound is `the server doesn't have a resource type "x"`. */
export class ResourceTypeError extends Error {}

/**
 * Discovery reads /api and /apis once per kubectl invocation, like the real
 * client's discovery (without its disk cache), and maps the names a user types
 * ("po", "deploy", "deployments.apps", "deployment.v1.apps", "Pod") to resources.
 */
export class Discovery {
  private resources: ApiResource[] | undefined;
  private groupOrder: string[] = [];

  constructor(private readonly client: ApiClient) {}

  /** all returns every served resource (no subresources), core first, then groups in server order. */
  all(): ApiResource[] {
    if (this.resources) return this.resources;
    const out: ApiResource[] = [];
    const core = this.client.call<{ versions: string[] }>({ method: 'GET', path: '/api' });
    const lists: { list: ResourceListJson; preferred: boolean }[] = [];
    for (const v of core.versions) lists.push({ list: this.client.call<ResourceListJson>({ method: 'GET', path: `/api/${v}` }), preferred: true });
    const groups = this.client.call<{ groups: { name: string; versions: { groupVersion: string; version: string }[]; preferredVersion: { version: string } }[] }>({ method: 'GET', path: '/apis' });
    this.groupOrder = ['', ...groups.groups.map((g) => g.name)];
    for (const g of groups.groups) {
      for (const v of g.versions) {
        lists.push({ list: this.client.call<ResourceListJson>({ method: 'GET', path: `/apis/${v.groupVersion}` }), preferred: v.version === g.preferredVersion.version });
      }
    }
    for (const { list, preferred } of lists) {
      const [group, version] = list.groupVersion.includes('/') ? list.groupVersion.split('/') : ['', list.groupVersion];
      for (const r of list.resources) {
        if (r.name.includes('/')) continue;
        out.push({
          group: group!,
          version: version!,
          plural: r.name,
          namespaced: r.namespaced,
          kind: r.kind,
          singular: r.singularName || r.kind.toLowerCase(),
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
          verbs: r.verbs ?? [],
          preferred,
        });
      }
    }
    this.resources = out;
    return out;
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
    if (!found) throw new ResourceTypeError(`the server doesn't have a resource type "${typed}"`);
    return found;
  }

  /** byKind finds the preferred resource for apiVersion + kind (what a manifest names). */
  byKind(apiVersion: string, kind: string): ApiResource | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.all().find((r) => r.group === group && r.version === version && r.kind === kind);
  }

  /** category expands "all" and other categories into resources. */
  category(name: string): ApiResource[] {
    return this.all().filter((r) => r.preferred && r.categories.includes(name));
  }
}
