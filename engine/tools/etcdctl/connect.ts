import type { Process } from '../../host/process.ts';
import { NetError } from '../../host/net.ts';
import { clientCertVerifier, parseCertificatePem, parsePrivateKeyPem, publicOf, verifyServerCertificate } from '../../pki/index.ts';
import { ETCD_PROTOCOL, type EtcdService } from '../../controlplane/etcd/wire.ts';
import { isoMicros, zapJson } from './format.ts';

/** ClientConfig is what etcdctl's global flags say about reaching etcd. */
export interface ClientConfig {
  endpoints: string[];
  cacert?: string;
  cert?: string;
  key?: string;
  insecureSkipVerify: boolean;
  commandTimeoutMs: number;
  dialTimeoutMs: number;
}

/** TlsMaterial is the client side of TLS, read from the files before any dial (as clientv3 does). */
export interface TlsMaterial {
  caPem?: string;
  certPem?: string;
  keyPem?: string;
}

/** absolute resolves a path against the process's working directory. */
export function absolute(p: Process, path: string): string {
  return path.startsWith('/') ? path : `${p.cwd.replace(/\/$/, '')}/${path}`;
}

/**
 * loadTls reads --cert/--key/--cacert in clientv3's order and answers the
 * error etcdctl prints (with exit code 128) when one is missing or unusable.
 */
export function loadTls(p: Process, c: ClientConfig): TlsMaterial | { error: string } {
  const read = (path: string): string | { error: string } => {
    try {
      return p.fs.readFile(absolute(p, path));
    } catch (e) {
      const code = (e as { code?: string }).code;
      return { error: `open ${path}: ${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : 'no such file or directory'}` };
    }
  };
  const out: TlsMaterial = {};
  if (c.cert || c.key) {
    if (!c.cert || !c.key) return { error: `KeyFile and CertFile must both be present[key: ${c.key ?? ''}, cert: ${c.cert ?? ''}]` };
    const certPem = read(c.cert);
    if (typeof certPem !== 'string') return certPem;
    const keyPem = read(c.key);
    if (typeof keyPem !== 'string') return keyPem;
    if (!certPem.includes('-----BEGIN CERTIFICATE-----')) return { error: 'tls: failed to find any PEM data in certificate input' };
    let key;
    try {
      key = parsePrivateKeyPem(keyPem);
    } catch {
      return { error: keyPem.includes('-----BEGIN') ? 'tls: failed to parse private key' : 'tls: failed to find any PEM data in key input' };
    }
    try {
      const cert = parseCertificatePem(certPem);
      const pub = publicOf(key);
      if (!('n' in cert.publicKey) || (cert.publicKey as { n: bigint }).n !== pub.n) return { error: 'tls: private key does not match public key' };
    } catch {
      return { error: 'tls: failed to parse certificate: x509: malformed certificate' };
    }
    out.certPem = certPem;
    out.keyPem = keyPem;
  }
  if (c.cacert) {
    const caPem = read(c.cacert);
    if (typeof caPem !== 'string') return caPem;
    if (!caPem.includes('-----BEGIN CERTIFICATE-----')) return { error: `failed to load CA certificates from ${c.cacert}` };
    out.caPem = caPem;
  }
  return out;
}

/** splitEndpoint reads "https://host:port", "host:port" or "unix://…" into its parts. */
export function splitEndpoint(ep: string, tlsConfigured: boolean): { host: string; port: number; tls: boolean } {
  const m = /^(?:(https?|unixs?):\/\/)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?/.exec(ep);
  const scheme = m?.[1];
  const tls = scheme === 'https' || scheme === 'unixs' || (scheme === undefined && tlsConfigured);
  return { host: (m?.[2] ?? ep).replace(/^\[|\]$/g, ''), port: m?.[3] ? Number(m[3]) : 2379, tls };
}

/** DialResult is a reached member, or the gRPC error text of why not. */
export type DialResult = { service: EtcdService } | { grpcError: string };

/**
 * dialEtcd reaches one endpoint through the lab's network and performs the TLS
 * handshake both ways (server certificate against --cacert, client certificate
 * against etcd's --trusted-ca-file), answering what gRPC would report.
 */
