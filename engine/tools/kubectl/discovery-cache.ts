import type { ApiClient } from '../../client/client.ts';
import type { FileSystem } from '../../host/types.ts';
import type { ApiGroupJson, DiscoveryDocs, DiscoverySource, ResourceListJson } from './discovery.ts';

/**
 * kubectl keeps what discovery told it on disk, as the real one does
 * (client-go's CachedDiscoveryClient): under <cache-dir>/discovery/<host_port>/
 * a servergroups.json (the APIGroupList, core group first) and one
 * <group>/<version>/serverresources.json per group version (core: v1/), files
 * 0660 in folders 0750. Files younger than six hours are trusted, so a warm
 * kubectl sends no discovery request at all; a stale or missing cache is
 * refilled from the two aggregated discovery documents (/api and /apis), and a
 * type the cache does not know makes kubectl ask again ("Invalidating discovery
 * information"), so a CRD created a second ago still resolves.
 */

/** DISCOVERY_TTL_MS is kubectl's discovery cache lifetime (genericclioptions: 6 hours). */
export const DISCOVERY_TTL_MS = 6 * 60 * 60 * 1000;

/** AGGREGATED_ACCEPT is what kubectl 1.33 asks /api and /apis for: v2, then v2beta1, then the legacy list. */
const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

/** discoveryCacheDir is computeDiscoverCacheDir: the server URL without its scheme, every character but [\w/.()] made "_". */
export function discoveryCacheDir(cacheDir: string, server: string): string {
  const host = server.replace('https://', '').replace('http://', '').replace(/[^(\w/.)]/g, '_');
  return `${cacheDir.replace(/\/+$/, '')}/discovery/${host}`.replace(/\/+/g, '/').replace(/\/$/, '');
}

/**
 * Parsed cache files are shared between invocations, keyed by their text: an
 * unchanged file is the same string in the lab's filesystem, so a warm kubectl
 * parses nothing. The documents are frozen because they are shared.
 */
const parsed = new Map<string, unknown>();
const PARSED_MAX = 512;

function parseShared(text: string): unknown {
  let v = parsed.get(text);
  if (v === undefined) {
    v = deepFreeze(JSON.parse(text));
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(text, v);
  }
  return v;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

interface AggregatedList {
  items?: {
    metadata?: { name?: string };
    versions?: {
      version: string;
      freshness?: string;
      resources?: {
        resource: string;
        responseKind?: { group?: string; version?: string; kind?: string };
        scope?: string;
        singularResource?: string;
        verbs?: string[];
        shortNames?: string[];
        categories?: string[];
        subresources?: { subresource: string; responseKind?: { group?: string; version?: string; kind?: string }; verbs?: string[] }[];
      }[];
    }[];
  }[];
}

type ResourceJson = ResourceListJson['resources'][number];

/** resourceJson is metav1.APIResource in its JSON field order (group and version only when set). */
function resourceJson(name: string, singular: string, namespaced: boolean, kind: { group?: string; version?: string; kind?: string } | undefined, verbs: string[] | undefined, shortNames?: string[], categories?: string[]): ResourceJson {
  const r = { name, singularName: singular, namespaced } as ResourceJson;
  if (kind?.group) r.group = kind.group;
  if (kind?.version) r.version = kind.version;
  r.kind = kind?.kind ?? '';
  r.verbs = verbs ?? [];
  if (shortNames?.length) r.shortNames = shortNames;
  if (categories?.length) r.categories = categories;
  return r;
}

/** splitAggregated is client-go's SplitGroupsAndResources: an APIGroupDiscoveryList as groups and per-version resource lists. */
function splitAggregated(doc: AggregatedList, into: { groups: ApiGroupJson[]; lists: Map<string, ResourceListJson> }): void {
  for (const item of doc.items ?? []) {
    const name = item.metadata?.name ?? '';
    const versions: ApiGroupJson['versions'] = [];
    for (const v of item.versions ?? []) {
      const gv = name ? `${name}/${v.version}` : v.version;
      versions.push({ groupVersion: gv, version: v.version });
      const resources: ResourceJson[] = [];
      for (const r of v.resources ?? []) {
        const parent = resourceJson(r.resource, r.singularResource ?? '', r.scope === 'Namespaced', r.responseKind, r.verbs, r.shortNames, r.categories);
        resources.push(parent);
        for (const s of r.subresources ?? []) resources.push(resourceJson(`${r.resource}/${s.subresource}`, parent.singularName ?? '', parent.namespaced, s.responseKind, s.verbs));
      }
      into.lists.set(gv, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources } as ResourceListJson);
    }
    if (versions.length) into.groups.push({ name, versions, preferredVersion: versions[0]! });
  }
}

