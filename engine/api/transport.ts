/**
 * The wire between API clients and the apiserver: REST-shaped requests and
 * responses carried in memory. The HTTP facade (`kubelab serve`) maps real
 * HTTP onto exactly these, so the in-process path and the network path share
 * one apiserver.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Credentials are what a client presents: a TLS client certificate and/or an Authorization header. */
export interface Credentials {
  /** PEM of the client certificate presented in the TLS handshake (already verified to be held by the client). */
  clientCertPem?: string;
  /** bearer token from "Authorization: Bearer …" */
  token?: string;
  /** basic auth is not supported by modern apiservers; kept to answer it with 401 */
  basic?: { username: string; password: string };
}

export interface ApiRequest {
  method: HttpMethod;
  /** path without query, e.g. /api/v1/namespaces/default/pods */
  path: string;
  query?: Record<string, string | string[]>;
  /**
   * headers with lower-case names: content-type (selects the patch type), accept
   * (Table output), user-agent, impersonate-user, impersonate-group (string[]).
   */
  headers?: Record<string, string | string[]>;
  /** body: a parsed JSON value, or the raw text when it could not be parsed (the apiserver reports the error). */
  body?: unknown;
  credentials?: Credentials;
}

export interface ApiResponse {
  status: number;
  /** a JSON value (an object, a list, a Table, a Status) or plain text (logs, healthz) */
  body: unknown;
  /** content-type of body: application/json unless text/plain */
  contentType?: string;
  /** Warning headers ("299 - …" texts without the code), printed by kubectl as "Warning: …" */
  warnings?: string[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: unknown;
}

export interface WatchStream {
  stop(): void;
}

/**
 * ApiHandler is what listens on the apiserver's port. request is synchronous:
 * the simulated apiserver answers at once; watch delivers events later,
 * from the runtime's queue.
 */
export interface ApiHandler {
  request(req: ApiRequest): ApiResponse;
  /** watch answers with an error response, or starts a stream that ends with onEnd. */
  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void, onEnd: (reason?: string) => void): ApiResponse | WatchStream;
}

/** isWatchStream tells a started stream from an error response. */
export function isWatchStream(x: ApiResponse | WatchStream): x is WatchStream {
  return typeof (x as WatchStream).stop === 'function';
}

/** queryValue reads a single query parameter (the first, when repeated). */
export function queryValue(req: ApiRequest, name: string): string | undefined {
  const v = req.query?.[name];
  return Array.isArray(v) ? v[0] : v;
}

/** headerValue reads a header by lower-case name (the first, when repeated). */
export function headerValue(req: ApiRequest, name: string): string | undefined {
  const v = req.headers?.[name];
  return Array.isArray(v) ? v[0] : v;
}
