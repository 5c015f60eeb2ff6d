import type { HttpMethod } from '../../../../api/transport.ts';
import type { HttpHandler, HttpRequest, HttpResponse } from '../../../../host/net.ts';
import type { CommandDef, RunContext } from '../../cli/command.ts';
import { waitForInterrupt } from '../port-forward/port-forward.ts';
import { proxyHelp } from './texts.ts';

/** JSON is how the apiserver's answers travel back through the proxy (kubectl proxy passes them through). */
function toHttp(status: number, body: unknown): HttpResponse {
  const text = typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`;
  return { status, headers: { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' }, body: text };
}

/**
 * proxyHandler forwards HTTP requests under --api-prefix to the apiserver with
 * kubectl's credentials, as `kubectl proxy` does.
 */
export function proxyHandler(c: RunContext, apiPrefix: string): HttpHandler {
  const prefix = apiPrefix.replace(/\/$/, '');
  return {
    handle(req: HttpRequest): HttpResponse {
      const [rawPath, rawQuery = ''] = req.path.split('?') as [string, string?];
      if (!rawPath.startsWith(`${prefix}/`) && rawPath !== prefix) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
      const path = rawPath.slice(prefix.length) || '/';
      const query: Record<string, string> = {};
      for (const kv of rawQuery.split('&').filter(Boolean)) {
        const [k, v = ''] = kv.split('=');
        query[decodeURIComponent(k!)] = decodeURIComponent(v);
      }
      let body: unknown;
      if (req.body) {
        try {
          body = JSON.parse(req.body);
        } catch {
          body = req.body;
        }
      }
      try {
        const r = c.f.client().raw({ method: req.method.toUpperCase() as HttpMethod, path, query, body, headers: req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {} });
        return toHttp(r.status, r.body);
      } catch (e) {
        return { status: 502, headers: {}, body: `${(e as Error).message}\n` };
      }
    },
  };
}

async function run(c: RunContext): Promise<number> {
  const port = c.flag<number>('port');
  const address = c.flag<string>('address');
  c.f.config();
  const actual = port === 0 ? 37851 : port;
  const bound = c.proc.sys.net.listen(c.proc.hostname, address === 'localhost' ? '127.0.0.1' : address, actual, { protocol: 'http', handler: proxyHandler(c, c.flag<string>('api-prefix') || '/') });
  c.out(`Starting to serve on ${address}:${actual}\n`);
  const code = await waitForInterrupt(c);
  bound.close();
  return code;
}

/** proxyCommand is `kubectl proxy`: the apiserver on a local plain-HTTP port, until Ctrl-C. */
export const proxyCommand: CommandDef = { name: 'proxy', group: 'Troubleshooting and Debugging Commands', ...proxyHelp, run };
