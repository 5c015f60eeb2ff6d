import type { Process } from '../../host/process.ts';
import type { DnsType } from '../../network/dns-protocol.ts';
import { localReply, searchQuery } from './nslookup.ts';
import { readResolvConf } from './resolv.ts';

/** host looks a name up with the search list and prints bind9 host's one-line answers. */
export async function host(p: Process): Promise<number> {
  const { positional, type: asked } = hostArgs(p.argv.slice(1));
  const name = positional[0];
  if (!name) {
    p.stderr.write('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const server = positional[1] ?? readResolvConf(p).nameservers[0] ?? '127.0.0.1';
  const reverse = /^\d+\.\d+\.\d+\.\d+$/.test(name);
  const qname = reverse ? `${name.split('.').reverse().join('.')}.in-addr.arpa` : name;
  let res = await searchQuery(p, server, qname, reverse ? 'PTR' : (asked ?? 'A'), !reverse);
  if ('local' in res) res = localReply(p, qname);
  if ('timeout' in res) {
    p.stdout.write(';; connection timed out; no servers could be reached\n');
    return 1;
  }
  const { reply } = res;
  if (reply.rcode !== 'NOERROR') {
    p.stdout.write(`Host ${qname} not found: ${reply.rcode === 'NXDOMAIN' ? '3(NXDOMAIN)' : reply.rcode === 'SERVFAIL' ? '2(SERVFAIL)' : '5(REFUSED)'}\n`);
    return 1;
  }
  let out = positional[1] ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : '';
  for (const r of reply.answer) {
    const owner = r.name.replace(/\.$/, '');
    if (r.type === 'A') out += `${owner} has address ${r.data}\n`;
    else if (r.type === 'CNAME') out += `${owner} is an alias for ${r.data}\n`;
    else if (r.type === 'PTR') out += `${owner} domain name pointer ${r.data}\n`;
    else if (r.type === 'AAAA') out += `${owner} has IPv6 address ${r.data}\n`;
    else if (r.type === 'MX') out += `${owner} mail is handled by ${r.data}\n`;
    else out += `${owner} has ${r.type} record ${r.data}\n`;
  }
  if (asked && reply.answer.length === 0) out += `${qname.replace(/\.$/, '')} has no ${asked} record\n`;
  p.stdout.write(out);
  return 0;
}

/** the options of host that take a value; -t names the record type */
const WITH_VALUE = new Set(['-t', '-c', '-N', '-W', '-R', '-m', '-p']);

function hostArgs(args: string[]): { positional: string[]; type?: DnsType } {
  const positional: string[] = [];
  let type: DnsType | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (WITH_VALUE.has(a)) {
      const v = args[++i];
      if (a === '-t' && v) type = v.toUpperCase() as DnsType;
    } else if (/^-t\w+$/.test(a)) type = a.slice(2).toUpperCase() as DnsType;
    else if (a === '-a') type = 'ANY';
    else if (!a.startsWith('-')) positional.push(a);
  }
  return { positional, type };
}
