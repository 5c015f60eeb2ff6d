/**
 * The lab's network: hosts and pods listen on addresses and ports, clients
 * dial them. A listener serves one protocol; what travels over it is a typed
 * in-memory request, not bytes, so there is no serialisation on the hot path.
 * NetworkPolicy, kube-proxy and TLS checks hook in here.
 */

/** Peer describes who is dialling (a host or a pod), for NetworkPolicy and logs. */
export interface Peer {
  host: string;
  ip: string;
  /** namespace and labels when the peer is a pod */
  pod?: { namespace: string; name: string; labels: Record<string, string> };
}

/** TlsConfig is a listener's server side of TLS. */
export interface TlsConfig {
  /** PEM of the serving certificate (and chain). */
  certPem: string;
  /** PEM of CAs whose client certificates are accepted; absent: client certs are not asked for. */
  clientCaPem?: string;
  /** requireClientCert: the handshake fails without a valid client certificate (etcd). */
  requireClientCert?: boolean;
}

/** TlsClientHello is what a client presents: its certificate and what it trusts. */
export interface TlsClientHello {
  serverName: string;
  /** PEM of the CA bundle the client trusts; absent with insecureSkipVerify. */
  caPem?: string;
  insecureSkipVerify?: boolean;
  clientCertPem?: string;
  clientKeyPem?: string;
}

/** Listener is one bound port. The handler's shape depends on protocol. */
export interface Listener {
  protocol: string;
  tls?: TlsConfig;
  handler: unknown;
}

/** NetError carries the errno of a failed dial. */
export class NetError extends Error {
  constructor(
    readonly code: 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ETIMEDOUT' | 'ENOTFOUND' | 'ECONNRESET',
    readonly address: string,
    readonly port: number,
  ) {
    super(`${code} ${address}:${port}`);
    this.name = 'NetError';
  }
}

/** Network routes dials to listeners. */
export interface Network {
  /** resolve turns a host name into an IP the way that host would (/etc/hosts, then cluster DNS for pods). */
  resolve(name: string, from: Peer): string | undefined;
  /** dial returns the listener at address:port, or throws NetError. */
  dial(from: Peer, address: string, port: number): Listener;
  /** listen binds a listener; "0.0.0.0" binds every address of the host. */
  listen(host: string, address: string, port: number, listener: Listener): { close(): void };
}

/** HttpRequest is one HTTP request as it travels in memory to a listener of protocol "http". */
export interface HttpRequest {
  method: string;
  /** path with query, e.g. "/index.html?x=1" */
  path: string;
  /** header names in lower case */
  headers: Record<string, string>;
  body: string;
  /** the Host header's value, for virtual hosts (ingress) */
  host: string;
  /** true when the client spoke TLS (https) */
  tls: boolean;
}

export interface HttpResponse {
  status: number;
  /** the reason phrase, e.g. "OK", "Not Found" (defaults from the status) */
  statusText?: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * HttpHandler serves a listener of protocol "http" (nginx in a pod, an ingress
 * controller, the kubelet's read-only endpoints). It answers synchronously or
 * with a promise (a server that proxies further).
 */
export interface HttpHandler {
  handle(req: HttpRequest, from: Peer): HttpResponse | Promise<HttpResponse>;
}

/** TcpHandler serves a listener of protocol "tcp": one connection, a request text in, a response text out (redis PING, nc). */
export interface TcpHandler {
  converse(input: string, from: Peer): string | Promise<string>;
}
