import type { ApiHandler } from '../../api/transport.ts';
import { NetError, type HttpHandler, type HttpResponse, type Listener } from '../../host/net.ts';
import type { Process } from '../../host/process.ts';
import { download } from '../../host/downloads.ts';
import { formatNameSlashed, parseCertificatesPem, verifyServerCertificate } from '../../pki/index.ts';
import { lookupHost, peerOf } from './resolv.ts';

/** ParsedUrl is a URL as curl and wget split it. */
export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** path with query */
  path: string;
  /** host[:port] as the Host header carries it */
  hostHeader: string;
}

/** parseUrl reads "web", "http://web:8080/x", "https://1.2.3.4/"; undefined for a scheme curl does not speak. */
export function parseUrl(text: string): ParsedUrl | { badScheme: string } | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([/?][^#]*)?/.exec(text.trim());
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { badScheme: m[1]! };
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (path.startsWith('?')) path = `/${path}`;
  const defaultPort = scheme === 'https' ? 443 : 80;
  return { scheme, host: m[2], port, path, hostHeader: port === defaultPort ? m[2] : `${m[2]}:${port}` };
}

/** TlsOptions are the client's TLS settings. */
export interface TlsOptions {
  insecure: boolean;
  caPem?: string;
  certPem?: string;
  keyPem?: string;
}

/** Exchange is the result of one HTTP request. */
export type Exchange =
  | { ok: true; ip: string; response: HttpResponse; tlsSubject?: string; verifyNote?: string }
  | { ok: false; ip?: string; error: 'resolve' | 'refused' | 'timeout' | 'dns-timeout' | 'tls-verify' | 'tls-wrong-version' | 'plain-to-tls' | 'empty'; detail?: string; waitedMs?: number };

/** CONNECT_TIMEOUT_MS is how long Linux retries SYNs before a dial to a silent address fails (tcp_syn_retries=6). */
export const CONNECT_TIMEOUT_MS = 133_000;

function verifyProblem(pem: string, opts: TlsOptions, p: Process, host: string): string | undefined {
  const ca = opts.caPem ?? defaultTrust(p);
  const problem = verifyServerCertificate(pem, ca, host, p.sys.runtime.now);
  if (!problem) return undefined;
  if (/unknown authority/.test(problem)) {
    const chain = safeChain(pem);
    const self = chain.length === 1 && chain[0]!.subject.length > 0 && JSON.stringify(chain[0]!.subject) === JSON.stringify(chain[0]!.issuer);
    return self ? 'self-signed certificate' : 'unable to get local issuer certificate';
  }
  if (/expired|not yet valid/.test(problem)) return 'certificate has expired';
  if (/valid for|IP SANs|any names/.test(problem)) return `hostname:${problem}`;
  return 'unable to get local issuer certificate';
}

function safeChain(pem: string) {
  try {
    return parseCertificatesPem(pem);
  } catch {
    return [];
  }
}

function defaultTrust(p: Process): string {
  try {
    return p.fs.readFile('/etc/ssl/certs/ca-certificates.crt');
  } catch {
    return '';
  }
}

/** apiAsHttp lets curl talk to a kube-apiserver listener: the request is passed through as an API request. */
function apiAsHttp(api: ApiHandler, method: string, path: string, headers: Record<string, string>, body: string, certPem: string | undefined): HttpResponse {
  const [p, q] = path.split('?');
  const query: Record<string, string> = {};
  for (const kv of (q ?? '').split('&').filter(Boolean)) {
    const [k, v] = kv.split('=');
    query[decodeURIComponent(k!)] = decodeURIComponent(v ?? '');
  }
  const auth = headers['authorization'] ?? '';
  const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
  let parsed: unknown = body || undefined;
  try {
    if (body) parsed = JSON.parse(body);
  } catch {
    parsed = body;
  }
  const r = api.request({ method: method.toUpperCase() as 'GET', path: p!, query, headers, body: parsed, credentials: { clientCertPem: certPem, token } });
  const text = typeof r.body === 'string' ? r.body : `${JSON.stringify(r.body, null, 2)}`;
  const type = r.contentType ?? (typeof r.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json');
  return { status: r.status, headers: { 'audit-id': '00000000-0000-0000-0000-000000000000', 'cache-control': 'no-cache, private', 'content-type': type, 'content-length': String(text.length) }, body: text };
}

/** MIRROR_IP is the address the offline mirror answers from (a public CDN's). */
const MIRROR_IP = '185.199.108.133';

/**
 * exchange sends one request over the lab network: name resolution, the dial
 * (kube-proxy and NetworkPolicy take part), the TLS handshake checks, then
 * the listener's handler.
 */
export async function exchange(
  p: Process,
  url: ParsedUrl,
  req: { method: string; headers: Record<string, string>; body: string },
  tls: TlsOptions,
  resolveTo?: string,
): Promise<Exchange> {
  const mirrored = download(`${url.scheme}://${url.hostHeader}${url.path}`);
  if (mirrored !== undefined && req.method === 'GET') {
    // A release manifest from the lab's offline mirror, as its CDN would serve it.
    const response = { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-length': String(mirrored.length) }, body: mirrored };
    return { ok: true, ip: MIRROR_IP, response, tlsSubject: url.scheme === 'https' ? `CN=${url.host}` : undefined };
  }
  const found = resolveTo ? { ip: resolveTo } : lookupHost(p, url.host.replace(/^\[|\]$/g, ''));
  if ('error' in found) return found.error === 'timeout' ? { ok: false, error: 'dns-timeout', waitedMs: found.waitedMs } : { ok: false, error: 'resolve' };
  const ip = found.ip;
  let listener: Listener;
  try {
    listener = p.sys.net.dial(peerOf(p), ip, url.port);
  } catch (e) {
    if (e instanceof NetError) return { ok: false, ip, error: e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' ? 'refused' : 'timeout' };
    throw e;
  }
  const headers = { ...req.headers };
  let subject: string | undefined;
  let verifyNote: string | undefined;
  if (url.scheme === 'https') {
    if (!listener.tls) return { ok: false, ip, error: 'tls-wrong-version' };
    const chain = safeChain(listener.tls.certPem);
    subject = chain[0] ? formatNameSlashed(chain[0].subject).slice(1).split('/').join('; ') : undefined;
    const problem = verifyProblem(listener.tls.certPem, tls, p, url.host);
    if (problem && !tls.insecure) return { ok: false, ip, error: 'tls-verify', detail: problem };
    if (problem && !problem.startsWith('hostname:')) verifyNote = problem;
  } else if (listener.tls) {
    return { ok: false, ip, error: 'plain-to-tls' };
  }
  const from = peerOf(p);
  if (listener.protocol === 'kube-api') {
    return { ok: true, ip, response: apiAsHttp(listener.handler as ApiHandler, req.method, url.path, headers, req.body, url.scheme === 'https' ? tls.certPem : undefined), tlsSubject: subject, verifyNote };
  }
  if (listener.protocol !== 'http') return { ok: false, ip, error: 'empty' };
  const response = await (listener.handler as HttpHandler).handle({ method: req.method, path: url.path, headers, body: req.body, host: headers['host'] ?? url.hostHeader, tls: url.scheme === 'https' }, from);
  return { ok: true, ip, response, tlsSubject: subject, verifyNote };
}

/** REASONS are the reason phrases of the status line. */
export const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Timeout',
};

/** reasonOf is the response's reason phrase. */
export function reasonOf(r: HttpResponse): string {
  return r.statusText ?? REASONS[r.status] ?? '';
}

/** SPELLED are headers servers spell other than word by word capitalised. */
const SPELLED: Record<string, string> = { etag: 'ETag', 'www-authenticate': 'WWW-Authenticate', 'x-xss-protection': 'X-XSS-Protection', 'content-md5': 'Content-MD5' };

/** headerName capitalises a header as servers send it (Content-Type, ETag). */
export function headerName(lower: string): string {
  return SPELLED[lower] ?? lower.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());
}
