import type { Process } from '../../host/process.ts';
import { flavourOf } from './flavour.ts';

function mac(ip: string): string {
  return ['02', '42', ...ip.split('.').map((x) => Number(x).toString(16).padStart(2, '0'))].join(':');
}

function network(ip: string): { net: string; brd: string; gw: string } {
  const parts = ip.split('.');
  const base = parts.slice(0, 3).join('.');
  return { net: `${base}.0/24`, brd: `${base}.255`, gw: `${base}.1` };
}

/** Iface is one network interface as ip shows it. */
interface Iface {
  index: number;
  name: string;
  flags: string;
  mtu: number;
  qdisc: string;
  state: string;
  linkType: string;
  mac: string;
  brd: string;
  inet?: string;
  inetBrd?: string;
  scope: string;
  extra: string;
  inet6?: string;
}

function interfaces(p: Process, inPod: boolean): Iface[] {
  const ip = p.sys.hostIp;
  const n = network(ip);
  const lo: Iface = { index: 1, name: 'lo', flags: 'LOOPBACK,UP,LOWER_UP', mtu: 65536, qdisc: 'noqueue', state: 'UNKNOWN', linkType: 'loopback', mac: '00:00:00:00:00:00', brd: '00:00:00:00:00:00', inet: '127.0.0.1/8', scope: 'host', extra: '', inet6: '::1/128 scope host ' };
  if (inPod) {
    return [lo, { index: 2, name: 'eth0@if7', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN', mtu: 1450, qdisc: 'noqueue', state: 'UP', linkType: 'ether', mac: mac(ip), brd: 'ff:ff:ff:ff:ff:ff', inet: `${ip}/24`, inetBrd: n.brd, scope: 'global', extra: '' }];
  }
  return [
    lo,
    { index: 2, name: 'eth0', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1500, qdisc: 'fq_codel', state: 'UP', linkType: 'ether', mac: mac(ip), brd: 'ff:ff:ff:ff:ff:ff', inet: `${ip}/24`, inetBrd: n.brd, scope: 'global', extra: '    altname enp0s3\n' },
  ];
}

function linkLine(i: Iface, busybox: boolean): string {
  const group = busybox ? '' : ` group default${i.linkType === 'loopback' || i.qdisc === 'fq_codel' ? ' qlen 1000' : ''}`;
  const state = busybox && i.name !== 'lo' && i.qdisc === 'noqueue' ? '' : ` state ${i.state}`;
  return `${i.index}: ${i.name}: <${i.flags}> mtu ${i.mtu} qdisc ${i.qdisc}${state}${group} \n    link/${i.linkType} ${i.mac} brd ${i.brd}\n`.replace(`${group} \n`, `${group}\n`);
}

/** ip shows addresses, links and routes (ip addr / ip a, ip link, ip route / ip r) in iproute2's layout. */
export async function ip(p: Process): Promise<number> {
  const args = p.argv.slice(1).filter((a) => !/^-(4|6|br|brief|c|color|o)$/.test(a));
  const obj = args[0] ?? '';
  const fl = flavourOf(p);
  const inPod = p.sys.machines().length === 0;
  const ifs = interfaces(p, inPod);
  const is = (full: string, min: number) => obj.length >= min && full.startsWith(obj);
  if (obj === '' || obj === 'help') {
    p.stderr.write('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n                    -4 | -6 | -M | -B | -0 |\n                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n                    -c[olor]}\n');
    return obj === '' ? 255 : 0;
  }
  const dev = args.indexOf('dev') >= 0 ? args[args.indexOf('dev') + 1] : args[2] && (args[1] === 'show' || args[1] === 'list') ? args[2] : undefined;
  const chosen = dev ? ifs.filter((i) => i.name.replace(/@.*/, '') === dev) : ifs;
  if (dev && chosen.length === 0) {
    p.stderr.write(`Device "${dev}" does not exist.\n`);
    return 1;
  }
  if (is('address', 1) || obj === 'addr') {
    let out = '';
    for (const i of chosen) {
      out += linkLine(i, fl.busybox);
      if (i.extra && !fl.busybox) out += i.extra;
      if (i.inet) {
        out += `    inet ${i.inet}${i.inetBrd ? ` brd ${i.inetBrd}` : ''} scope ${i.scope} ${i.name.replace(/@.*/, '')}\n       valid_lft forever preferred_lft forever\n`;
      }
      if (i.inet6) out += `    inet6 ${i.inet6}\n       valid_lft forever preferred_lft forever\n`;
    }
    p.stdout.write(out);
    return 0;
  }
  if (is('link', 1)) {
    p.stdout.write(chosen.map((i) => linkLine(i, fl.busybox) + (i.extra && !fl.busybox ? i.extra : '')).join(''));
    return 0;
  }
  if (is('route', 1)) {
    const me = p.sys.hostIp;
    const n = network(me);
    p.stdout.write(inPod ? `default via ${n.gw} dev eth0 \n${n.net} dev eth0 scope link  src ${me} \n` : `default via ${n.gw} dev eth0 proto static \n${n.net} dev eth0 proto kernel scope link src ${me} \n`);
    return 0;
  }
  p.stderr.write(`Object "${obj}" is unknown, try "ip help".\n`);
  return 1;
}
