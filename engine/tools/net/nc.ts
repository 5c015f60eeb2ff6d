import { NetError, type TcpHandler } from '../../host/net.ts';
import type { Process } from '../../host/process.ts';
import { readAll } from '../../host/streams.ts';
import { flavourOf } from './flavour.ts';
import { CONNECT_TIMEOUT_MS } from './http.ts';
import { lookupHost, peerOf } from './resolv.ts';

const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 6443: '*', 2379: '*', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis' };

/** nc opens a TCP connection: -z only checks the port, -v says what happened, -w bounds the wait. */
export async function nc(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let zero = false;
  let verbose = false;
  let waitS: number | undefined;
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-w' || a === '-W') {
      waitS = Number(args[++i]);
      continue;
    }
    if (/^-[a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 'z') zero = true;
        else if (c === 'v') verbose = true;
        else if (c === 'w') waitS = Number(args[++i]);
      }
      continue;
    }
    pos.push(a);
  }
  const fl = flavourOf(p);
  const [target, portText] = pos;
  if (!target || !portText) {
    p.stderr.write(fl.busybox ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n' : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n');
    return 1;
  }
  const port = Number(portText);
  const found = lookupHost(p, target);
  if ('error' in found) {
    p.stderr.write(fl.busybox ? `nc: bad address '${target}'\n` : `nc: getaddrinfo for host "${target}" port ${port}: ${found.error === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`);
    return 1;
  }
  const ip = found.ip;
  const label = target === ip ? ip : `${target} (${ip})`;
  let listener;
  try {
    listener = p.sys.net.dial(peerOf(p), ip, port);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    const timedOut = e.code === 'ETIMEDOUT';
    if (timedOut && !(await p.sys.sleep(waitS && waitS > 0 ? waitS * 1000 : CONNECT_TIMEOUT_MS, p.signal))) return 130;
    if (fl.busybox) {
      if (verbose || !zero) p.stderr.write(`nc: ${target} (${ip}:${port}): ${timedOut ? 'Operation timed out' : 'Connection refused'}\n`);
    } else if (verbose) {
      p.stderr.write(timedOut ? `nc: connect to ${label.replace(/ \(.*\)$/, '')} port ${port} (tcp) timed out: Operation now in progress\n` : `nc: connect to ${label} port ${port} (tcp) failed: Connection refused\n`);
    }
    return 1;
  }
  if (verbose) p.stderr.write(fl.busybox ? `${target} (${ip}:${port}) open\n` : `Connection to ${target} (${ip}) ${port} port [tcp/${SERVICES[port] ?? '*'}] succeeded!\n`);
  if (zero) return 0;
  const input = await readAll(p.stdin);
  if (listener.protocol === 'tcp') p.stdout.write(await (listener.handler as TcpHandler).converse(input, peerOf(p)));
  else if (listener.protocol === 'http' && input.trim()) p.stdout.write('HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n\r\n');
  return 0;
}
