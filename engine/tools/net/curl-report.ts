import type { HttpResponse } from '../../host/net.ts';
import type { Process } from '../../host/process.ts';
import type { CurlOptions } from './curl-args.ts';
import type { Flavour } from './flavour.ts';
import { CONNECT_TIMEOUT_MS, headerName, reasonOf, type Exchange, type ParsedUrl } from './http.ts';

/** Reported is what one exchange comes to: curl's exit code and message, the response. */
export interface Reported {
  code: number;
  message?: string;
  response?: HttpResponse;
  ip?: string;
  /** how long curl waited before it gave up (timeouts), which its progress meter shows */
  spentMs?: number;
}

/** vlog writes one -v line to stderr. */
export function vlog(p: Process, o: CurlOptions, line: string): void {
  if (o.verbose) p.stderr.write(`${line}\n`);
}

/** report turns an exchange into curl's verbose lines and its exit code; it waits out timeouts in simulated time. */
export async function report(p: Process, o: CurlOptions, fl: Flavour, url: ParsedUrl, method: string, headers: Record<string, string>, ex: Exchange): Promise<Reported> {
  const limitMs = Math.min(o.maxTimeS !== undefined && o.maxTimeS > 0 ? o.maxTimeS * 1000 : Infinity, o.connectTimeoutS !== undefined && o.connectTimeoutS > 0 ? o.connectTimeoutS * 1000 : Infinity);
  const wait = async (ms: number) => p.sys.sleep(ms, p.signal);
  if (!ex.ok && (ex.error === 'resolve' || ex.error === 'dns-timeout')) {
    if (ex.error === 'dns-timeout') {
      const waited = Math.min(limitMs, ex.waitedMs ?? 10_000);
      if (!(await wait(waited))) return { code: 130 };
      if (waited < (ex.waitedMs ?? 10_000)) return { code: 28, message: `Resolving timed out after ${waited} milliseconds`, spentMs: waited };
    }
    vlog(p, o, `* Could not resolve host: ${url.host}`);
    vlog(p, o, fl.curlV8 ? `* shutting down connection #0` : `* Closing connection 0`);
    return { code: 6, message: `Could not resolve host: ${url.host}` };
  }
  const ip = ex.ip!;
  if (fl.curlV8 && o.verbose) {
    vlog(p, o, `* Host ${url.host}:${url.port} was resolved.`);
    vlog(p, o, `* IPv6: (none)`);
    vlog(p, o, `* IPv4: ${ip}`);
  }
  vlog(p, o, `*   Trying ${ip}:${url.port}...`);
  if (!ex.ok && ex.error === 'refused') {
    const why = fl.curlModernErrors ? "Couldn't connect to server" : 'Connection refused';
    vlog(p, o, `* connect to ${ip} port ${url.port} failed: Connection refused`);
    vlog(p, o, `* Failed to connect to ${url.host} port ${url.port} after 0 ms: ${why}`);
    vlog(p, o, fl.curlV8 ? `* closing connection #0` : `* Closing connection 0`);
    return { code: 7, ip, message: `Failed to connect to ${url.host} port ${url.port} after 0 ms: ${why}` };
  }
  if (!ex.ok && ex.error === 'timeout') {
    if (limitMs < CONNECT_TIMEOUT_MS) {
      if (!(await wait(limitMs + 1))) return { code: 130 };
      const msg = `Connection timed out after ${limitMs + 1} milliseconds`;
      vlog(p, o, `* ${msg}`);
      vlog(p, o, fl.curlV8 ? `* closing connection #0` : `* Closing connection 0`);
      return { code: 28, ip, message: msg, spentMs: limitMs + 1 };
    }
    if (!(await wait(CONNECT_TIMEOUT_MS))) return { code: 130 };
    const why = fl.curlModernErrors ? "Couldn't connect to server" : 'Connection timed out';
    vlog(p, o, `* connect to ${ip} port ${url.port} failed: Connection timed out`);
    vlog(p, o, `* Failed to connect to ${url.host} port ${url.port} after ${CONNECT_TIMEOUT_MS} ms: ${why}`);
    return { code: 28, ip, message: `Failed to connect to ${url.host} port ${url.port} after ${CONNECT_TIMEOUT_MS} ms: ${why}`, spentMs: CONNECT_TIMEOUT_MS };
  }
  vlog(p, o, fl.curlV8 ? `* Connected to ${url.host} (${ip}) port ${url.port}` : `* Connected to ${url.host} (${ip}) port ${url.port} (#0)`);
  if (url.scheme === 'https') {
    vlog(p, o, '* ALPN, offering h2\n* ALPN, offering http/1.1');
    if (!ex.ok && ex.error === 'tls-wrong-version') {
      return { code: 35, ip, message: `${fl.curlModernErrors ? 'OpenSSL/3.0.15: ' : ''}error:0A00010B:SSL routines::wrong version number` };
    }
    vlog(p, o, '*  CAfile: /etc/ssl/certs/ca-certificates.crt\n*  CApath: /etc/ssl/certs');
    vlog(p, o, '* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n* TLSv1.3 (IN), TLS handshake, Server hello (2):\n* TLSv1.3 (IN), TLS handshake, Certificate (11):');
    if (!ex.ok && ex.error === 'tls-verify') {
      const d = ex.detail ?? '';
      if (d.startsWith('hostname:')) return { code: 60, ip, message: `SSL: no alternative certificate subject name matches target host name '${url.host}'` };
      return { code: 60, ip, message: `SSL certificate problem: ${d}` };
    }
    vlog(p, o, '* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256');
    if (ex.ok && ex.tlsSubject) vlog(p, o, `* Server certificate:\n*  subject: ${ex.tlsSubject}`);
    const codes: Record<string, number> = { 'self-signed certificate': 18, 'unable to get local issuer certificate': 20, 'certificate has expired': 10 };
    if (ex.ok && ex.verifyNote) vlog(p, o, `*  SSL certificate verify result: ${ex.verifyNote} (${codes[ex.verifyNote] ?? 20}), continuing anyway.`);
    else if (ex.ok) vlog(p, o, '*  SSL certificate verify ok.');
  }
  if (!ex.ok && ex.error === 'plain-to-tls') return { code: 52, ip, message: 'Empty reply from server' };
  if (!ex.ok) return { code: 52, ip, message: 'Empty reply from server' };
  if (fl.curlV8) vlog(p, o, '* using HTTP/1.x');
  vlog(p, o, `> ${method} ${url.path} HTTP/1.1`);
  for (const [k, v] of Object.entries(headers)) vlog(p, o, `> ${headerName(k)}: ${v}`);
  vlog(p, o, '> ');
  if (fl.curlV8) vlog(p, o, '* Request completely sent off');
  else if (!fl.curlModernErrors) vlog(p, o, '* Mark bundle as not supporting multiuse');
  const r = ex.response;
  vlog(p, o, `< HTTP/1.1 ${r.status} ${reasonOf(r)}`);
  for (const [k, v] of Object.entries(r.headers)) vlog(p, o, `< ${headerName(k)}: ${v}`);
  vlog(p, o, '< ');
  return { code: 0, ip, response: r };
}
