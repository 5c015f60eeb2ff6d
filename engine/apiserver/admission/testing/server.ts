import type { ApiRequest, ApiResponse } from '../../../api/transport.ts';
import { testApiServer } from '../../testing/harness.ts';
import type { AdmissionPlugin } from '../types.ts';

/** AdmissionServer is a test apiserver with some admission plugins and a few helpers. */
export interface AdmissionServer {
  server: ReturnType<typeof testApiServer>['server'];
  runtime: ReturnType<typeof testApiServer>['runtime'];
  /** call sends a request as the given token user ("admin" is in system:masters). */
  call(method: ApiRequest['method'], path: string, body?: unknown, token?: string, headers?: Record<string, string>): ApiResponse;
  /** create POSTs obj to path as admin and returns the response. */
  create(path: string, body: unknown): ApiResponse;
  /** message is the Status message of a response ('' for success). */
  message(r: ApiResponse): string;
}

/** admissionServer starts a test apiserver running plugins, with the namespaces given already created. */
export function admissionServer(plugins: AdmissionPlugin[], namespaces: string[] = ['default']): AdmissionServer {
  const h = testApiServer({ admission: plugins });
  const call = (method: ApiRequest['method'], path: string, body?: unknown, token = 'admin', headers?: Record<string, string>) =>
    h.server.request({ method, path, body, credentials: { token }, ...(headers ? { headers } : {}) });
  for (const ns of namespaces) call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  return {
    server: h.server,
    runtime: h.runtime,
    call,
    create: (path, body) => call('POST', path, body),
    message: (r) => (r.status < 300 ? '' : String((r.body as { message?: string }).message)),
  };
}
