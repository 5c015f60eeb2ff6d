import type { ApiClient, ResourceRef } from '../../client/client.ts';

interface ApiResource {
  name: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
}

/**
 * namespacedDeletable lists, through discovery, every namespaced resource
 * that can be listed and collection-deleted (what the namespace deleter
 * empties), preferred versions only.
 */
export function namespacedDeletable(client: ApiClient): ResourceRef[] {
  const out: ResourceRef[] = [];
  const add = (group: string, version: string, list: { resources?: ApiResource[] }) => {
    for (const r of list.resources ?? []) {
      if (!r.namespaced || r.name.includes('/') || !r.verbs.includes('deletecollection') || !r.verbs.includes('list')) continue;
      out.push({ group, version, plural: r.name, namespaced: true });
    }
  };
  add('', 'v1', client.call<{ resources?: ApiResource[] }>({ method: 'GET', path: '/api/v1' }));
  const groups = client.call<{ groups?: { name: string; preferredVersion?: { version: string } }[] }>({ method: 'GET', path: '/apis' });
  for (const g of groups.groups ?? []) {
    const v = g.preferredVersion?.version;
    if (!v) continue;
    try {
      add(g.name, v, client.call<{ resources?: ApiResource[] }>({ method: 'GET', path: `/apis/${g.name}/${v}` }));
    } catch {
      // A group that fails discovery is reported by the condition below, not fatal.
    }
  }
  return out;
}
