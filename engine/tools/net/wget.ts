import type { Process } from '../../host/process.ts';
import { flavourOf } from './flavour.ts';
import { CONNECT_TIMEOUT_MS, exchange, parseUrl, reasonOf } from './http.ts';
import { writeText } from './files.ts';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** wget downloads a URL: GNU wget on the machines, the busybox applet in busybox/alpine images. */
export async function wget(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let quiet = false;
  let out: string | undefined;
  let spider = false;
  let timeoutS: number | undefined;
  const headers: Record<string, string> = {};
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-qO-' || a === '-qO' ) {
      quiet = true;
      out = a === '-qO-' ? '-' : args[++i];
    } else if (a === '-O' || a === '--output-document') out = args[++i];
    else if (a.startsWith('-O')) out = a.slice(2);
    else if (a.startsWith('--output-document=')) out = a.slice(18);
    else if (a === '--spider' || a === '-s' ) spider = true;
    else if (a === '-T' || a === '--timeout') timeoutS = Number(args[++i]);
    else if (a.startsWith('-T')) timeoutS = Number(a.slice(2));
    else if (a.startsWith('--timeout=')) timeoutS = Number(a.slice(10));
    else if (a === '--header') {
      const h = args[++i] ?? '';
      const c = h.indexOf(':');
      if (c > 0) headers[h.slice(0, c).trim().toLowerCase()] = h.slice(c + 1).trim();
    } else if (a === '-S' || a === '--server-response' || a === '--no-check-certificate' || a === '-nv' || a === '--tries=1' || a.startsWith('--tries') || a === '-t') {
      if (a === '-t') i++;
      continue;
    } else if (!a.startsWith('-')) urls.push(a);
  }
  const fl = flavourOf(p);
  const err = (s: string) => p.stderr.write(s);
  if (urls.length === 0) {
    if (fl.busybox) err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
    else err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  const url = parseUrl(urls[0]!);
  if (!url || 'badScheme' in url) {
    err(fl.busybox ? `wget: not an http or ftp url: ${urls[0]}\n` : `${urls[0]}: Unsupported scheme.\n`);
    return 1;
  }
  const file = out ?? (url.path.replace(/[?#].*/, '').split('/').pop() || 'index.html');
  const gnuHead = `--${stamp(p.sys.runtime.now)}--  ${url.scheme}://${url.hostHeader}${url.path}\n`;
  if (!fl.busybox && !quiet) err(`${spider ? 'Spider mode enabled. Check if remote file exists.\n' : ''}${gnuHead}`);
  const ex = await exchange(p, url, { method: spider ? 'HEAD' : 'GET', headers: { host: url.hostHeader, 'user-agent': fl.busybox ? 'Wget' : 'Wget/1.21.2', accept: '*/*', ...headers }, body: '' }, { insecure: args.includes('--no-check-certificate') });
  const limit = timeoutS && timeoutS > 0 ? timeoutS * 1000 : fl.busybox ? Infinity : 900_000;
  if (!ex.ok && (ex.error === 'resolve' || ex.error === 'dns-timeout')) {
    if (ex.error === 'dns-timeout') await p.sys.sleep(Math.min(limit, ex.waitedMs ?? 10_000), p.signal);
    // GNU wget -q is silent about every failure; only the exit status tells.
    if (fl.busybox) err(`wget: bad address '${url.host}'\n`);
    else if (!quiet) err(`Resolving ${url.host} (${url.host})... failed: ${ex.error === 'resolve' ? 'Name or service not known' : 'Temporary failure in name resolution'}.\nwget: unable to resolve host address ‘${url.host}’\n`);
    return fl.busybox ? 1 : 4;
  }
  const ip = ex.ip!;
  if (fl.busybox) {
    if (!quiet) err(`Connecting to ${url.host} (${ip}:${url.port})\n`);
  } else if (!quiet) {
    if (url.host !== ip) err(`Resolving ${url.host} (${url.host})... ${ip}\n`);
    err(`Connecting to ${url.host === ip ? `${ip}:${url.port}` : `${url.host} (${url.host})|${ip}|:${url.port}`}... `);
  }
  if (!ex.ok && (ex.error === 'refused' || ex.error === 'timeout')) {
    if (ex.error === 'timeout') await p.sys.sleep(Math.min(limit, CONNECT_TIMEOUT_MS), p.signal);
    const why = ex.error === 'refused' ? 'Connection refused' : 'Connection timed out';
    if (fl.busybox) err(ex.error === 'timeout' && timeoutS ? 'wget: download timed out\n' : `wget: can't connect to remote host (${ip}): ${why}\n`);
    else err(`${quiet ? '' : `failed: ${why}.\n`}${ex.error === 'timeout' ? '' : ''}`);
    return fl.busybox ? 1 : 4;
  }
  if (!ex.ok) {
    if (fl.busybox) err('wget: error getting response: Connection reset by peer\n');
    else if (!quiet) err('connected.\nHTTP request sent, awaiting response... No data received.\n');
    return fl.busybox ? 1 : 4;
  }
  const r = ex.response;
  if (!fl.busybox && !quiet) err(`connected.\nHTTP request sent, awaiting response... ${r.status} ${reasonOf(r)}\n`);
  if (r.status >= 400) {
    if (fl.busybox) err(`wget: server returned error: HTTP/1.1 ${r.status} ${reasonOf(r)}\n`);
    else if (quiet) return 8;
    else if (spider) err(`Remote file does not exist -- broken link!!!\n`);
    else err(`${stamp(p.sys.runtime.now)} ERROR ${r.status}: ${reasonOf(r)}.\n\n`);
    return fl.busybox ? 1 : 8;
  }
  const type = r.headers['content-type'] ?? 'text/html';
  const len = r.body.length;
  if (spider) {
    if (fl.busybox) err('remote file exists\n');
    else if (!quiet) err(`Length: ${len} [${type.split(';')[0]}]\nRemote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n`);
    return 0;
  }
  const toStdout = file === '-';
  if (toStdout) p.stdout.write(r.body);
  else if (!writeText(p, file, r.body)) {
    err(fl.busybox ? `wget: can't open '${file}': Permission denied\n` : `${file}: Permission denied\n\nCannot write to ‘${file}’ (Permission denied).\n`);
    return fl.busybox ? 1 : 3;
  }
  if (quiet) return 0;
  if (fl.busybox) {
    const label = toStdout ? '-' : file;
    err(`${toStdout ? 'writing to stdout' : `saving to '${file}'`}\n${label.padEnd(20)} 100% |********************************| ${String(len).padStart(5)}  0:00:00 ETA\n${toStdout ? 'written to stdout' : `'${file}' saved`}\n`);
  } else {
    const shown = toStdout ? 'STDOUT' : `‘${file}’`;
    err(`Length: ${len} [${type.split(';')[0]}]\nSaving to: ${shown}\n\n${(toStdout ? '-' : file).padEnd(19)} 100%[===================>] ${String(len).padStart(7)}  --.-KB/s    in 0s      \n\n${stamp(p.sys.runtime.now)} (${(len / 10.5).toFixed(1)} MB/s) - ${toStdout ? 'written to stdout' : `${shown} saved`} [${len}/${len}]\n\n`);
  }
  return 0;
}
