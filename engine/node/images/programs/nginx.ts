import type { HttpRequest, HttpResponse, Peer } from '../../../host/net.ts';
import type { Process, Program } from '../../../host/process.ts';
import { execIn } from './exec.ts';
import { clfTime, httpDate, listenHttp, logTime, readOr, untilStopped } from './serve.ts';

/** NGINX_INDEX is the stock /usr/share/nginx/html/index.html of the nginx image. */
export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** NGINX_DEFAULT_CONF is /etc/nginx/conf.d/default.conf of the image (the parts the server reads: listen, root). */
export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

function errorPage(status: number, text: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** serverConf reads listen ports and the root of the first server block of conf.d (defaults: 80, the html dir). */
function serverConf(p: Process): { ports: number[]; root: string } {
  const conf = readOr(p, '/etc/nginx/conf.d/default.conf') ?? '';
  const ports = [...conf.matchAll(/^\s*listen\s+(\d+)/gm)].map((m) => Number(m[1]));
  const root = /^\s*root\s+([^;\s]+);/m.exec(conf)?.[1] ?? '/usr/share/nginx/html';
  return { ports: ports.length > 0 ? [...new Set(ports)] : [80], root };
}

/** MIME_TYPES are the common entries of nginx's mime.types, by file extension. */
const MIME_TYPES: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript', json: 'application/json', xml: 'text/xml', png: 'image/png', jpg: 'image/jpeg', svg: 'image/svg+xml' };

/**
 * staticFileHeaders are the headers nginx answers a file with, in its order:
 * its type from mime.types (default_type application/octet-stream), its
 * modification time, and the ETag it builds from that time and the size.
 */
function staticFileHeaders(p: Process, file: string, version: string, length: number): Record<string, string> {
  let mtime = p.sys.runtime.now;
  try {
    mtime = p.fs.stat(file).mtime;
  } catch {
    // served from an index below it: the time of the request stands in
  }
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  return {
    server: `nginx/${version}`,
    date: httpDate(p.sys.runtime.now),
    'content-type': MIME_TYPES[ext] ?? 'application/octet-stream',
    'content-length': String(length),
    'last-modified': httpDate(mtime),
    connection: 'keep-alive',
    etag: `"${Math.floor(mtime / 1000).toString(16)}-${length.toString(16)}"`,
    'accept-ranges': 'bytes',
  };
}

/** nginx serves the files under its root on the ports of default.conf, and answers -v/-V/-t. */
export const nginx: Program = async (p) => {
  const version = p.env['NGINX_VERSION'] ?? '1.27.5';
  const args = p.argv.slice(1);
  if (args.includes('-v')) {
    p.stderr.write(`nginx version: nginx/${version}\n`);
    return 0;
  }
  if (args.includes('-V')) {
    p.stderr.write(`nginx version: nginx/${version}\nbuilt by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) \nbuilt with OpenSSL 3.0.15 3 Sep 2024\nTLS SNI support enabled\n`);
    return 0;
  }
  if (args.includes('-t')) {
    p.stderr.write('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  if (args.includes('-s')) {
    p.stderr.write(`${logTime(p.sys.runtime.now)} [notice] 30#30: signal process started\n`);
    return 0;
  }
  const { ports, root } = serverConf(p);
  const now = () => logTime(p.sys.runtime.now);
  const handle = (req: HttpRequest, from: Peer): HttpResponse => {
    const path = decodeURIComponent(req.path.split('?')[0] ?? '/');
    let file = `${root}${path}`;
    if (file.endsWith('/')) file += 'index.html';
    let body = readOr(p, file);
    if (body === undefined && !path.endsWith('/') && p.fs.exists(file)) body = readOr(p, `${file}/index.html`);
    const status = body === undefined ? 404 : 200;
    const out = body ?? errorPage(404, 'Not Found', version);
    const ua = req.headers['user-agent'] ?? '-';
    p.stdout.write(`${from.ip} - - [${clfTime(p.sys.runtime.now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${out.length} "-" "${ua}" "-"\n`);
    if (status === 404)
      p.stderr.write(
        `${now()} [error] 29#29: *1 open() "${file}" failed (2: No such file or directory), client: ${from.ip}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.host}"\n`,
      );
    return {
      status,
      headers: status === 200 ? staticFileHeaders(p, file, version, out.length) : { server: `nginx/${version}`, date: httpDate(p.sys.runtime.now), 'content-type': 'text/html', 'content-length': String(out.length), connection: 'keep-alive' },
      body: req.method === 'HEAD' ? '' : out,
    };
  };
  const listeners = ports.map((port) => listenHttp(p, port, { handle }));
  // the master renames itself and forks one worker per CPU (worker_processes auto), as `ps` on the node shows them
  if (p.pid !== undefined) p.sys.setProcessTitle?.(p.pid, `nginx: master process ${p.argv.join(' ')}`);
  const workers = p.pid !== undefined && p.sys.forkProcess ? [1, 2].map(() => p.sys.forkProcess!(p.pid!, 'nginx: worker process')) : [];
  const t = now();
  p.stderr.write(
    [
      `${t} [notice] 1#1: using the "epoll" event method`,
      `${t} [notice] 1#1: nginx/${version}`,
      `${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) `,
      `${t} [notice] 1#1: OS: Linux 5.15.0-1083-kvm`,
      `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${t} [notice] 1#1: start worker processes`,
      `${t} [notice] 1#1: start worker process 29`,
      `${t} [notice] 1#1: start worker process 30`,
      '',
    ].join('\n'),
  );
  return untilStopped(p, () => {
    for (const l of listeners) l.close();
    for (const end of workers) end();
    p.stderr.write(`${now()} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n${now()} [notice] 29#29: gracefully shutting down\n${now()} [notice] 1#1: exit\n`);
  });
};

/** dockerEntrypoint is nginx's /docker-entrypoint.sh: it announces its configuration steps, then runs the command. */
export const dockerEntrypoint: Program = async (p) => {
  const argv = p.argv.slice(1);
  if (argv[0] === 'nginx' || argv[0] === 'nginx-debug') {
    p.stdout.write(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '',
      ].join('\n'),
    );
  }
  if (argv.length === 0) return 0;
  return execIn(p, argv);
};
