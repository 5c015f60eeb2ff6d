import { isStatusError, StatusError, forbidden, methodNotSupported, notFound, internalError, unauthorized, type Status } from '../base/errors.ts';
import type { Runtime } from '../base/runtime.ts';
import type { Registry } from '../api/registry.ts';
import { groupResource, type ResourceDef } from '../api/types.ts';
import { queryValue, type ApiHandler, type ApiRequest, type ApiResponse, type WatchEvent, type WatchStream } from '../api/transport.ts';
import type { KV } from '../store/types.ts';
import type { AdmissionChain } from './admission/chain.ts';
import { authenticate } from './authn/chain.ts';
import type { Authenticator, UserInfo } from './authn/types.ts';
import { authorizeChain, forbiddenMessage, type Attributes, type Authorizer } from './authz/types.ts';
import type { RequestScope, RestHooks, ServerContext } from './context.ts';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery.ts';
import { deleteCollection, deleteResource } from './handlers/delete.ts';
import { getObject, listObjects } from './handlers/read.ts';
import { subresourceRequest } from './handlers/subresource.ts';
import { watchResource } from './handlers/watch.ts';
import { createResource, patchResource, replaceResource } from './handlers/write.ts';
import { nonResourceRequest, type VersionInfo } from './handlers/nonresource.ts';
import { requestInfo, type RequestInfo } from './request-info.ts';
import { makeClusterView } from './cluster-view.ts';
import { Storage } from './storage/storage.ts';
import { rulesFor } from './authz/rbac.ts';
import { storageRbacSource } from './authz/storage-source.ts';
import { reviewRequest } from './handlers/reviews.ts';
import { startCompactor } from './storage/compactor.ts';
import { startCrdSync } from './crd-sync.ts';

/** ApiServerConfig is everything one kube-apiserver process is built from (its flags, resolved). */
export interface ApiServerConfig {
  runtime: Runtime;
  kv: KV;
  registry: Registry;
  /** authenticators in the apiserver's order; a function receives the storage (ServiceAccount and bootstrap tokens read it) */
  authenticators: Authenticator[] | ((storage: Storage) => Authenticator[]);
  /** authorizers in --authorization-mode order; the privileged group authorizer goes first */
  authorizers: (storage: Storage) => Authorizer[];
  admission: AdmissionChain;
  hooks?: Record<string, RestHooks>;
  serviceCidr: string;
  nodePortRange: [number, number];
  advertiseAddress: string;
  version: VersionInfo;
  anonymousAuth: boolean;
  /** extra checks for /readyz and /livez (etcd reachability…) */
  healthChecks?: { name: string; check: () => string | undefined }[];
  /** connectors serve log/exec/attach/portforward/proxy/token subresources (see ServerContext.connectors). */
  connectors?: ServerContext['connectors'];
  /** extraNonResource lets the composition root serve more paths (openapi, logs, metrics). */
  extraNonResource?: (req: ApiRequest, user: UserInfo) => ApiResponse | undefined;
}

/**
 * ApiServer is one kube-apiserver: the request pipeline written once —
 * authentication, impersonation, authorization, then the REST handlers with
 * admission, defaulting, validation and storage — over a watch cache of etcd.
 */
export class ApiServer implements ApiHandler {
  readonly storage: Storage;
  readonly ctx: ServerContext;
  private authorizers: Authorizer[];
  private authenticators: Authenticator[];

  constructor(private readonly config: ApiServerConfig) {
    this.storage = new Storage(config.kv, config.runtime, config.registry);
    this.authenticators = typeof config.authenticators === 'function' ? config.authenticators(this.storage) : config.authenticators;
    this.ctx = {
      runtime: config.runtime,
      registry: config.registry,
      storage: this.storage,
      admission: config.admission,
      view: makeClusterView(this.storage, config.runtime),
      hooks: config.hooks ?? {},
      serviceCidr: config.serviceCidr,
      nodePortRange: config.nodePortRange,
      advertiseAddress: config.advertiseAddress,
      connectors: config.connectors ?? {},
      authorize: (a) => authorizeChain(this.authorizers, a),
      authenticateToken: (token) => {
        const r = authenticate(this.authenticators, { token }, config.runtime.now, false);
        return 'user' in r ? r.user : undefined;
      },
      rules: (user, namespace) => rulesFor(storageRbacSource(this.storage), user, namespace),
    };
    this.authorizers = config.authorizers(this.storage);
    this.compactor = startCompactor(config.runtime, () => this.storage.etcd);
    this.crds = startCrdSync(this.storage, config.registry, config.runtime);
  }

