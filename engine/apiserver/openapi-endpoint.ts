import type { Registry } from '../api/registry.ts';
import { openApiDefinitions } from '../api/openapi/load.ts';
import { openApiV2, openApiV3Document, openApiV3Index } from '../api/openapi/documents.ts';
import type { ApiResponse } from '../api/transport.ts';
import { StatusError } from '../base/errors.ts';

/**
 * openApiRequest serves /openapi/v2, /openapi/v3 and /openapi/v3/<gv>. The
 * documents are built once per set of registered kinds (a new CRD version
 * changes them) and kept.
 */
export function openApiRequest(registry: Registry, version: string, segs: string[]): ApiResponse {
  const defs = openApiDefinitions();
  if (!defs) throw new StatusError({ reason: 'ServiceUnavailable', code: 503, message: 'the OpenAPI documents are not ready yet', details: {} });
  const cache = cacheFor(registry);
  const which = segs.slice(1).join('/');
  const key = which || 'index';
  let body = cache.get(key);
  if (body === undefined) {
    if (which === 'v2') body = openApiV2(defs, version);
    else if (which === 'v3') body = openApiV3Index(registry, defs, version);
    else if (which.startsWith('v3/')) body = openApiV3Document(registry, which.slice(3).replace(/^api\//, '').replace(/^apis\//, ''), defs, version) ?? null;
    else body = null;
    cache.set(key, body);
  }
  if (body === null) throw new StatusError({ reason: 'NotFound', code: 404, message: 'the server could not find the requested resource', details: {} });
  return { status: 200, body };
}

const caches = new WeakMap<Registry, { stamp: string; docs: Map<string, unknown> }>();

function cacheFor(registry: Registry): Map<string, unknown> {
  const stamp = registry.all().map((d) => `${d.group}/${d.version}/${d.plural}`).join(',');
  let c = caches.get(registry);
  if (!c || c.stamp !== stamp) {
    c = { stamp, docs: new Map() };
    caches.set(registry, c);
  }
  return c.docs;
}