export interface CachedDiscoveryOptions {
  fs: FileSystem;
  /** dir is the server's folder under <cache-dir>/discovery */
  dir: string;
  client: ApiClient;
  now: () => number;
  /** log is told what the real client logs at -v=6 and above */
  log?: (line: string) => void;
}

/** cachedDiscovery is kubectl's discovery source: the disk cache while it is fresh, else the server (refilling the cache). */
export function cachedDiscovery(o: CachedDiscoveryOptions): DiscoverySource {
  let fresh = false;
  let invalidated = false;
  const file = (gv: string) => `${o.dir}/${gv}/serverresources.json`;
  const groupsFile = `${o.dir}/servergroups.json`;

  function readCached(path: string): unknown {
    try {
      const st = o.fs.stat(path);
      if (st.type !== 'file' || (!fresh && o.now() > st.mtime + DISCOVERY_TTL_MS)) return undefined;
      return parseShared(o.fs.readFile(path));
    } catch {
      return undefined;
    }
  }

  function fromDisk(): DiscoveryDocs | undefined {
    const list = readCached(groupsFile) as { groups?: ApiGroupJson[] } | undefined;
    if (!list?.groups) return undefined;
    const lists = new Map<string, ResourceListJson>();
    for (const g of list.groups) {
      for (const v of g.versions) {
        const rl = readCached(file(v.groupVersion)) as ResourceListJson | undefined;
        if (!rl?.resources) return undefined;
        lists.set(v.groupVersion, rl);
      }
    }
    return { groups: list.groups, lists };
  }

  function write(path: string, text: string): void {
    const folder = path.slice(0, path.lastIndexOf('/'));
    o.fs.mkdir(folder, { recursive: true, mode: 0o750 });
    o.fs.writeFile(path, text, { mode: 0o660 });
    o.fs.chmod(path, 0o660);
  }

  function fromServer(): DiscoveryDocs {
    const docs = { groups: [] as ApiGroupJson[], lists: new Map<string, ResourceListJson>() };
    for (const path of ['/api', '/apis']) {
      // discovery asks with client-go's 32-second discovery timeout in the query, as -v=6 shows
      const doc = o.client.call<AggregatedList>({ method: 'GET', path, query: { timeout: '32s' }, headers: { accept: AGGREGATED_ACCEPT } });
      splitAggregated(doc, docs);
    }
    fresh = true;
    invalidated = false;
    // The cache is a convenience: a home folder kubectl cannot write to costs nothing but speed.
    try {
      write(groupsFile, `${JSON.stringify({ kind: 'APIGroupList', apiVersion: 'v1', groups: docs.groups })}\n`);
      for (const [gv, list] of docs.lists) write(file(gv), `${JSON.stringify(list)}\n`);
    } catch {
      /* unwritable cache */
    }
    return docs;
  }

  return {
    load() {
      if (!invalidated) {
        const cached = fromDisk();
        if (cached) return cached;
      }
      return fromServer();
    },
    invalidate() {
      if (fresh) return false;
      o.log?.('Invalidating discovery information');
      invalidated = true;
      return true;
    },
  };
}