  private compactor: { cancel(): void };
  private crds: { stop(): void };

  get registry(): Registry {
    return this.config.registry;
  }

  /** request answers one request synchronously; every failure becomes a Status response. */
  request(req: ApiRequest): ApiResponse {
    let scope: RequestScope | undefined;
    let resp: ApiResponse;
    try {
      const { user, info } = this.admit(req);
      if (!info.isResourceRequest) return nonResourceRequest(this.ctx, this.config, req, info, user);
      scope = this.scope(req, info, user);
      resp = this.dispatch(scope);
    } catch (e) {
      resp = statusResponse(e);
    }
    // Warnings travel as headers, so a failed request carries them too.
    if (scope?.warnings.length) resp.warnings = [...(resp.warnings ?? []), ...scope.warnings];
    return resp;
  }

  /** watch starts a watch stream, or answers an error. */
  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void, onEnd: (reason?: string) => void): ApiResponse | WatchStream {
    try {
      const { user, info } = this.admit({ ...req, query: { ...(req.query ?? {}), watch: 'true' } });
      if (!info.isResourceRequest || info.verb !== 'watch') throw methodNotSupported({ group: info.apiGroup, resource: info.resource }, 'watch');
      const scope = this.scope(req, info, user);
      return watchResource(this.ctx, scope, onEvent, onEnd);
    } catch (e) {
      return statusResponse(e);
    }
  }

  /** stop closes every watch (the process is going away). */
  stop(): void {
    this.compactor.cancel();
    this.crds.stop();
    this.storage.close();
  }

  /** authenticate, impersonate and authorize. */
  private admit(req: ApiRequest): { user: UserInfo; info: RequestInfo } {
    const info = requestInfo(req.method, req.path, req.query);
    const auth = authenticate(this.authenticators, req.credentials, this.config.runtime.now, this.config.anonymousAuth);
    if ('error' in auth) throw unauthorized();
    let user = auth.user;
    const asUser = header(req, 'impersonate-user');
    const asGroups = headerList(req, 'impersonate-group');
    const asUid = header(req, 'impersonate-uid');
    if (asUser || asGroups.length || asUid) user = this.impersonate(user, asUser, asGroups, asUid);
    const attrs = attributesOf(user, info);
    const verdict = authorizeChain(this.authorizers, attrs);
    if (!verdict.allowed) {
      const msg = forbiddenMessage(attrs) + (verdict.reason ? `: ${verdict.reason}` : '');
      if (!info.isResourceRequest) throw new StatusError({ reason: 'Forbidden', code: 403, message: `forbidden: ${msg}`, details: {} });
      throw forbidden({ group: info.apiGroup, resource: info.resource }, info.name, msg);
    }
    return { user, info };
  }

  private impersonate(user: UserInfo, asUser: string | undefined, asGroups: string[], asUid?: string): UserInfo {
    let name = user.name;
    if (asUser) {
      const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(asUser);
      if (sa) this.mayImpersonate(user, sa[1]!, 'serviceaccounts', sa[2]!);
      else this.mayImpersonate(user, '', 'users', asUser);
      name = asUser;
    }
    for (const g of asGroups) this.mayImpersonate(user, '', 'groups', g);
    if (asUid) this.mayImpersonate(user, '', 'uids', asUid, 'authentication.k8s.io');
    const groups = asGroups.length ? [...asGroups] : [];
    if (!groups.includes('system:authenticated') && name !== 'system:anonymous') groups.push('system:authenticated');
    if (/^system:serviceaccount:([^:]+):/.test(name) && !asGroups.length) {
      const ns = name.split(':')[2]!;
      groups.unshift('system:serviceaccounts', `system:serviceaccounts:${ns}`);
    }
    return asUid ? { name, uid: asUid, groups } : { name, groups };
  }

  /** mayImpersonate throws Forbidden unless user may impersonate the named user, service account or group. */
  private mayImpersonate(user: UserInfo, namespace: string, resource: string, name: string, apiGroup = ''): void {
    // One literal, not a spread of a partial one: V8 extends a spread copy one property at a time, slowly, and this runs per impersonated name.
    const attrs: Attributes = { user, verb: 'impersonate', isResourceRequest: true, path: '', namespace, apiGroup, apiVersion: 'v1', resource, subresource: '', name };
    if (!authorizeChain(this.authorizers, attrs).allowed) {
      throw forbidden({ group: apiGroup, resource }, name, forbiddenMessage(attrs));
    }
  }

  private scope(req: ApiRequest, info: RequestInfo, user: UserInfo): RequestScope {
    const def = this.resolve(info);
    const dryRunQ = req.query?.['dryRun'];
    const dryRun = dryRunQ === 'All' || (Array.isArray(dryRunQ) && dryRunQ.includes('All'));
    const deprecation = deprecationWarning(def, this.config.version);
    return { req, info, def, user, dryRun, warnings: deprecation ? [deprecation] : [] };
  }

  private resolve(info: RequestInfo): ResourceDef {
    const def = this.config.registry.lookup(info.apiGroup, info.apiVersion, info.resource);
    if (!def) {
      throw new StatusError({ reason: 'NotFound', code: 404, message: 'the server could not find the requested resource', details: {} });
    }
    if (info.subresource && !def.subresources.includes(info.subresource)) {
      throw new StatusError({ reason: 'NotFound', code: 404, message: 'the server could not find the requested resource', details: {} });
    }
    if (def.namespaced && !info.namespace && info.name && def.kind !== 'Namespace') {
      throw new StatusError({ reason: 'NotFound', code: 404, message: 'the server could not find the requested resource', details: {} });
    }
    return def;
  }

  private dispatch(s: RequestScope): ApiResponse {
    if (s.def.storagePrefix === '') return reviewRequest(this.ctx, s);
    if (s.info.subresource) return subresourceRequest(this.ctx, s);
    if (!s.def.verbs.includes(s.info.verb)) throw methodNotSupported(groupResource(s.def), s.info.verb);
    switch (s.info.verb) {
      case 'get':
        return getObject(this.ctx, s);
      case 'list':
        return listObjects(this.ctx, s);
      case 'create':
        if (s.info.name) throw methodNotSupported(groupResource(s.def), 'create');
        return createResource(this.ctx, s);
      case 'update':
        return replaceResource(this.ctx, s);
      case 'patch':
        return patchResource(this.ctx, s);
      case 'delete':
        return deleteResource(this.ctx, s);
      case 'deletecollection':
        return deleteCollection(this.ctx, s);
      case 'watch':
        throw new StatusError({ reason: 'BadRequest', code: 400, message: 'watch must be requested as a stream' });
      default:
        throw notFound(groupResource(s.def), s.info.name);
    }
  }
}

