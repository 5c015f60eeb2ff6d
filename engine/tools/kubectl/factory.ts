import { atobUtf8 } from '../../base/base64.ts';
import { requestTimeoutMs } from './cli/request-timeout.ts';
import type { Credentials, ApiHandler } from '../../api/transport.ts';
import { ApiClient, ConnectionError } from '../../client/client.ts';
import type { Process } from '../../host/process.ts';
import { NetError } from '../../host/net.ts';
import { verifyServerCertificate } from '../../pki/server-verify.ts';
import { loadKubeconfig, loadingPaths, resolveConfig, type Kubeconfig, type Overrides, type ResolvedConfig } from './config/kubeconfig.ts';
import { Discovery } from './discovery.ts';
import { PlainError } from './errors.ts';
import { logConfigLoaded, logFeatureGates, loggingHandler } from './cli/verbose.ts';
import { cachedDiscovery, discoveryCacheDir } from './discovery-cache.ts';

/** GlobalOptions are kubectl's global flags, parsed. */
export interface GlobalOptions extends Overrides {
  kubeconfig?: string;
  as?: string;
  asGroups: string[];
  asUid?: string;
  requestTimeout?: string;
  /** cacheDir is --cache-dir (discovery's disk cache lives under it) */
  cacheDir?: string;
  verbosity: number;
}

/**
 * Factory is what every kubectl command gets: the loaded kubeconfig, the
 * effective namespace, an API client for the current context, discovery and
 * the REST mapper. It is built per invocation from the process (files,
 * environment, network) and the global flags.
 */
export class Factory {
  private cfg: Kubeconfig | undefined;
  private resolved: ResolvedConfig | undefined;
  private clientCache: ApiClient | undefined;
  private discoveryCache: Discovery | undefined;

  constructor(
    readonly proc: Process,
    readonly globals: GlobalOptions,
  ) {}

  /** kubeconfigPaths are the files kubeconfig is read from (and written to by `config` commands). */
  kubeconfigPaths(): { paths: string[]; explicit: boolean } {
    return loadingPaths(this.globals.kubeconfig, this.proc.env, this.proc.env['HOME'] ?? this.proc.user.home);
  }

  rawConfig(): Kubeconfig {
    if (!this.cfg) {
      const { paths, explicit } = this.kubeconfigPaths();
      this.cfg = loadKubeconfig(this.proc.fs, paths.map((p) => this.abs(p)), explicit);
      if (this.globals.verbosity >= 6) for (const p of paths.map((x) => this.abs(x))) if (this.proc.fs.exists(p)) logConfigLoaded(this.proc, p);
    }
    return this.cfg;
  }

  config(): ResolvedConfig {
    this.resolved ??= resolveConfig(this.rawConfig(), this.globals);
    return this.resolved;
  }

  /** namespace is -n, else the context's namespace, else "default". */
  namespace(): string {
    return this.config().namespace;
  }

  /** namespaceExplicit reports whether -n was given (some commands warn or refuse otherwise). */
  namespaceExplicit(): boolean {
    return !!this.globals.namespace;
  }

  abs(path: string): string {
    if (path.startsWith('/')) return path;
    if (path.startsWith('~/')) return `${this.proc.env['HOME'] ?? this.proc.user.home}${path.slice(1)}`;
    return `${this.proc.cwd.replace(/\/$/, '')}/${path}`;
  }

  private readFileRef(path: string | undefined, data: string | undefined): string | undefined {
    if (data) return atobUtf8(data);
    if (path) return this.proc.fs.readFile(this.abs(path));
    return undefined;
  }

  credentials(): Credentials {
    const u = this.config().user;
    const creds: Credentials = {};
    const cert = this.readFileRef(u['client-certificate'], u['client-certificate-data']);
    if (cert) creds.clientCertPem = cert;
    if (u.token) creds.token = u.token;
    else if (u.tokenFile) creds.token = this.proc.fs.readFile(this.abs(u.tokenFile)).trim();
    if (u.username) creds.basic = { username: u.username, password: u.password ?? '' };
    return creds;
  }

  /** serverHostPort is "host:port" as kubectl's connection errors print it. */
  serverHostPort(): string {
    const u = parseServer(this.config().server);
    return `${u.host}:${u.port}`;
  }

