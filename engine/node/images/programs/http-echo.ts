import type { Program } from '../../../host/process.ts';
import { listenHttp, untilStopped } from './serve.ts';

const VERSION = '1.0.0';

/** goLogTime is Go's log package prefix ("2006/01/02 15:04:05"). */
function goLogTime(ms: number): string {
  return new Date(ms).toISOString().replace(/^(\d+)-(\d+)-(\d+)T([\d:]+)\..*$/, '$1/$2/$3 $4');
}

/** flagValue reads a Go flag given as -name=value, --name=value or -name value. */
function flagValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([\w-]+)(?:=(.*))?$/s.exec(args[i]!);
    if (!m || m[1] !== name) continue;
    return m[2] ?? args[i + 1];
  }
  return undefined;
}

/**
 * httpEcho is hashicorp/http-echo: it answers every path with -text (or
 * $ECHO_TEXT) and a newline, /health with {"status":"ok"}, on -listen
 * (":5678"), logging each request to stdout.
 */
export const httpEcho: Program = async (p) => {
  const args = p.argv.slice(1);
  if (args.some((a) => /^--?version$/.test(a))) {
    p.stderr.write(`http-echo v${VERSION}\n`);
    return 0;
  }
  const text = flagValue(args, 'text') || p.env['ECHO_TEXT'] || '';
  if (text === '') {
    p.stderr.write('Missing -text option OR ENV var TEXT is empty!\n');
    return 127;
  }
  const listen = flagValue(args, 'listen') ?? ':5678';
  const port = Number(listen.slice(listen.lastIndexOf(':') + 1));
  const headers = { 'x-app-name': 'http-echo', 'x-app-version': VERSION, 'content-type': 'text/plain; charset=utf-8' };
  const l = listenHttp(p, port, {
    handle(req, from) {
      const path = req.path.split('?')[0] ?? '/';
      const body = path === '/health' ? '{"status":"ok"}\n' : `${text}\n`;
      if (path !== '/health') p.stdout.write(`${goLogTime(p.sys.runtime.now)} ${req.host} ${from.ip}:${40000 + (p.sys.runtime.now % 20000)} "${req.method} ${path} HTTP/1.1" 200 ${body.length} "${req.headers['user-agent'] ?? ''}" 41.2µs\n`);
      return { status: 200, headers: { ...headers, 'content-length': String(body.length) }, body };
    },
  });
  p.stderr.write(`${goLogTime(p.sys.runtime.now)} [INFO] server is listening on ${listen}\n`);
  return untilStopped(p, () => l.close());
};
