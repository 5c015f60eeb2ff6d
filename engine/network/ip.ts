/** IPv4 helpers shared by kube-proxy, NetworkPolicy (ipBlock) and CoreDNS (reverse names). */

/** ipToInt turns dotted IPv4 text into an unsigned 32-bit number, or undefined when it is not one. */
export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** intToIp is the reverse of ipToInt. */
export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** isIPv4 tells whether text is a dotted IPv4 address. */
export function isIPv4(text: string): boolean {
  return ipToInt(text) !== undefined;
}

/** cidrContains tells whether ip lies in cidr ("10.244.1.0/24"); a bare address is a /32. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const b = ipToInt(base ?? '');
  const a = ipToInt(ip);
  if (b === undefined || a === undefined) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!(bits >= 0 && bits <= 32)) return false;
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

/** dashedIp writes 10.244.1.5 as 10-244-1-5, the form of pod DNS names. */
export function dashedIp(ip: string): string {
  return ip.replace(/\./g, '-');
}

/** reverseName is the in-addr.arpa name of an address (5.1.244.10.in-addr.arpa). */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}
