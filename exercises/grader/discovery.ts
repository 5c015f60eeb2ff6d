import type { ApiAccess } from './target.ts';

/** Resource is an API resource found through discovery. */
export interface Resource {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

/**
 * Discovery maps kinds, plurals, singulars and short names to resources the
 * way kubectl does, by asking the cluster (so custom resources work too).
 */
export class Discovery {
  private resources: Resource[] | undefined;
  private short = new Map<string, Resource>();

  constructor(private readonly api: ApiAccess) {}

  private async load(): Promise<Resource[]> {
    if (this.resources) return this.resources;
    const out: Resource[] = [];
    const add = async (gv: string, group: string, version: string) => {
      const r = await this.api.request({ method: 'GET', path: group ? `/apis/${gv}` : '/api/v1' });
      if (r.status !== 200) return;
      const list = (r.body as { resources?: { name: string; kind: string; namespaced: boolean; singularName?: string; shortNames?: string[] }[] }).resources ?? [];
      for (const x of list) {
        if (x.name.includes('/')) continue;
        const res = { group, version, plural: x.name, kind: x.kind, namespaced: x.namespaced };
        out.push(res);
        for (const s of [...(x.shortNames ?? []), x.singularName ?? '']) if (s && !this.short.has(s)) this.short.set(s, res);
      }
    };
    await add('v1', '', 'v1');
    const groups = await this.api.request({ method: 'GET', path: '/apis' });
    const list = (groups.body as { groups?: { name: string; versions?: { groupVersion: string; version: string }[]; preferredVersion: { groupVersion: string; version: string } }[] }).groups ?? [];
    // Every version, the preferred one first: a kind served only in another version
    // (ReferenceGrant is v1beta1 beside the Gateway API's v1 kinds) still resolves, as with kubectl.
    for (const g of list) {
      await add(g.preferredVersion.groupVersion, g.name, g.preferredVersion.version);
      for (const v of g.versions ?? []) if (v.version !== g.preferredVersion.version) await add(v.groupVersion, g.name, v.version);
    }
    this.resources = out;
    return out;
  }

  /** resolve finds the resource of a kind (Deployment), plural (deployments), singular or short name (deploy), or kind.group. */
  async resolve(kind: string, apiVersion?: string): Promise<Resource | undefined> {
    const all = await this.load();
    const [name, group] = kind.includes('.') ? [kind.slice(0, kind.indexOf('.')), kind.slice(kind.indexOf('.') + 1)] : [kind, undefined];
    const wantGroup = apiVersion ? (apiVersion.includes('/') ? apiVersion.split('/')[0] : '') : group;
    const lower = name.toLowerCase();
    const hit = all.find(
      (r) => (wantGroup === undefined || r.group === wantGroup) && (r.kind === name || r.plural === lower || r.kind.toLowerCase() === lower),
    );
    return hit ?? (wantGroup === undefined ? this.short.get(lower) : undefined);
  }
}

/** objectPath is the API path of a resource's collection or one of its objects. */
export function objectPath(r: Resource, namespace?: string, name?: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = r.namespaced && namespace ? `/namespaces/${namespace}` : '';
  return `${base}${ns}/${r.plural}${name ? `/${name}` : ''}`;
}
