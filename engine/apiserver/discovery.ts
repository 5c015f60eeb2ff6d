import type { Registry } from '../api/registry.ts';
import { apiVersionOf, type ResourceDef } from '../api/types.ts';

/** Subresource discovery entries: the kind and verbs each subresource serves. */
export const SUBRESOURCES: Record<string, { group?: string; version?: string; kind?: string; verbs: string[] }> = {
  status: { verbs: ['get', 'patch', 'update'] },
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
  log: { verbs: ['get'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  proxy: { verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  binding: { kind: 'Binding', verbs: ['create'] },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
  ephemeralcontainers: { verbs: ['get', 'patch', 'update'] },
  resize: { verbs: ['get', 'patch', 'update'] },
  token: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] },
  finalize: { verbs: ['update'] },
  approval: { verbs: ['get', 'patch', 'update'] },
};

/** proxy subresources' kinds depend on the parent */
export const PROXY_KIND: Record<string, string> = { pods: 'PodProxyOptions', nodes: 'NodeProxyOptions', services: 'ServiceProxyOptions' };

function resourceEntry(d: ResourceDef): Record<string, unknown> {
  const e: Record<string, unknown> = { name: d.plural, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs };
  if (d.shortNames.length) e.shortNames = d.shortNames;
  if (d.categories.length) e.categories = d.categories;
  return e;
}

function subresourceEntries(d: ResourceDef): Record<string, unknown>[] {
  return d.subresources.map((sub) => {
    const s = SUBRESOURCES[sub] ?? { verbs: ['get'] };
    const e: Record<string, unknown> = {
      name: `${d.plural}/${sub}`,
      singularName: '',
      namespaced: d.namespaced,
      kind: sub === 'proxy' ? (PROXY_KIND[d.plural] ?? d.kind) : (s.kind ?? d.kind),
      verbs: s.verbs,
    };
    if (s.group) e.group = s.group;
    if (s.version) e.version = s.version;
    return e;
  });
}

/** apiResourceList is /api/v1 or /apis/<group>/<version>. */
export function apiResourceList(registry: Registry, groupVersion: string): Record<string, unknown> | undefined {
  const defs = registry.all().filter((d) => apiVersionOf(d) === groupVersion);
  if (defs.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const d of defs) resources.push(resourceEntry(d), ...subresourceEntries(d));
  resources.sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

interface GroupVersions {
  name: string;
  versions: string[];
  preferred: string;
}

/** groups lists the API groups in registration order, with their versions (preferred first). */
export function groups(registry: Registry): GroupVersions[] {
  const out = new Map<string, GroupVersions>();
  for (const d of registry.all()) {
    if (d.group === '') continue;
    let g = out.get(d.group);
    if (!g) {
      g = { name: d.group, versions: [], preferred: d.version };
      out.set(d.group, g);
    }
    if (!g.versions.includes(d.version)) {
      if (d.preferred === false) g.versions.push(d.version);
      else {
        g.versions.unshift(d.version);
        g.preferred = d.version;
      }
    }
  }
  return [...out.values()];
}

function groupJson(g: GroupVersions): Record<string, unknown> {
  return {
    name: g.name,
    versions: g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v })),
    preferredVersion: { groupVersion: `${g.name}/${g.preferred}`, version: g.preferred },
  };
}

/** apiGroupList is /apis. */
export function apiGroupList(registry: Registry): Record<string, unknown> {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups(registry).map(groupJson) };
}

/** apiGroup is /apis/<group>. */
export function apiGroup(registry: Registry, name: string): Record<string, unknown> | undefined {
  const g = groups(registry).find((x) => x.name === name);
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...groupJson(g) } : undefined;
}

/** apiVersions is /api. */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}
