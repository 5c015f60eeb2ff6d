/**
 * RequestInfo is what the apiserver reads from a URL before anything else:
 * is this a resource request, which group/version/resource/namespace/name/
 * subresource, and which verb (k8s.io/apiserver/pkg/endpoints/request).
 */
export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: string;
  apiPrefix: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  parts: string[];
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);
const VERB_BY_METHOD: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', GET: 'get', HEAD: 'get', DELETE: 'delete' };

/** requestInfo parses a request path and method the way RequestInfoFactory does. */
export function requestInfo(method: string, path: string, query: Record<string, string | string[]> | undefined): RequestInfo {
  const info: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase(),
    apiPrefix: '',
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
  };
  const segs = path.split('/').filter((s) => s !== '');
  if (segs.length === 0) return info;
  const prefix = segs[0];
  if (prefix !== 'api' && prefix !== 'apis') return info;
  info.apiPrefix = prefix;
  let rest = segs.slice(1);
  if (prefix === 'apis') {
    if (rest.length < 2) return info; // /apis or /apis/<group>: discovery
    info.apiGroup = rest[0]!;
    rest = rest.slice(1);
  } else if (rest.length < 1) {
    return info; // /api
  }
  info.apiVersion = rest[0]!;
  rest = rest.slice(1);
  if (rest.length === 0) return info; // /api/v1: discovery
  info.isResourceRequest = true;
  info.verb = VERB_BY_METHOD[method] ?? method.toLowerCase();

  // Legacy /watch/ prefix: /api/v1/watch/namespaces/x/pods
  if (rest[0] === 'watch') {
    info.verb = 'watch';
    rest = rest.slice(1);
  }
  if (rest[0] === 'namespaces') {
    if (rest.length > 1) {
      info.namespace = rest[1]!;
      if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2]!)) rest = rest.slice(2);
    }
  }
  info.parts = rest;
  if (rest.length >= 3) info.subresource = rest[2]!;
  if (rest.length >= 2) info.name = rest[1]!;
  info.resource = rest[0] ?? '';

  const watchParam = query?.['watch'];
  const watching = watchParam === 'true' || watchParam === '1' || (Array.isArray(watchParam) && (watchParam[0] === 'true' || watchParam[0] === '1'));
  if (info.verb === 'get' && info.name === '') info.verb = watching ? 'watch' : 'list';
  else if (info.verb === 'get' && watching) info.verb = 'watch';
  if (info.verb === 'delete' && info.name === '') info.verb = 'deletecollection';
  return info;
}
