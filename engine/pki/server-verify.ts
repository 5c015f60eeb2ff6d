import { parseCertificatePem, parseCertificatesPem, type Certificate } from './certificate.ts';
import { OID } from './oids.ts';
import { issuedBy, verifyAgainstRoots, verifyCertificateSignature } from './verify.ts';

function matchesHostname(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (p === h) return true;
  if (p.startsWith('*.')) {
    const rest = h.slice(h.indexOf('.') + 1);
    return h.includes('.') && rest === p.slice(2);
  }
  return false;
}

/** hostnameError is Go's x509.HostnameError text, or undefined when the certificate is valid for host. */
export function hostnameError(c: Certificate, host: string): string | undefined {
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
  if (isIp) {
    if (c.ipAddresses.includes(host)) return undefined;
    if (c.ipAddresses.length === 0) return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`;
    return `x509: certificate is valid for ${c.ipAddresses.join(', ')}, not ${host}`;
  }
  if (c.dnsNames.some((n) => matchesHostname(n, host))) return undefined;
  if (c.dnsNames.length === 0) return `x509: certificate is not valid for any names, but wanted to match ${host}`;
  return `x509: certificate is valid for ${c.dnsNames.join(', ')}, not ${host}`;
}

const cache = new Map<string, Certificate | Error>();
const signersCache = new Map<string, Certificate[]>();

function parseCached(pem: string): Certificate | Error {
  let c = cache.get(pem);
  if (!c) {
    try {
      c = parseCertificatePem(pem);
    } catch (e) {
      c = e as Error;
    }
    if (cache.size > 500) cache.clear();
    cache.set(pem, c);
  }
  return c;
}

/**
 * verifyServerCertificate is the client half of a TLS handshake, as Go's
 * crypto/tls does it: the server's certificate must chain to a trusted CA, be
 * valid now, allow serverAuth and name the host. It answers Go's error text, or
 * undefined when the certificate is trusted.
 */
export function verifyServerCertificate(serverPem: string, caPem: string, serverName: string, now: number): string | undefined {
  const cert = parseCached(serverPem);
  if (cert instanceof Error) return 'x509: malformed certificate';
  // Every request dials and checks again: the parse and the signature checks are kept per pair, the clock is checked each time.
  const key = `${serverPem}\n${caPem}`;
  let roots = signersCache.get(key);
  if (!roots) {
    try {
      roots = parseCertificatesPem(caPem).filter((r) => issuedBy(cert, r) && verifyCertificateSignature(cert, r));
    } catch {
      return 'x509: certificate signed by unknown authority';
    }
    if (signersCache.size > 500) signersCache.clear();
    signersCache.set(key, roots);
  }
  const chain = verifyAgainstRoots(cert, roots, now, OID.serverAuth, true);
  if (!chain.ok) return chain.error;
  return hostnameError(cert, serverName);
}
