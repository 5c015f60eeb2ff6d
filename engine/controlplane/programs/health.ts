import type { Process } from '../../host/process.ts';
import type { HttpRequest } from '../../host/net.ts';

const OK = { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }, body: 'ok' };
const NOT_FOUND = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };

/**
 * serveHealth is a component's secure port (kube-controller-manager 10257,
 * kube-scheduler 10259) as the kubelet's probes and `curl -k` meet it:
 * /healthz, /livez and /readyz answer "ok" while the component runs. The
 * port and address come from --secure-port and --bind-address; a port
 * already taken is the real bind error.
 */
export function serveHealth(p: Process, flags: { get(name: string): string | undefined }, defaultPort: number): { close(): void } | { error: string } {
  const port = Number(flags.get('secure-port') ?? defaultPort);
  if (port === 0) return { close() {} };
  const address = flags.get('bind-address') ?? '0.0.0.0';
  try {
    return p.sys.net.listen(p.hostname, address, port, {
      protocol: 'http',
      handler: { handle: (req: HttpRequest) => (['/healthz', '/livez', '/readyz'].includes(req.path.split('?')[0]!) ? OK : NOT_FOUND) },
    });
  } catch {
    return { error: `failed to create listener: failed to listen on ${address}:${port}: listen tcp ${address}:${port}: bind: address already in use` };
  }
}
