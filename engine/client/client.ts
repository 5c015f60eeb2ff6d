import { StatusError, type Status } from '../base/errors.ts';
import { isWatchStream, type ApiHandler, type ApiRequest, type ApiResponse, type Credentials, type WatchEvent, type WatchStream } from '../api/transport.ts';
import type { KList, KObject } from '../api/types.ts';

/** ResourceRef names a resource by its URL coordinates. */
export interface ResourceRef {
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

/** ConnectionError is a failure to reach the apiserver at all (refused, TLS, unreachable). */
export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly kind: 'refused' | 'tls' | 'unreachable' | 'timeout',
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** Dialer reaches the apiserver: it returns its handler or throws ConnectionError. */
export type Dialer = () => ApiHandler;

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

/** pathFor builds a REST path: /api/v1/namespaces/ns/pods/name/sub. */
export function pathFor(ref: ResourceRef, namespace?: string, name?: string, sub?: string): string {
  let p = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  if (ref.namespaced && namespace) p += `/namespaces/${namespace}`;
  p += `/${ref.plural}`;
  if (name) p += `/${name}`;
  if (sub) p += `/${sub}`;
  return p;
}

/** toStatusError turns a failed response into a StatusError, synthesising a Status when the body is not one. */
export function toStatusError(resp: ApiResponse): StatusError {
  const b = resp.body as Partial<Status> | undefined;
  if (b && b.kind === 'Status') {
    return new StatusError({ message: b.message, reason: b.reason, details: b.details, code: b.code ?? resp.status });
  }
  return new StatusError({ code: resp.status, message: typeof resp.body === 'string' ? resp.body : 'an error on the server ("unknown") has prevented the request from succeeding', reason: resp.status === 404 ? 'NotFound' : 'InternalError' });
}

/**
 * ApiClient is an API client with one identity: every component (kubectl,
 * controllers, the scheduler, kubelets, graders) talks to the apiserver
 * through one of these, so authentication and RBAC apply to all of them.
 */
export class ApiClient {
  /** onWarning receives each Warning header as it arrives (kubectl prints "Warning: …" at once). */
  onWarning: ((w: string) => void) | undefined;

  constructor(
    private readonly dial: Dialer,
    readonly credentials: Credentials,
    private readonly extraHeaders: Record<string, string | string[]> = {},
  ) {}

  /** withHeaders returns a client that sends more headers (impersonation). */
  withHeaders(h: Record<string, string | string[]>): ApiClient {
    const c = new ApiClient(this.dial, this.credentials, { ...this.extraHeaders, ...h });
    c.onWarning = this.onWarning;
    return c;
  }

  /** raw sends a request and returns the response, whatever its status. Throws ConnectionError. */
  raw(req: ApiRequest): ApiResponse {
    const handler = this.dial();
    // Object.assign rather than spreads: V8 adds properties to a spread copy slowly, and every request of every component passes here.
    const headers = req.headers ? Object.assign({}, this.extraHeaders, req.headers) : Object.assign({}, this.extraHeaders);
    const resp = handler.request(Object.assign({}, req, { headers, credentials: this.credentials }));
    if (resp.warnings?.length && this.onWarning) for (const w of resp.warnings) this.onWarning(w);
    return resp;
  }

  /** call sends a request and returns the body of a 2xx response, or throws StatusError. */
  call<T = unknown>(req: ApiRequest): T {
    const resp = this.raw(req);
    if (resp.status >= 300) throw toStatusError(resp);
    return resp.body as T;
  }

  get(ref: ResourceRef, namespace: string | undefined, name: string, sub?: string): KObject {
    return this.call<KObject>({ method: 'GET', path: pathFor(ref, namespace, name, sub) });
  }

  list(ref: ResourceRef, namespace?: string, opts: ListOptions = {}): KList {
    return this.call<KList>({ method: 'GET', path: pathFor(ref, namespace), query: listQuery(opts) });
  }

  create(ref: ResourceRef, namespace: string | undefined, obj: unknown, opts: WriteOptions = {}, sub?: string, name?: string): KObject {
    return this.call<KObject>({ method: 'POST', path: pathFor(ref, namespace, name, sub), body: obj, query: writeQuery(opts) });
  }

  update(ref: ResourceRef, obj: KObject, opts: WriteOptions = {}, sub?: string): KObject {
    return this.call<KObject>({ method: 'PUT', path: pathFor(ref, obj.metadata.namespace, obj.metadata.name, sub), body: obj, query: writeQuery(opts) });
  }

  updateStatus(ref: ResourceRef, obj: KObject): KObject {
    return this.update(ref, obj, {}, 'status');
  }

  patch(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    type: 'json' | 'merge' | 'strategic' | 'apply',
    patch: unknown,
    opts: WriteOptions & { sub?: string; force?: boolean } = {},
  ): KObject {
    const ct = { json: 'application/json-patch+json', merge: 'application/merge-patch+json', strategic: 'application/strategic-merge-patch+json', apply: 'application/apply-patch+yaml' }[type];
    const query = writeQuery(opts);
    if (opts.force) query.force = 'true';
    return this.call<KObject>({ method: 'PATCH', path: pathFor(ref, namespace, name, opts.sub), body: patch, headers: { 'content-type': ct }, query });
  }

  delete(ref: ResourceRef, namespace: string | undefined, name: string, opts: { gracePeriodSeconds?: number; propagationPolicy?: string; dryRun?: boolean; preconditions?: { uid?: string; resourceVersion?: string } } = {}): unknown {
    const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
    if (opts.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = opts.gracePeriodSeconds;
    if (opts.propagationPolicy) body.propagationPolicy = opts.propagationPolicy;
    if (opts.preconditions) body.preconditions = opts.preconditions;
    if (opts.dryRun) body.dryRun = ['All'];
    return this.call({ method: 'DELETE', path: pathFor(ref, namespace, name), body, query: opts.dryRun ? { dryRun: 'All' } : undefined });
  }

  /** watch starts a watch; it throws StatusError for an error answer and ConnectionError when unreachable. */
  watch(ref: ResourceRef, namespace: string | undefined, opts: ListOptions, onEvent: (e: WatchEvent) => void, onEnd: (reason?: string) => void): WatchStream {
    const handler = this.dial();
    const r = handler.watch(
      { method: 'GET', path: pathFor(ref, namespace), query: { ...listQuery(opts), watch: 'true' }, headers: this.extraHeaders, credentials: this.credentials },
      onEvent,
      onEnd,
    );
    if (isWatchStream(r)) return r;
    throw toStatusError(r);
  }
}

function listQuery(o: ListOptions): Record<string, string> {
  const q: Record<string, string> = {};
  if (o.labelSelector) q.labelSelector = o.labelSelector;
  if (o.fieldSelector) q.fieldSelector = o.fieldSelector;
  if (o.limit) q.limit = String(o.limit);
  if (o.continue) q.continue = o.continue;
  if (o.resourceVersion !== undefined) q.resourceVersion = o.resourceVersion;
  return q;
}

function writeQuery(o: WriteOptions): Record<string, string> {
  const q: Record<string, string> = {};
  if (o.dryRun) q.dryRun = 'All';
  if (o.fieldManager) q.fieldManager = o.fieldManager;
  if (o.fieldValidation) q.fieldValidation = o.fieldValidation;
  return q;
}

/** refOf makes a ResourceRef from apiVersion + plural. */
export function refOf(apiVersion: string, plural: string, namespaced: boolean): ResourceRef {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion, plural, namespaced } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1), plural, namespaced };
}
