import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandler, ApiRequest, Credentials, HttpMethod, WatchStream } from '../../engine/api/transport.ts';
import { isWatchStream } from '../../engine/api/transport.ts';
import { decodeProtobufObject } from './protobuf/decode.ts';
import type { LogFollow } from '../../engine/node/connector.ts';
import { handleExecUpgrade, newStreamServer } from './remote-command.ts';
import type { Duplex } from 'node:stream';

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/** MAX_BODY is the apiserver's request size limit (3 MiB), past which it answers 413. */
export const MAX_BODY = 3 * 1024 * 1024;

function statusBody(code: number, reason: string, message: string): string {
  return JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
}

function queryOf(url: URL): Record<string, string | string[]> {
  const q: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const cur = q[k];
    if (cur === undefined) q[k] = v;
    else q[k] = Array.isArray(cur) ? [...cur, v] : [cur, v];
  }
  return q;
}

function headersOf(req: IncomingMessage): Record<string, string | string[]> {
  const h: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) h[k.toLowerCase()] = v;
  // Impersonate-Group may be repeated; Node joins repeated headers with ", ".
  const groups = req.headersDistinct['impersonate-group'];
  if (groups) h['impersonate-group'] = groups;
  return h;
}

function readBody(req: IncomingMessage): Promise<{ bytes: Buffer } | { tooLarge: true }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? { tooLarge: true } : { bytes: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

/**
 * decodeBody parses a JSON body (or the protobuf body of client-go's typed
 * clients), keeping the raw text when it cannot be read so the apiserver can
 * report it.
 */
function decodeBody(bytes: Buffer, contentType: string): unknown {
  if (bytes.length === 0) return undefined;
  if (contentType.startsWith(PROTOBUF)) {
    const r = decodeProtobufObject(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    return 'error' in r ? r.error : r.value;
  }
  const text = bytes.toString('utf8');
  if (contentType.includes('yaml') && !contentType.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** toApiRequest builds the engine's request: credentials from the TLS peer and the Authorization header, the body decoded. */
function toApiRequest(req: IncomingMessage, url: URL, headers: Record<string, string | string[]>, bytes: Buffer, clientCert?: (req: IncomingMessage) => string | undefined): ApiRequest {
  const creds: Credentials = {};
  const cert = clientCert?.(req);
  if (cert) creds.clientCertPem = cert;
  const auth = String(headers['authorization'] ?? '');
  if (auth.startsWith('Bearer ')) creds.token = auth.slice(7).trim();
  const contentType = String(headers['content-type'] ?? '');
  // The engine works on JSON: a protobuf body is decoded here and handed on as JSON.
  if (contentType.startsWith(PROTOBUF)) headers['content-type'] = 'application/json';
  return {
    method: (req.method ?? 'GET') as HttpMethod,
    path: url.pathname,
    query: queryOf(url),
    headers,
    body: decodeBody(bytes, contentType),
    credentials: creds,
  };
}

/**
 * createUpgradeListener answers connection upgrades: `kubectl exec` over
 * WebSocket (see remote-command.ts); any other upgrade gets the apiserver's
 * refusal as plain HTTP.
 */
export function createUpgradeListener(
  handler: () => ApiHandler | undefined,
  opts: { clientCert?: (req: IncomingMessage) => string | undefined; afterRequest?: () => void } = {},
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const wss = newStreamServer();
  return (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const apiReq = toApiRequest(req, url, headersOf(req), Buffer.alloc(0), opts.clientCert);
    handleExecUpgrade(wss, handler(), req, socket, head, apiReq, () => opts.afterRequest?.());
  };
}

/**
 * createRequestListener maps HTTP requests onto an in-memory ApiHandler: the
 * body is parsed once, credentials come from the TLS peer certificate and the
 * Authorization header, watches stream as newline-delimited JSON events.
 * `afterRequest` lets the caller let simulated time run (it is called after
 * each request and while watches are open).
 */
export function createRequestListener(
  handler: () => ApiHandler | undefined,
  opts: { clientCert?: (req: IncomingMessage) => string | undefined; afterRequest?: () => void; onWatch?: (open: boolean) => void } = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const headers = headersOf(req);
      const body = await readBody(req);
      if ('tooLarge' in body) {
        res.writeHead(413, { 'content-type': 'application/json' });
        res.end(statusBody(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
        return;
      }
      const apiReq = toApiRequest(req, url, headers, body.bytes, opts.clientCert);
      const h = handler();
      if (!h) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(statusBody(503, 'ServiceUnavailable', 'the apiserver is not running'));
        return;
      }
      const watch = apiReq.query?.['watch'];
      if (req.method === 'GET' && (watch === 'true' || watch === '1')) {
        serveWatch(h, apiReq, res, opts);
        return;
      }
      const out = h.request(apiReq);
      opts.afterRequest?.();
      const isText = typeof out.body === 'string';
      const head: Record<string, string | string[]> = { 'content-type': out.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json'), 'cache-control': 'no-cache, private' };
      if (out.warnings?.length) head['warning'] = out.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
      res.writeHead(out.status, head);
      const follow = (out as Partial<LogFollow>).follow;
      if (typeof follow === 'function' && out.status === 200) {
        // kubectl logs -f: the text so far, then new output as the container writes it, until the client hangs up.
        res.write(String(out.body));
        const stop = follow.call(out, (chunk) => res.write(chunk));
        res.on('close', () => stop());
        return;
      }
      res.end(isText ? out.body : JSON.stringify(out.body));
    })().catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(statusBody(500, 'InternalError', `Internal error occurred: ${(err as Error).message}`));
    });
  };
}

function serveWatch(h: ApiHandler, apiReq: ApiRequest, res: ServerResponse, opts: { afterRequest?: () => void; onWatch?: (open: boolean) => void }): void {
  let stream: WatchStream | undefined;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    opts.onWatch?.(false);
    res.end();
  };
  const r = h.watch(
    apiReq,
    (e) => {
      if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      res.write(`${JSON.stringify(e)}\n`);
    },
    () => end(),
  );
  if (!isWatchStream(r)) {
    res.writeHead(r.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(r.body));
    return;
  }
  stream = r;
  opts.onWatch?.(true);
  if (!res.headersSent) {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    res.flushHeaders();
  }
  res.on('close', () => {
    stream?.stop();
    end();
  });
  opts.afterRequest?.();
}
