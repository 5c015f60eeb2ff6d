import type { Peer } from '../host/net.ts';

/**
 * The DNS protocol of the lab network: a listener of protocol "dns" answers
 * one question at a time. What travels is a typed question and reply, not
 * packets; the tools (nslookup, dig, host, curl's resolver) print them the
 * way the real programs print decoded messages.
 */

/** DnsType is a record type the lab's servers know. */
export type DnsType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'TXT' | 'NS' | 'SOA' | 'MX' | 'ANY';

/** DnsRecord is one resource record. data is the presentation form (an IP, a target name, "0 50 80 x.svc.").*/
export interface DnsRecord {
  name: string;
  type: Exclude<DnsType, 'ANY'>;
  ttl: number;
  data: string;
}

/** DnsQuestion asks for records of one name (fully qualified, with the trailing dot). */
export interface DnsQuestion {
  name: string;
  type: DnsType;
}

/** DnsReply is a server's answer. */
export interface DnsReply {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  /** aa: the server is authoritative for the name (CoreDNS's cluster zone) */
  authoritative: boolean;
  answer: DnsRecord[];
  authority: DnsRecord[];
  /** the additional section: the addresses of SRV targets */
  additional?: DnsRecord[];
}

/** DnsHandler serves a listener of protocol "dns"; undefined means the server did not answer (the client times out). */
export interface DnsHandler {
  query(q: DnsQuestion, from: Peer): DnsReply | undefined;
}

/** fqdn adds the trailing dot. */
export function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}
