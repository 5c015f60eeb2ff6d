/**
 * Serves a fresh lab apiserver over plain HTTP on 127.0.0.1 for the recording
 * scripts: the real kubectl needs API discovery for some client-side output
 * (kubectl run, create role, expose). Only kubectl's own texts are recorded.
 */
import { createServer, type Server } from 'node:http';
import { testApiServer } from '../../../engine/apiserver/testing/harness.ts';

/** serveApi starts the server; kubeconfig is a file naming it with the admin token. */
export async function serveApi(): Promise<{ url: string; server: Server; api: ReturnType<typeof testApiServer> }> {
  const api = testApiServer();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const query: Record<string, string> = {};
      u.searchParams.forEach((v, k) => (query[k] = v));
      const text = Buffer.concat(chunks).toString();
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      // the response goes out as plain JSON, so ask for the plain (unaggregated) discovery documents
      if (u.pathname === '/api' || u.pathname === '/apis') delete headers.accept;
      const r = api.server.request({ method: req.method as 'GET', path: u.pathname, query, headers, body, credentials: { token: 'admin' } });
      api.runtime.settle();
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(r.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, server, api };
}

/** kubeconfigFor is a kubeconfig text pointing at url. */
export function kubeconfigFor(url: string): string {
  return `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: ${url}\n  name: lab\ncontexts:\n- context:\n    cluster: lab\n    user: admin\n  name: lab\ncurrent-context: lab\nusers:\n- name: admin\n  user:\n    token: admin\n`;
}
