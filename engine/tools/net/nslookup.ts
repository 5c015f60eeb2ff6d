import type { Process } from '../../host/process.ts';
import type { DnsRecord, DnsReply, DnsType } from '../../network/dns-protocol.ts';
import { flavourOf } from './flavour.ts';
import { candidates, peerOf, queryServer, readResolvConf } from './resolv.ts';

const TIMEOUT = ';; connection timed out; no servers could be reached\n';

/** searchQuery asks server for name through the search list; the last reply, or a timeout. */
export async function searchQuery(p: Process, server: string, name: string, type: DnsType, useSearch: boolean): Promise<{ name: string; reply: DnsReply } | { timeout: true } | { local: true }> {
  const conf = readResolvConf(p);
  const names = useSearch ? candidates(name, conf) : [name.endsWith('.') ? name : `${name}.`];
  let last: { name: string; reply: DnsReply } | undefined;
  for (const n of names) {
    const r = queryServer(p, server, { name: n, type });
    if ('local' in r) return r;
    if ('timeout' in r) {
      await p.sys.sleep(conf.timeoutMs * conf.attempts, p.signal);
      return r;
    }
    last = { name: n, reply: r.reply };
    if (r.reply.rcode === 'NOERROR' && r.reply.answer.length > 0) return last;
    if (r.reply.rcode !== 'NXDOMAIN' && r.reply.rcode !== 'NOERROR') return last;
  }
  return last!;
}

/** localReply answers as the host's stub resolver (systemd-resolved) would, from the machines' own names. */
export function localReply(p: Process, name: string): { name: string; reply: DnsReply } {
  const bare = name.replace(/\.$/, '');
  const ip = p.sys.net.resolve(bare, peerOf(p));
  const rec: DnsRecord[] = ip ? [{ name: `${bare}.`, type: 'A', ttl: 0, data: ip }] : [];
  return { name: `${bare}.`, reply: { rcode: ip ? 'NOERROR' : 'NXDOMAIN', authoritative: false, answer: rec, authority: [] } };
}

function typeArg(args: string[]): DnsType {
  for (const a of args) {
    const m = /^-(?:type|query|q)=(\w+)$/i.exec(a);
    if (m) return m[1]!.toUpperCase() as DnsType;
  }
  return 'A';
}

/** nslookup queries the cluster's (or the host's) DNS server in the busybox or the bind9 layout. */
export async function nslookup(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const positional = args.filter((a) => !a.startsWith('-'));
  const name = positional[0];
  const fl = flavourOf(p);
  if (!name) {
    if (fl.busybox) {
      p.stderr.write('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
      return 1;
    }
    p.stderr.write('> ');
    return 0;
  }
  const type = typeArg(args);
  if (fl.busybox) return busyboxNslookup(p, name, positional[1], args.some((a) => /^-(?:type|query|querytype|q)=/i.test(a)) ? [type] : undefined);
  const conf = readResolvConf(p);
  const server = positional[1] ?? conf.nameservers[0] ?? '127.0.0.1';
  const qtype: DnsType = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? 'PTR' : type;
  const qname = qtype === 'PTR' && /^\d+\.\d+\.\d+\.\d+$/.test(name) ? `${name.split('.').reverse().join('.')}.in-addr.arpa` : name;
  let res = await searchQuery(p, server, qname, qtype, qtype !== 'PTR');
  if ('local' in res) res = localReply(p, qname);
  if ('timeout' in res) {
    p.stdout.write(TIMEOUT + (fl.busybox ? '' : '\n'));
    return 1;
  }
  const head = fl.busybox ? `Server:\t\t${server}\nAddress:\t${server}:53\n\n` : `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  const { reply } = res;
  const shown = qtype === 'PTR' ? name : res.name.replace(/\.$/, '');
  if (reply.rcode !== 'NOERROR' || reply.answer.length === 0) {
    const why = reply.rcode === 'NOERROR' ? 'NODATA' : reply.rcode;
    if (fl.busybox) {
      p.stdout.write(`${head}** server can't find ${qtype === 'PTR' ? qname : name}: ${why}\n\n`);
    } else {
      p.stdout.write(`${head}${reply.rcode === 'NOERROR' ? `*** Can't find ${name}: No answer\n` : `** server can't find ${qtype === 'PTR' ? qname : name}: ${why}\n`}\n`);
    }
    return 1;
  }
  let body = reply.authoritative ? '' : 'Non-authoritative answer:\n';
  for (const r of reply.answer) {
    const owner = r.name.replace(/\.$/, '');
    if (r.type === 'A' || r.type === 'AAAA') body += `Name:\t${owner}\nAddress: ${r.data}\n`;
    else if (r.type === 'CNAME') body += `${owner}\tcanonical name = ${r.data}\n`;
    else if (r.type === 'PTR') body += `${owner}\tname = ${r.data}\n`;
    else if (r.type === 'SRV') body += `${owner}\tservice = ${r.data}\n`;
    else body += `${owner}\t${r.type.toLowerCase()} = ${r.data}\n`;
  }
  void shown;
  p.stdout.write(`${head}${body}\n`);
  return 0;
}

