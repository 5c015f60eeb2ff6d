import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.yaml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * CSP is the Content-Security-Policy of the built app: scripts and workers only
 * from the app itself (no inline script), no network beyond it but reading
 * workshop packs over https, styles inline
 * for Monaco and xterm. Pack text and object names are rendered as text, and
 * this policy is the second line of defence.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // Workshop packs may be read from any https URL (?pack=…): as text, never as code.
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** serveWeb serves the built app (dist/) on localhost and resolves with its URL. */
export function serveWeb(opts: { port: number; root?: string; host?: string }): Promise<string> {
  const root = opts.root ?? 'dist';
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html not found: run "npm run build" first`);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(normalize(root)) || !existsSync(file) || statSync(file).isDirectory()) {
      path = '/index.html';
      file = join(root, 'index.html');
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve(`http://localhost:${opts.port}/`));
  });
}
