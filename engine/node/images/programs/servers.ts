import type { Program } from '../../../host/process.ts';
import { clfTime, httpDate, listenHttp, listenTcp, readOr, untilStopped } from './serve.ts';

/** pause is the sandbox's process: it holds the pod's namespaces and waits for a signal. */
export const pause: Program = (p) => untilStopped(p, () => {});

/** httpd serves /usr/local/apache2/htdocs on port 80 with Apache's startup lines. */
export const httpd: Program = async (p) => {
  const version = p.env['HTTPD_VERSION'] ?? '2.4.65';
  if (p.argv.includes('-v')) {
    p.stdout.write(`Server version: Apache/${version} (Unix)\nServer built:   Jul 23 2025 00:00:00\n`);
    return 0;
  }
  const root = '/usr/local/apache2/htdocs';
  const l = listenHttp(p, 80, {
    handle(req, from) {
      const path = req.path.split('?')[0] ?? '/';
      const body = readOr(p, `${root}${path.endsWith('/') ? `${path}index.html` : path}`);
      const status = body === undefined ? 404 : 200;
      const out = body ?? `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
      p.stdout.write(`${from.ip} - - [${clfTime(p.sys.runtime.now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${out.length}\n`);
      return { status, headers: { server: `Apache/${version} (Unix)`, date: httpDate(p.sys.runtime.now), 'content-type': 'text/html' }, body: out };
    },
  });
  const ip = p.sys.hostIp;
  p.stderr.write(
    `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n` +
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n` +
      `[${new Date(p.sys.runtime.now).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5.000000 $4')}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations\n`,
  );
  return untilStopped(p, () => l.close());
};

/** redisServer answers PING/ECHO/SET/GET on 6379 (the inline protocol redis-cli and nc speak). */
export const redisServer: Program = async (p) => {
  const version = p.env['REDIS_VERSION'] ?? '8.2.1';
  if (p.argv.includes('--version') || p.argv.includes('-v')) {
    p.stdout.write(`Redis server v=${version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=1f2a3b4c5d6e7f80\n`);
    return 0;
  }
  const data = new Map<string, string>();
  const l = listenTcp(p, 6379, {
    converse(input) {
      return input
        .split(/\r?\n/)
        .filter((x) => x.trim() !== '')
        .map((line) => {
          const [cmd = '', ...args] = line.trim().split(/\s+/);
          switch (cmd.toUpperCase()) {
            case 'PING':
              return args[0] ? `$${args[0].length}\r\n${args[0]}\r\n` : '+PONG\r\n';
            case 'ECHO':
              return `$${(args[0] ?? '').length}\r\n${args[0] ?? ''}\r\n`;
            case 'SET':
              data.set(args[0] ?? '', args[1] ?? '');
              return '+OK\r\n';
            case 'GET': {
              const v = data.get(args[0] ?? '');
              return v === undefined ? '$-1\r\n' : `$${v.length}\r\n${v}\r\n`;
            }
            default:
              return `-ERR unknown command '${cmd}', with args beginning with: ${args.map((a) => `'${a}' `).join('')}\r\n`;
          }
        })
        .join('');
    },
  });
  const d = new Date(p.sys.runtime.now);
  const stamp = `${String(d.getUTCDate()).padStart(2, '0')} ${d.toUTCString().split(' ')[2]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
  p.stdout.write(
    `1:C ${stamp} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n` +
      `1:C ${stamp} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started\n` +
      `1:C ${stamp} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n` +
      `1:M ${stamp} * monotonic clock: POSIX clock_gettime\n` +
      `1:M ${stamp} * Running mode=standalone, port=6379.\n` +
      `1:M ${stamp} * Server initialized\n` +
      `1:M ${stamp} * Ready to accept connections tcp\n`,
  );
  return untilStopped(p, () => {
    l.close();
    p.stdout.write(`1:signal-handler (${Math.floor(p.sys.runtime.now / 1000)}) Received SIGTERM scheduling shutdown...\n`);
  });
};

/** sqlServer is a database that listens on its port and prints its startup log; it refuses to start without its password variable. */
export function sqlServer(kind: 'mysql' | 'postgres'): Program {
  return async (p) => {
    const ts = new Date(p.sys.runtime.now).toISOString();
    if (kind === 'mysql') {
      const version = p.env['MYSQL_VERSION'] ?? '8.4.6-1.el9';
      if (!p.env['MYSQL_ROOT_PASSWORD'] && !p.env['MYSQL_ALLOW_EMPTY_PASSWORD'] && !p.env['MYSQL_RANDOM_ROOT_PASSWORD']) {
        p.stderr.write(
          `${ts.replace('Z', '+00:00')} [Note] [Entrypoint]: Entrypoint script for MySQL Server ${version} started.\n` +
            `${ts.replace('Z', '+00:00')} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`,
        );
        return 1;
      }
      const l = listenTcp(p, 3306, { converse: () => `J\u0000\u0000\u0000\n${version.split('-')[0]}\u0000` });
      p.stdout.write(`${ts.replace('Z', '+00:00')} [Note] [Entrypoint]: Entrypoint script for MySQL Server ${version} started.\n`);
      p.stderr.write(`${ts} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${version.split('-')[0]}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n`);
      return untilStopped(p, () => l.close());
    }
    if (!p.env['POSTGRES_PASSWORD'] && p.env['POSTGRES_HOST_AUTH_METHOD'] !== 'trust') {
      p.stderr.write(
        'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about "trust":\n       https://www.postgresql.org/docs/current/auth-trust.html\n',
      );
      return 1;
    }
    const version = p.env['PG_VERSION'] ?? '17.6-1.pgdg130+1';
    const l = listenTcp(p, 5432, { converse: () => 'R\u0000\u0000\u0000\b\u0000\u0000\u0000\u0003' });
    const t = ts.replace('T', ' ').replace('Z', ' UTC');
    p.stdout.write('PostgreSQL init process complete; ready for start up.\n\n');
    p.stderr.write(
      `${t} [1] LOG:  starting PostgreSQL ${version.split('-')[0]} (Debian ${version}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit\n` +
        `${t} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432\n` +
        `${t} [1] LOG:  database system is ready to accept connections\n`,
    );
    return untilStopped(p, () => l.close());
  };
}
