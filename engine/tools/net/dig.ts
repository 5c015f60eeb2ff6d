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

/**
 * columns lays fields out as bind's master-file style does for dig: each
 * field starts at its column (TTL 24, class 32, type 40, data 48, tabs every
 * 8), reached with tabs, or one space when the text before already passed it.
 */
function columns(fields: [text: string, column: number][]): string {
  let out = '';
  let at = 0;
  for (const [text, column] of fields) {
    if (out !== '') {
      const to = Math.max(column, at + 1);
      const tabs = Math.floor(to / 8) - Math.floor(at / 8);
      if (tabs > 0) {
        out += '\t'.repeat(tabs);
        at = Math.floor(to / 8) * 8;
      }
      out += ' '.repeat(to - at);
      at = to;
    }
    out += text;
    at += text.length;
  }
  return out;
}

/** wireName is a name's length in a DNS message, uncompressed (CoreDNS does not compress its replies). */
function wireName(name: string): number {
  const bare = name.replace(/\.$/, '');
  return bare === '' ? 1 : bare.length + 2;
}

/** rdLength is the length of a record's data on the wire. */
function rdLength(r: DnsRecord): number {
  const f = r.data.split(' ');
  if (r.type === 'A') return 4;
  if (r.type === 'AAAA') return 16;
  if (r.type === 'SRV') return 6 + wireName(f[3] ?? '');
  if (r.type === 'MX') return 2 + wireName(f[1] ?? '');
  if (r.type === 'SOA') return wireName(f[0] ?? '') + wireName(f[1] ?? '') + 20;
  if (r.type === 'TXT') return r.data.replace(/^"|"$/g, '').length + 1;
  return wireName(r.data);
}

function rr(r: DnsRecord): string {
  return `${columns([[r.name, 0], [String(r.ttl), 24], ['IN', 32], [r.type, 40], [r.data, 48]])}\n`;
}

/** dig queries a DNS server and prints bind9's layout (or only the data with +short). */
export async function dig(p: Process): Promise<number> {
  let server: string | undefined;
  let name: string | undefined;
  let type: DnsType = 'A';
  let short = false;
  let search = false;
  let reverse = false;
  let typeSet = false;
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
    } else if (a === '-t') {
      type = (args[++i] ?? 'A').toUpperCase() as DnsType;
      typeSet = true;
    } else if (a === '-c' || a === '-p' || a === '-b' || a === '-f' || a === '-k' || a === '-q' || a === '-y') {
      if (a === '-q') name = args[i + 1];
      i++;
    } else if (a.startsWith('-')) continue;
    // a bare word is the type or the class when it reads as one (dig SRV name, dig name IN A), else the name
    else if (!typeSet && TYPES.has(a.toUpperCase())) {
      type = a.toUpperCase() as DnsType;
      typeSet = true;
    } else if (a.toUpperCase() === 'IN') continue;
    else name = a;
  }
  if (reverse && name) {
    name = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
    type = 'PTR';
  }
  const conf = readResolvConf(p);
  // dig names how many addresses a server given with @ came to
  const found = server !== undefined ? '; (1 server found)\n' : '';
  server ??= conf.nameservers[0] ?? '127.0.0.1';
  const qname = name ?? '.';
  const started = p.sys.runtime.now;
  let res = await searchQuery(p, server, qname, name ? type : 'NS', search);
  // the machines' stub resolver (systemd-resolved) answers with its own EDNS size and no cookie; CoreDNS echoes dig's cookie
  const stub = 'local' in res;
  if ('local' in res) res = localReply(p, qname);
  if ('timeout' in res) {
    const t = `;; communications error to ${server}#53: timed out\n`;
    p.stdout.write(short ? `${t}${t}${t};; no servers could be reached\n` : `${t}${t}${t}\n; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> ${args.join(' ')}\n${found};; global options: +cmd\n;; no servers could be reached\n`);
    return 9;
  }
  const { reply } = res;
  if (short) {
    p.stdout.write(reply.answer.map((r) => `${r.data}\n`).join(''));
    return 0;
  }
  const id = p.sys.runtime.rand.int(65536);
  const flags = ['qr', ...(reply.authoritative ? ['aa'] : []), 'rd', ...(reply.authoritative ? [] : ['ra'])].join(' ');
  let out = `\n; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> ${args.join(' ')}\n${found};; global options: +cmd\n;; Got answer:\n`;
  if (/(^|\.)local\.?$/i.test(res.name)) out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${id}\n`;
  const additional = reply.additional ?? [];
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answer.length}, AUTHORITY: ${reply.authority.length}, ADDITIONAL: ${additional.length + 1}\n`;
  if (reply.authoritative) out += ';; WARNING: recursion requested but not available\n';
  const cookie = Array.from({ length: 16 }, () => p.sys.runtime.rand.int(16).toString(16)).join('');
  out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${stub ? '65494' : `1232\n; COOKIE: ${cookie} (echoed)`}\n`;
  out += `;; QUESTION SECTION:\n${columns([[`;${res.name}`, 0], ['IN', 32], [name ? type : 'NS', 40]])}\n`;
  if (reply.answer.length) out += `\n;; ANSWER SECTION:\n${reply.answer.map(rr).join('')}`;
  if (reply.authority.length) out += `\n;; AUTHORITY SECTION:\n${reply.authority.map(rr).join('')}`;
  if (additional.length) out += `\n;; ADDITIONAL SECTION:\n${additional.map(rr).join('')}`;
  const size = 12 + wireName(res.name) + 4 + [...reply.answer, ...reply.authority, ...additional].reduce((n, r) => n + wireName(r.name) + 10 + rdLength(r), 0) + 11 + (stub ? 0 : 12);
  out += `\n;; Query time: ${p.sys.runtime.now - started} msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${when(p.sys.runtime.now)}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  p.stdout.write(out);
  return 0;
}