export function dialEtcd(p: Process, ep: string, tls: TlsMaterial, insecureSkipVerify: boolean, anyMember = false): DialResult {
  const tlsConfigured = tls.caPem !== undefined || tls.certPem !== undefined;
  const u = splitEndpoint(ep, tlsConfigured);
  const peer = { host: p.hostname, ip: p.sys.hostIp };
  const addr = p.sys.net.resolve(u.host, peer);
  const last = (d: string) => `latest balancer error: last connection error: connection error: desc = "${d}"`;
  if (!addr) return { grpcError: last(`transport: Error while dialing: dial tcp: lookup ${u.host} on 127.0.0.53:53: server misbehaving`) };
  let listener;
  try {
    listener = p.sys.net.dial(peer, addr, u.port);
  } catch (e) {
    if (e instanceof NetError) {
      const why = e.code === 'ECONNREFUSED' ? 'connect: connection refused' : e.code === 'EHOSTUNREACH' ? 'connect: no route to host' : 'i/o timeout';
      return { grpcError: last(`transport: Error while dialing: dial tcp ${addr}:${u.port}: ${why}`) };
    }
    throw e;
  }
  if (listener.protocol !== ETCD_PROTOCOL) {
    return { grpcError: u.tls ? last('transport: authentication handshake failed: tls: first record does not look like a TLS handshake') : 'latest balancer error: last connection error: connection closed before server preface received' };
  }
  const srv = listener.tls;
  const memo = handshakes.get(listener);
  const key = `${u.tls}|${u.host}|${insecureSkipVerify}|${tls.caPem ?? ''}|${tls.certPem ?? ''}`;
  const known = memo?.get(key);
  if (known && known.until > p.sys.runtime.now) return anyMember ? known.result : serving(known.result);
  const result = handshake(p, listener, u, tls, insecureSkipVerify);
  // A handshake's outcome holds until a certificate could expire; an hour is far below any validity.
  if (!memo) handshakes.set(listener, new Map([[key, { result, until: p.sys.runtime.now + 3_600_000 }]]));
  else memo.set(key, { result, until: p.sys.runtime.now + 3_600_000 });
  return anyMember ? result : serving(result);
}

/** serving turns a reached member that cannot serve (its raft group lost quorum) into the client's deadline error. */
function serving(r: DialResult): DialResult {
  return 'service' in r && !r.service.available() ? { grpcError: 'context deadline exceeded' } : r;
}

/** handshakes remembers, per listener, the outcome of each distinct client handshake (clients reconnect on every request). */
const handshakes = new WeakMap<object, Map<string, { result: DialResult; until: number }>>();

function handshake(p: Process, listener: { tls?: { certPem: string; clientCaPem?: string; requireClientCert?: boolean }; handler: unknown }, u: { host: string; tls: boolean }, tls: TlsMaterial, insecureSkipVerify: boolean): DialResult {
  const last = (d: string) => `latest balancer error: last connection error: connection error: desc = "${d}"`;
  const srv = listener.tls;
  if (srv && !u.tls) return { grpcError: 'latest balancer error: last connection error: connection closed before server preface received' };
  if (!srv && u.tls) return { grpcError: last('transport: authentication handshake failed: tls: first record does not look like a TLS handshake') };
  if (srv) {
    const now = p.sys.runtime.now;
    if (!insecureSkipVerify) {
      const problem = tls.caPem ? verifyServerCertificate(srv.certPem, tls.caPem, u.host, now) : 'x509: certificate signed by unknown authority';
      if (problem) return { grpcError: last(`transport: authentication handshake failed: tls: failed to verify certificate: ${problem}`) };
    }
    if (srv.requireClientCert || srv.clientCaPem) {
      if (!tls.certPem) {
        if (srv.requireClientCert) return { grpcError: 'latest balancer error: connection error: desc = "error reading server preface: remote error: tls: certificate required"' };
      } else if (srv.clientCaPem) {
        const v = clientCertVerifier(srv.clientCaPem).verify(tls.certPem, now);
        if ('error' in v) return { grpcError: 'latest balancer error: connection error: desc = "error reading server preface: remote error: tls: bad certificate"' };
      }
    }
  }
  return { service: listener.handler as EtcdService };
}

/** retryWarning is the client's log line when a request could not reach any member before its deadline. */
export function retryWarning(p: Process, endpoints: string[], grpcError: string): string {
  return unaryWarning(p, endpoints, `rpc error: code = DeadlineExceeded desc = ${grpcError}`);
}

/** unaryWarning is the client's log line for a unary call that failed with this gRPC error. */
export function unaryWarning(p: Process, endpoints: string[], error: string): string {
  const target = `etcd-endpoints://0xc000${(0x100000 + p.sys.runtime.rand.int(0xeffff)).toString(16)}/#initially=[${endpoints.join(';')}]`;
  return zapJson('warn', isoMicros(p.sys.runtime.now), [
    ['logger', 'etcd-client'],
    ['caller', 'v3@v3.5.21/retry_interceptor.go:62'],
    ['msg', 'retrying of unary invoker failed'],
    ['target', target],
    ['attempt', 0],
    ['error', error],
  ]);
}
