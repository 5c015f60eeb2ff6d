import type { Registry } from '../api/registry.ts';
import type { ResourceDef } from '../api/types.ts';
import { groups, SUBRESOURCES, PROXY_KIND } from './discovery.ts';

/**
 * Aggregated discovery (apidiscovery.k8s.io/v2): the whole of /api or /apis
 * in one document, which kubectl asks for first (Accept:
 * application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList) so
 * that one request replaces one per group version.
 */

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** wantsAggregated tells whether an Accept header asks for the aggregated v2 document first. */
export function wantsAggregated(accept: string | undefined): boolean {
  if (!accept) return false;
  const first = accept.split(',')[0]!.replace(/\s/g, '');
  return first.includes('as=APIGroupDiscoveryList') && first.includes('v=v2') && first.includes('g=apidiscovery.k8s.io');
}

function resourceEntry(d: ResourceDef): Record<string, unknown> {
  const e: Record<string, unknown> = {
    resource: d.plural,
    responseKind: { group: '', version: '', kind: d.kind },
    scope: d.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: d.singular,
    verbs: d.verbs,
  };
  if (d.shortNames.length) e.shortNames = d.shortNames;
  if (d.categories.length) e.categories = d.categories;
  if (d.subresources.length) {
    e.subresources = d.subresources.map((sub) => {
      const s = SUBRESOURCES[sub] ?? { verbs: ['get'] };
      const kind = sub === 'proxy' ? (PROXY_KIND[d.plural] ?? d.kind) : (s.kind ?? d.kind);
      return { subresource: sub, responseKind: { group: s.group ?? '', version: s.version ?? '', kind }, verbs: s.verbs };
    });
  }
  return e;
}

function versionEntry(registry: Registry, group: string, version: string): Record<string, unknown> {
  const defs = registry.all().filter((d) => d.group === group && d.version === version);
  const resources = defs.map(resourceEntry).sort((a, b) => (String(a.resource) < String(b.resource) ? -1 : 1));
  return { version, resources, freshness: 'Current' };
}

/** aggregatedDiscovery is /api (legacy: the core group) or /apis (every named group) as an APIGroupDiscoveryList. */
export function aggregatedDiscovery(registry: Registry, legacy: boolean): Record<string, unknown> {
  const items = legacy
    ? [{ metadata: {}, versions: [versionEntry(registry, '', 'v1')] }]
    : groups(registry).map((g) => ({ metadata: { name: g.name }, versions: g.versions.map((v) => versionEntry(registry, g.name, v)) }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