function header(req: ApiRequest, name: string): string | undefined {
  const v = req.headers?.[name];
  return Array.isArray(v) ? v[0] : v;
}

function headerList(req: ApiRequest, name: string): string[] {
  const v = req.headers?.[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function attributesOf(user: UserInfo, info: RequestInfo): Attributes {
  return {
    user,
    verb: info.verb,
    isResourceRequest: info.isResourceRequest,
    path: info.path,
    namespace: info.namespace,
    apiGroup: info.apiGroup,
    apiVersion: info.apiVersion,
    resource: info.resource,
    subresource: info.subresource,
    name: info.name,
  };
}

/** statusResponse turns anything thrown by a handler into the apiserver's Status reply. */
export function statusResponse(e: unknown): ApiResponse {
  if (isStatusError(e)) return { status: e.code, body: e.status };
  const err = internalError(e instanceof Error ? e.message : String(e));
  return { status: 500, body: err.status as Status };
}

export { apiGroup, apiGroupList, apiResourceList, apiVersions, queryValue };

/**
 * deprecationWarning is the warning the apiserver adds to every request for a
 * deprecated API version once the cluster is at or past the deprecating
 * release ("v1 ComponentStatus is deprecated in v1.19+").
 */
function deprecationWarning(def: ResourceDef, version: VersionInfo): string | undefined {
  const d = def.deprecated;
  if (!d) return undefined;
  const minor = parseInt(version.minor, 10);
  if (Number(version.major) < d.since[0] || (Number(version.major) === d.since[0] && minor < d.since[1])) return undefined;
  const gv = def.group ? `${def.group}/${def.version}` : def.version;
  return `${gv} ${def.kind} is deprecated in v${d.since[0]}.${d.since[1]}+${d.replacement ? `; use ${d.replacement}` : ''}`;
}
