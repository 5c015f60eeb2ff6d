import type { ApiHandler, ApiRequest, ApiResponse } from '../../../api/transport.ts';
import { isWatchStream } from '../../../api/transport.ts';
import { klogHeader } from '../../../base/klog.ts';
import type { Process } from '../../../host/process.ts';

/**
 * What kubectl writes to stderr at -v=N (klog info lines): at 1 and above
 * client-go's feature gates, at 6 and above the kubeconfig it loaded and one
 * "Response" line per API request (round_trippers.go), and the Status of a
 * failed request before its error.
 */

/** kubectlPid is the process id kubectl's klog lines carry. */
export function kubectlPid(p: Process): number {
  return 1000 + (p.argv.length % 97);
}

function info(p: Process, file: string, msg: string): void {
  p.stderr.write(`${klogHeader('I', p.sys.runtime.now, kubectlPid(p), file)}${msg}\n`);
}

/** client-go 1.33's feature gates and their defaults, as envvar.go logs them when the client starts. */
const FEATURE_GATES: [string, boolean][] = [
  ['InformerResourceVersion', false],
  ['InOrderInformers', true],
  ['WatchListClient', false],
  ['ClientsAllowCBOR', false],
  ['ClientsPreferCBOR', false],
];

/** logFeatureGates is the client's start at -v=1 and above. */
export function logFeatureGates(p: Process): void {
  for (const [name, on] of FEATURE_GATES) info(p, 'envvar.go:172', `"Feature gate default state" feature="${name}" enabled=${on}`);
}

/** logConfigLoaded is loader.go's line for each kubeconfig file read (-v=6). */
export function logConfigLoaded(p: Process, path: string): void {
  info(p, 'loader.go:402', `Config loaded from file:  ${path}`);
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 409: 'Conflict', 410: 'Gone', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** queryEscape is Go's url.QueryEscape. */
function queryEscape(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** urlOf is the request's URL as Go prints it: url.Values.Encode sorts the parameters by name. */
function urlOf(server: string, req: ApiRequest): string {
  const pairs: string[] = [];
  for (const k of Object.keys(req.query ?? {}).sort()) {
    const v = req.query![k]!;
    for (const x of Array.isArray(v) ? v : [v]) pairs.push(`${queryEscape(k)}=${queryEscape(x)}`);
  }
  return `${server.replace(/\/$/, '')}${req.path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

function logResponse(p: Process, server: string, req: ApiRequest, status: number): void {
  info(p, 'round_trippers.go:632', `"Response" verb="${req.method}" url="${urlOf(server, req)}" status="${status} ${STATUS_TEXT[status] ?? ''}" milliseconds=0`);
}

/** loggingHandler is the apiserver as kubectl reaches it at -v=6 and above: each request logged once answered. */
export function loggingHandler(h: ApiHandler, server: string, p: Process): ApiHandler {
  return {
    request(req: ApiRequest): ApiResponse {
      const res = h.request(req);
      logResponse(p, server, req, res.status);
      return res;
    },
    watch(req, onEvent, onEnd) {
      const res = h.watch(req, onEvent, onEnd);
      logResponse(p, server, req, isWatchStream(res) ? 200 : res.status);
      return res;
    },
  };
}

/** logStatus is helpers.go's line before a failed request's error: the Status object, printed through a stray %s. */
export function logStatus(p: Process, status: Record<string, unknown>): void {
  info(p, 'helpers.go:246', `server response object: %s[${JSON.stringify(inFieldOrder(status, STATUS_FIELDS), null, 2)}]`);
}

/** The fields of metav1.Status and StatusDetails in the order encoding/json writes them. */
const STATUS_FIELDS = ['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'details', 'code'];
const DETAILS_FIELDS = ['name', 'group', 'kind', 'uid', 'causes', 'retryAfterSeconds'];

function inFieldOrder(o: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of fields) {
    if (o[k] === undefined) continue;
    out[k] = k === 'details' ? inFieldOrder(o[k] as Record<string, unknown>, DETAILS_FIELDS) : o[k];
  }
  return out;
}
