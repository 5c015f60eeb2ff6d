import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiHandler, ApiRequest, ApiResponse } from '../../engine/api/transport.ts';
import { Channel } from '../../engine/host/streams.ts';
import type { ExecSession } from '../../engine/node/connector.ts';

/**
 * The remote-command protocol of `kubectl exec` over WebSocket (what kubectl
 * 1.30+ speaks by default): every binary message starts with a stream byte —
 * 0 stdin, 1 stdout, 2 stderr, 3 the final Status, 4 terminal resize — and
 * v5 adds 255, the client closing one of its streams.
 */
export const STREAM_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

const EXEC_PATH = /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/(exec|attach)$/;

/** exitStatus is the Status the kubelet sends on the error stream when the command ends. */
export function exitStatus(code: number, command: string[]): object {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

function refuse(socket: Duplex, res: ApiResponse): void {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  const type = typeof res.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  const reason = res.status === 403 ? 'Forbidden' : res.status === 404 ? 'Not Found' : res.status === 401 ? 'Unauthorized' : 'Bad Request';
  socket.end(`HTTP/1.1 ${res.status} ${reason}\r\ncontent-type: ${type}\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
}

/**
 * handleExecUpgrade answers a WebSocket upgrade of pods/exec: the apiserver
 * authorizes it as `create pods/exec` (as the real one does for WebSocket
 * upgrades), the kubelet's exec session is wired to the socket's streams, and
 * the exit status travels on stream 3 before the socket closes. Anything
 * else asking for an upgrade gets the apiserver's answer as plain HTTP.
 */
export function handleExecUpgrade(
  wss: WebSocketServer,
  handler: ApiHandler | undefined,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  apiReq: ApiRequest,
  tick: () => void,
): void {
  if (!handler) return refuse(socket, { status: 503, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the apiserver is not running', reason: 'ServiceUnavailable', code: 503 } });
  // The apiserver answers first: a refusal (RBAC, no such pod or container) reaches kubectl as an HTTP error,
  // whichever protocol it asked for (it retries a failed WebSocket upgrade over SPDY).
  const res = handler.request({ ...apiReq, method: 'POST' });
  tick();
  if (res.status !== 101) return refuse(socket, res);
  if (!EXEC_PATH.test(apiReq.path)) {
    return refuse(socket, { status: 400, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `upgrade request not supported for ${apiReq.path}`, reason: 'BadRequest', code: 400 } });
  }
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const protocol = STREAM_PROTOCOLS.find((p) => offered.includes(p));
  if (!protocol) {
    return refuse(socket, { status: 400, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `unable to upgrade: no supported protocol among ${JSON.stringify(offered)}`, reason: 'BadRequest', code: 400 } });
  }
  const session = res.body as ExecSession;
  const command = ([] as string[]).concat(apiReq.query?.['command'] ?? []);
  const tty = apiReq.query?.['tty'] === 'true';
  wss.handleUpgrade(req, socket, head, (ws) => runSession(ws, protocol, session, command, tty));
}

function runSession(ws: WebSocket, protocol: string, session: ExecSession, command: string[], tty: boolean): void {
  const stdin = new Channel();
  const send = (stream: number, text: string) => {
    if (ws.readyState !== ws.OPEN || text === '') return;
    ws.send(Buffer.concat([Buffer.from([stream]), Buffer.from(text, 'utf8')]));
  };
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const bytes = isBinary ? data : Buffer.from(data.toString(), 'utf8');
    if (bytes.length === 0) return;
    if (bytes[0] === STDIN) stdin.write(bytes.subarray(1).toString('utf8'));
    else if (bytes[0] === CLOSE && protocol === 'v5.channel.k8s.io' && bytes[1] === STDIN) stdin.close();
  });
  ws.on('close', () => stdin.close());
  void session
    .run({ stdin, stdout: { isTTY: tty, write: (s) => send(STDOUT, s) }, stderr: { isTTY: tty, write: (s) => send(STDERR, s) } })
    .catch(() => 1)
    .then((code) => {
      send(ERROR, JSON.stringify(exitStatus(code, command)));
      ws.close(1000);
    });
}

/** newStreamServer is the WebSocket endpoint (no listening socket of its own: it takes upgrades from the HTTPS server). */
export function newStreamServer(): WebSocketServer {
  return new WebSocketServer({ noServer: true, handleProtocols: (protocols) => STREAM_PROTOCOLS.find((p) => protocols.has(p)) ?? false });
}
