import type { Process } from '../../host/process.ts';
import type { DnsRecord, DnsType } from '../../network/dns-protocol.ts';
import { localReply, searchQuery } from './nslookup.ts';
import { readResolvConf } from './resolv.ts';

const TYPES = new Set(['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'TXT', 'NS', 'SOA', 'MX', 'ANY']);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function when(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function rr(r: DnsRecord): string {
  const owner = r.name;
  return `${owner}${owner.length < 24 ? '\t\t' : '\t'}${r.ttl}\tIN\t${r.type}\t${r.data}\n`;
}

/** dig queries a DNS server and prints bind9's layout (or only the data with +short). */
export async function dig(p: Process): Promise<number> {
  let server: string | undefined;
  let name: string | undefined;
  let type: DnsType = 'A';
  let short = false;
  let search = false;
  let reverse = false;
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a.startsWith('+')) continue;
    else if (a === '-x') {
      reverse = true;
      name = args[++i];
    } else if (a === '-t') type = (args[++i] ?? 'A').toUpperCase() as DnsType;
    else if (TYPES.has(a.toUpperCase()) && name !== undefined) type = a.toUpperCase() as DnsType;
    else if (name === undefined) name = a;
    else if (TYPES.has(a.toUpperCase())) type = a.toUpperCase() as DnsType;
  }
  if (reverse && name) {
    name = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
    type = 'PTR';
  }
  const conf = readResolvConf(p);
  server ??= conf.nameservers[0] ?? '127.0.0.1';
  const qname = name ?? '.';
  const started = p.sys.runtime.now;
  let res = await searchQuery(p, server, qname, name ? type : 'NS', search);
  if ('local' in res) res = localReply(p, qname);
  if ('timeout' in res) {
    const t = `;; communications error to ${server}#53: timed out\n`;
    p.stdout.write(short ? `${t}${t}${t};; no servers could be reached\n` : `${t}${t}${t}\n; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> ${args.join(' ')}\n;; global options: +cmd\n;; no servers could be reached\n`);
    return 9;
  }
  const { reply } = res;
  if (short) {
    p.stdout.write(reply.answer.map((r) => `${r.data}\n`).join(''));
    return 0;
  }
  const id = p.sys.runtime.rand.int(65536);
  const flags = ['qr', ...(reply.authoritative ? ['aa'] : []), 'rd', ...(reply.authoritative ? [] : ['ra'])].join(' ');
  let out = `\n; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> ${args.join(' ')}\n;; global options: +cmd\n;; Got answer:\n`;
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${id}\n`;
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answer.length}, AUTHORITY: ${reply.authority.length}, ADDITIONAL: 1\n`;
  if (reply.authoritative) out += ';; WARNING: recursion requested but not available\n';
  out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${reply.authoritative ? 1232 : 65494}\n`;
  out += `;; QUESTION SECTION:\n;${res.name}${res.name.length < 23 ? '\t\t' : '\t'}IN\t${name ? type : 'NS'}\n`;
  if (reply.answer.length) out += `\n;; ANSWER SECTION:\n${reply.answer.map(rr).join('')}`;
  if (reply.authority.length) out += `\n;; AUTHORITY SECTION:\n${reply.authority.map(rr).join('')}`;
  const size = 40 + res.name.length * 2 + reply.answer.length * 16 + reply.authority.length * 60;
  out += `\n;; Query time: ${p.sys.runtime.now - started} msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${when(p.sys.runtime.now)}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  p.stdout.write(out);
  return 0;
}
