import type { HttpHandler, TcpHandler } from '../../../host/net.ts';
import type { Process } from '../../../host/process.ts';

/**
 * untilStopped resolves once the container's process is signalled (the
 * runtime's stop or kill), after onStop has released what it holds.
 */
export function untilStopped(p: Process, onStop: () => void): Promise<number> {
  return new Promise((resolve) => {
    p.signal.onInterrupt(() => {
      onStop();
      resolve(0);
    });
  });
}

/** listenHttp binds an HTTP server on every address of the container's network namespace. */
export function listenHttp(p: Process, port: number, handler: HttpHandler): { close(): void } {
  return p.sys.net.listen(p.hostname, '0.0.0.0', port, { protocol: 'http', handler });
}

/** listenTcp binds a plain TCP server (redis, mysql, postgres) on every address of the container. */
export function listenTcp(p: Process, port: number, handler: TcpHandler): { close(): void } {
  return p.sys.net.listen(p.hostname, '0.0.0.0', port, { protocol: 'tcp', handler });
}

/** logTime is the "2026/01/05 09:00:05" stamp nginx and httpd-like daemons print. */
export function logTime(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** clfTime is the common log format stamp: 05/Jan/2026:09:00:05 +0000. */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** httpDate is the Date header's form: Mon, 05 Jan 2026 09:00:05 GMT. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** readOr reads a file of the container, or undefined when it is missing. */
export function readOr(p: Process, path: string): string | undefined {
  try {
    return p.fs.readFile(path);
  } catch {
    return undefined;
  }
}