  /** client is the API client of the current context, with --as/--as-group impersonation. */
  client(): ApiClient {
    if (this.clientCache) return this.clientCache;
    // clientcmd's validation of the merged config, before any request. Without -n it fails first while
    // resolving the namespace, and kubectl unwraps the one-error aggregate; with -n it fails building the
    // REST config, reported as a configuration error.
    if ((this.globals.asUid || this.globals.asGroups.length) && !this.globals.as) {
      const msg = `requesting uid, groups or user-extra for ${this.config().userName} without impersonating a user`;
      throw new PlainError(this.namespaceExplicit() ? `Error in configuration: ${msg}` : `error: ${msg}`);
    }
    // client-go checks --request-timeout while building the client's configuration
    requestTimeoutMs(this.globals.requestTimeout);
    const headers: Record<string, string | string[]> = { 'user-agent': 'kubectl/v1.34.0 (linux/amd64) kubernetes/kubelab' };
    if (this.globals.as) headers['impersonate-user'] = this.globals.as;
    if (this.globals.asGroups.length) headers['impersonate-group'] = this.globals.asGroups;
    if (this.globals.asUid) headers['impersonate-uid'] = this.globals.asUid;
    if (this.globals.verbosity >= 1) logFeatureGates(this.proc);
    const server = this.config().server;
    const dial = () => (this.globals.verbosity >= 6 ? loggingHandler(this.dial(), server, this.proc) : this.dial());
    this.clientCache = new ApiClient(dial, this.credentials(), headers);
    this.clientCache.onWarning = (w) => {
      this.warningCount++;
      this.proc.stderr.write(`Warning: ${w}\n`);
    };
    return this.clientCache;
  }

  /** warningCount is how many Warning headers the server sent (for --warnings-as-errors). */
  warningCount = 0;

  /** discovery maps typed names to resources, from the disk cache under --cache-dir while it is fresh (as the real kubectl). */
  discovery(): Discovery {
    if (this.discoveryCache) return this.discoveryCache;
    const home = this.proc.env['HOME'] ?? this.proc.user.home;
    const cacheDir = this.globals.cacheDir ? this.abs(this.globals.cacheDir) : this.proc.env['KUBECACHEDIR'] || `${home}/.kube/cache`;
    const source = cachedDiscovery({ fs: this.proc.fs, dir: discoveryCacheDir(cacheDir, this.config().server), client: this.client(), now: () => this.proc.sys.runtime.now });
    this.discoveryCache = new Discovery(source);
    return this.discoveryCache;
  }

  /** dial reaches the apiserver named by the kubeconfig through the lab's network, checking TLS. */
  private dial(): ApiHandler {
    const cfg = this.config();
    const url = parseServer(cfg.server);
    const net = this.proc.sys.net;
    const peer = { host: this.proc.hostname, ip: this.proc.sys.hostIp };
    const addr = net.resolve(url.host, peer);
    if (!addr) throw new ConnectionError(`dial tcp: lookup ${url.host} on 127.0.0.53:53: server misbehaving`, 'unreachable');
    let listener;
    try {
      listener = net.dial(peer, addr, url.port);
    } catch (e) {
      if (e instanceof NetError) {
        if (e.code === 'ECONNREFUSED') throw new ConnectionError(`dial tcp ${addr}:${url.port}: connect: connection refused`, 'refused');
        throw new ConnectionError(`dial tcp ${addr}:${url.port}: i/o timeout`, 'timeout');
      }
      throw e;
    }
    if (listener.protocol !== 'kube-api') {
      throw new ConnectionError(`net/http: HTTP/1.x transport connection broken: malformed HTTP response "\\x00\\x00\\x06\\x04\\x00\\x00\\x00\\x00\\x00\\x00\\x05\\x00\\x00@\\x00\\x00\\x03\\x00\\x00\\x00\\xfa"`, 'tls');
    }
    if (url.scheme === 'https') {
      if (!listener.tls) throw new ConnectionError('http: server gave HTTP response to HTTPS client', 'tls');
      if (!cfg.cluster['insecure-skip-tls-verify']) {
        const ca = this.readFileRef(cfg.cluster['certificate-authority'], cfg.cluster['certificate-authority-data']);
        const problem = ca
          ? verifyServerCertificate(listener.tls.certPem, ca, cfg.cluster['tls-server-name'] ?? url.host, this.proc.sys.runtime.now)
          : 'x509: certificate signed by unknown authority';
        if (problem) throw new ConnectionError(`tls: failed to verify certificate: ${problem}`, 'tls');
      }
    }
    return listener.handler as ApiHandler;
  }
}

/** parseServer splits a kubeconfig server URL into scheme, host and port. */
export function parseServer(server: string): { scheme: 'http' | 'https'; host: string; port: number } {
  const m = /^(https?):\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?/.exec(server);
  if (!m) return { scheme: 'https', host: server, port: 443 };
  const scheme = m[1] as 'http' | 'https';
  return { scheme, host: m[2]!.replace(/^\[|\]$/g, ''), port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80 };
}
