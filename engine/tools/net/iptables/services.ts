/**
 * Port and ICMP names iptables -L prints without -n. The lab's machines have
 * no /etc/services, so these are the netbase entries for the ports a
 * cluster uses; any other port prints as its number, as getservbyport
 * leaves it.
 */
const TCP_SERVICES: Record<number, string> = {
  21: 'ftp', 22: 'ssh', 23: 'telnet', 25: 'smtp', 53: 'domain', 80: 'http', 88: 'kerberos', 110: 'pop3', 143: 'imap2',
  389: 'ldap', 443: 'https', 636: 'ldaps', 993: 'imaps', 995: 'pop3s', 3306: 'mysql', 5432: 'postgresql', 8080: 'http-alt',
};
const UDP_SERVICES: Record<number, string> = { 53: 'domain', 67: 'bootps', 68: 'bootpc', 69: 'tftp', 123: 'ntp', 161: 'snmp', 443: 'https' };

/** serviceName is getservbyport(port, proto) as iptables asks it, or undefined. */
export function serviceName(port: number, proto: string): string | undefined {
  return (proto === 'udp' ? UDP_SERVICES : TCP_SERVICES)[port];
}

/** servicePort turns a port argument ("80", "http") into a number, or undefined when unknown. */
export function servicePort(arg: string, proto: string): number | undefined {
  if (/^\d+$/.test(arg)) {
    const n = Number(arg);
    return n <= 65535 ? n : undefined;
  }
  const table = proto === 'udp' ? UDP_SERVICES : TCP_SERVICES;
  for (const [port, name] of Object.entries(table)) if (name === arg) return Number(port);
  return undefined;
}

/** ICMP_TYPES are the icmp match's names (libipt_icmp.c), type/code. */
export const ICMP_TYPES: Array<{ name: string; type: number; code?: number }> = [
  { name: 'any', type: 255 },
  { name: 'echo-reply', type: 0 },
  { name: 'destination-unreachable', type: 3 },
  { name: 'network-unreachable', type: 3, code: 0 },
  { name: 'host-unreachable', type: 3, code: 1 },
  { name: 'port-unreachable', type: 3, code: 3 },
  { name: 'source-quench', type: 4 },
  { name: 'redirect', type: 5 },
  { name: 'echo-request', type: 8 },
  { name: 'time-exceeded', type: 11 },
  { name: 'parameter-problem', type: 12 },
  { name: 'timestamp-request', type: 13 },
  { name: 'timestamp-reply', type: 14 },
];