/**
 * busyboxNslookup is busybox's applet (1.35+): a name without a dot is asked
 * once per search domain (never bare), a dotted name as it is; A and AAAA
 * questions go out together and every reply is printed, NXDOMAINs included.
 */
async function busyboxNslookup(p: Process, name: string, serverArg: string | undefined, types: DnsType[] | undefined): Promise<number> {
  const conf = readResolvConf(p);
  const servers = serverArg ? [serverArg] : conf.nameservers.length ? conf.nameservers : ['127.0.0.1'];
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(name);
  const names = isIp ? [`${name.split('.').reverse().join('.')}.in-addr.arpa`] : name.includes('.') || conf.search.length === 0 ? [name] : conf.search.map((s) => `${name}.${s}`);
  const qtypes: DnsType[] = isIp ? ['PTR'] : (types ?? ['A', 'AAAA']);
  const questions = qtypes.flatMap((t) => names.map((n) => ({ name: n, type: t })));
  for (const server of servers) {
    const replies: DnsReply[] = [];
    let timedOut = false;
    for (const q of questions) {
      const r = queryServer(p, server, q);
      if ('local' in r) {
        replies.push(localReply(p, q.name).reply);
        continue;
      }
      if ('timeout' in r) {
        timedOut = true;
        break;
      }
      replies.push(r.reply);
    }
    if (timedOut) {
      if (!(await p.sys.sleep(5000, p.signal))) return 130;
      continue;
    }
    let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
    let code = 0;
    questions.forEach((q, i) => {
      const r = replies[i]!;
      if (r.rcode !== 'NOERROR') {
        out += `** server can't find ${q.name}: ${r.rcode}\n`;
        code = 1;
      } else {
        if (!r.authoritative) out += 'Non-authoritative answer:\n';
        for (const rr of r.answer) {
          const owner = rr.name.replace(/\.$/, '');
          if (rr.type === 'A' || rr.type === 'AAAA') out += `Name:\t${owner}\nAddress: ${rr.data}\n`;
          else if (rr.type === 'CNAME') out += `${owner}\tcanonical name = ${rr.data.replace(/\.$/, '')}\n`;
          else if (rr.type === 'PTR') out += `${owner}\tname = ${rr.data.replace(/\.$/, '')}\n`;
          else if (rr.type === 'SRV') out += `${owner}\tservice = ${rr.data.replace(/\.$/, '')}\n`;
          else if (rr.type === 'MX') out += `${owner}\tmail exchanger = ${rr.data.replace(/\.$/, '')}\n`;
          else if (rr.type === 'TXT') out += `${owner}\ttext = ${rr.data}\n`;
        }
      }
      out += '\n';
    });
    p.stdout.write(out);
    return code;
  }
  p.stdout.write(TIMEOUT + '\n');
  return 1;
}
