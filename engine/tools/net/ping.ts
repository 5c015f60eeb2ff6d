import { NetError } from '../../host/net.ts';
import type { Process } from '../../host/process.ts';
import { flavourOf } from './flavour.ts';
import { lookupHost, peerOf } from './resolv.ts';

/**
 * echoes tells whether an ICMP echo reaches ip: a host or pod answers (policy
 * permitting); a Service's cluster IP does not, since kube-proxy only
 * translates its TCP and UDP ports.
 */
function echoes(p: Process, ip: string): boolean {
  try {
    p.sys.net.dial(peerOf(p), ip, 0);
    return true;
  } catch (e) {
    return e instanceof NetError && e.code === 'ECONNREFUSED';
  }
}

/** ping sends echo requests (-c count) in iputils' layout on the machines and busybox's in images. */
export async function ping(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let count = Infinity;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c') count = Number(args[++i]);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s') i++;
    else if (!a.startsWith('-')) target = a;
  }
  const fl = flavourOf(p);
  if (!target) {
    p.stderr.write(fl.busybox ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n');
    return fl.busybox ? 1 : 1;
  }
  const found = lookupHost(p, target);
  if ('error' in found) {
    p.stderr.write(fl.busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: ${found.error === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`);
    return fl.busybox ? 1 : 2;
  }
  const ip = found.ip;
  const named = target !== ip;
  p.stdout.write(fl.busybox ? `PING ${target} (${ip}): 56 data bytes\n` : `PING ${target} (${ip}) 56(84) bytes of data.\n`);
  let sent = 0;
  let got = 0;
  const times: number[] = [];
  while (sent < count) {
    const ok = echoes(p, ip);
    const t = 0.04 + p.sys.runtime.rand.int(60) / 1000;
    if (ok) {
      got++;
      times.push(t);
      p.stdout.write(fl.busybox ? `64 bytes from ${ip}: seq=${sent} ttl=63 time=${t.toFixed(3)} ms\n` : `64 bytes from ${named ? `${target} (${ip})` : ip}: icmp_seq=${sent + 1} ttl=64 time=${t.toFixed(3)} ms\n`);
    }
    sent++;
    if (sent < count && !(await p.sys.sleep(1000, p.signal))) break;
  }
  const loss = Math.round(((sent - got) / Math.max(1, sent)) * 100);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const avg = times.reduce((s, x) => s + x, 0) / Math.max(1, times.length);
  if (fl.busybox) {
    p.stdout.write(`\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${got} packets received, ${loss}% packet loss\n${got ? `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n` : ''}`);
  } else {
    const mdev = Math.sqrt(times.reduce((s, x) => s + (x - avg) ** 2, 0) / Math.max(1, times.length));
    p.stdout.write(`\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${got} received, ${loss}% packet loss, time ${Math.max(0, sent - 1) * 1000 + (sent > 1 ? 3 : 0)}ms\n${got ? `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n` : ''}\n`.replace(/\n\n$/, '\n'));
  }
  return got > 0 ? 0 : 1;
}
