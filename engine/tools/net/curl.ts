import type { HttpResponse } from '../../host/net.ts';
import type { Process } from '../../host/process.ts';
import { parseCurlArgs, type CurlOptions } from './curl-args.ts';
import { flavourOf, type Flavour } from './flavour.ts';
import { exchange, headerName, parseUrl, reasonOf, type ParsedUrl } from './http.ts';
import { report, vlog } from './curl-report.ts';
import { readText, writeText } from './files.ts';
import { Meter } from './curl-meter.ts';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const SSL_TRAILER =
  'More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n';

interface Outcome {
  code: number;
  message?: string;
  response?: HttpResponse;
  ip?: string;
  spentMs?: number;
  url: ParsedUrl;
  redirects: number;
}

/** curl transfers a URL over the lab network, with curl's options, output and error lines. */
export async function curl(p: Process): Promise<number> {
  const parsed = parseCurlArgs(p.argv.slice(1));
  if (typeof parsed === 'string') {
    p.stderr.write(`${parsed}\n${TRY}`);
    return 2;
  }
  const o = parsed;
  if (o.urls.length === 0) {
    p.stderr.write(`curl: no URL specified!\n${TRY}`);
    return 2;
  }
  const fl = flavourOf(p);
  if (o.remoteName && !o.output) {
    const name = (o.urls[0] ?? '').replace(/[?#].*/, '').replace(/^[a-z]+:\/\/[^/]*/i, '').split('/').pop() ?? '';
    if (!name) {
      p.stderr.write('curl: Remote file name has no length!\n');
      return 23;
    }
    o.output = name;
  }
  let last = 0;
  for (const u of o.urls) last = await fetchOne(p, o, fl, u);
  return last;
}


async function fetchOne(p: Process, o: CurlOptions, fl: Flavour, text: string): Promise<number> {
  const first = parseUrl(text);
  if (!first) {
    p.stderr.write(o.silent && !o.showError ? '' : `curl: (3) URL using bad/illegal format or missing URL\n`);
    return 3;
  }
  if ('badScheme' in first) {
    if (!o.silent || o.showError) p.stderr.write(`curl: (1) Protocol "${first.badScheme}" not supported${fl.curlV8 ? '' : ' or disabled in libcurl'}\n`);
    return 1;
  }
  let url: ParsedUrl = first;
  const tls = { insecure: o.insecure, caPem: o.cacert ? readText(p, o.cacert) : undefined, certPem: o.cert ? readText(p, o.cert.split(':')[0]!) : undefined, keyPem: o.key ? readText(p, o.key) : undefined };
  if (o.cacert && tls.caPem === undefined) {
    return fail(p, o, 77, `error setting certificate file: ${o.cacert}`, undefined);
  }
  const headers: Record<string, string> = { host: url.hostHeader, 'user-agent': o.userAgent ?? `curl/${fl.curlVersion}`, accept: '*/*' };
  let body = '';
  if (o.data !== undefined) {
    body = o.data.startsWith('@') ? (readText(p, o.data.slice(1)) ?? '') : o.data;
    headers['content-length'] = String(body.length);
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  for (const h of o.headers) {
    const i = h.indexOf(':');
    if (i > 0) headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
  }
  let method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  let redirects = 0;
  const meter = new Meter(p, o);
  meter.start();
  let out: Outcome;
  for (;;) {
    const cur = url;
    const override = o.resolve.map((r) => r.split(':')).find((r) => r[0] === cur.host && Number(r[1]) === cur.port)?.[2];
    const ex = await exchange(p, url, { method, headers, body }, tls, override);
    const done = await report(p, o, fl, url, method, headers, ex);
    if (done.code !== 0 || !done.response) {
      out = { ...done, url, redirects };
      break;
    }
    const loc = done.response.headers['location'];
    if (o.location && loc && [301, 302, 303, 307, 308].includes(done.response.status) && redirects < 50) {
      if (!o.head) writeBody(p, o, done.response, true);
      const next = parseUrl(/^https?:\/\//.test(loc) ? loc : `${url.scheme}://${url.hostHeader}${loc.startsWith('/') ? loc : `/${loc}`}`);
      if (!next || 'badScheme' in next) {
        out = { ...done, url, redirects };
        break;
      }
      vlog(p, o, `* Issue another request to this URL: '${loc}'`);
      if (done.response.status === 303 || ((done.response.status === 301 || done.response.status === 302) && method === 'POST')) method = 'GET';
      url = next;
      headers['host'] = next.hostHeader;
      redirects++;
      continue;
    }
    out = { ...done, url, redirects };
    break;
  }
  if (out.response) {
    const announced = out.response.headers['content-length'];
    const dlSize = announced !== undefined ? Number(announced) : undefined;
    if (o.fail && out.response.status >= 400) {
      // -f stops at the status line: nothing of the body arrives
      meter.done(0, dlSize, body.length);
      writeOut(p, o, out, 22);
      return fail(p, o, 22, `The requested URL returned error: ${out.response.status}`, undefined);
    }
    const w = writeBody(p, o, out.response, false);
    // the trace names the body instead of showing it when the body does not go to the terminal
    if (!o.head && out.response.body.length > 0 && !p.stdout.isTTY) vlog(p, o, `{ [${out.response.body.length} bytes data]`);
    meter.done(o.head ? 0 : out.response.body.length, dlSize, body.length);
    if (w !== 0) return fail(p, o, 23, 'Failure writing output to destination', undefined);
  } else if (out.code !== 6 && out.code !== 130) meter.failed(out.spentMs ?? 0);
  writeOut(p, o, out, out.code);
  if (out.code === 130) return 130;
  if (out.code !== 0) return fail(p, o, out.code, out.message ?? '', out.code === 60 ? SSL_TRAILER : undefined);
  vlog(p, o, `* Connection #0 to host ${out.url.host} left intact`);
  return 0;
}

function fail(p: Process, o: CurlOptions, code: number, message: string, trailer: string | undefined): number {
  if (!o.silent || o.showError) p.stderr.write(`curl: (${code}) ${message}\n${trailer ?? ''}`);
  return code;
}

function writeBody(p: Process, o: CurlOptions, r: HttpResponse, redirectHop: boolean): number {
  let text = '';
  if (o.include || o.head) {
    text += `HTTP/1.1 ${r.status} ${reasonOf(r)}\r\n`;
    for (const [k, v] of Object.entries(r.headers)) text += `${headerName(k)}: ${v}\r\n`;
    text += '\r\n';
  }
  if (!o.head && !redirectHop) text += r.body;
  if (o.remoteName || o.output) return 0 === text.length ? 0 : emit(p, o, text);
  p.stdout.write(text);
  return 0;
}

function emit(p: Process, o: CurlOptions, text: string): number {
  const target = o.output ?? '';
  if (target === '-' ) {
    p.stdout.write(text);
    return 0;
  }
  if (target === '/dev/null') return 0;
  return writeText(p, target, text) ? 0 : 23;
}

function writeOut(p: Process, o: CurlOptions, out: Outcome, exitcode: number): void {
  if (o.writeOut === undefined) return;
  const r = out.response;
  const vars: Record<string, string> = {
    http_code: String(r?.status ?? 0).padStart(3, '0'),
    response_code: String(r?.status ?? 0).padStart(3, '0'),
    remote_ip: out.ip ?? '',
    remote_port: out.ip ? String(out.url.port) : '',
    url_effective: `${out.url.scheme}://${out.url.hostHeader}${out.url.path}`,
    size_download: String(r && !o.head ? r.body.length : 0),
    size_header: '0',
    content_type: r?.headers['content-type'] ?? '',
    num_redirects: String(out.redirects),
    exitcode: String(exitcode),
    errormsg: out.message ?? '',
    time_total: '0.002143',
    time_connect: '0.000412',
    time_namelookup: '0.000021',
    time_starttransfer: '0.002087',
    method: o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET'),
    scheme: out.url.scheme.toUpperCase(),
  };
  const text = o.writeOut
    .replace(/%\{([a-z_]+)\}/g, (m, name: string) => vars[name] ?? m)
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r');
  p.stdout.write(text);
}

