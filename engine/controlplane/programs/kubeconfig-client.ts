import { parse } from 'yaml';
import { atobUtf8 } from '../../base/base64.ts';
import type { ApiHandler } from '../../api/transport.ts';
import { ApiClient, ConnectionError } from '../../client/client.ts';
import type { Process } from '../../host/process.ts';
import { NetError } from '../../host/net.ts';
import { verifyServerCertificate } from '../../pki/index.ts';
import { readText } from './klog.ts';

interface Kubeconfig {
  'current-context'?: string;
  clusters?: { name: string; cluster: { server?: string; 'certificate-authority-data'?: string; 'certificate-authority'?: string; 'insecure-skip-tls-verify'?: boolean } }[];
  contexts?: { name: string; context: { cluster?: string; user?: string } }[];
  users?: { name: string; user: { 'client-certificate-data'?: string; 'client-certificate'?: string; token?: string } }[];
}

/**
 * clientFromKubeconfig is client-go's clientcmd for a component's
 * --kubeconfig: it reads the file, picks the current context and builds an
 * ApiClient that dials the server through the lab's network on every
 * request, checking the server certificate against the kubeconfig's CA.
 * It answers the startup error text the components print.
 */
export function clientFromKubeconfig(p: Process, path: string): { client: ApiClient; server: string; dial: () => ApiHandler } | { error: string } {
  const text = readText(p, path, 'stat');
  if (typeof text !== 'string') return text;
  let cfg: Kubeconfig;
  try {
    cfg = (parse(text) ?? {}) as Kubeconfig;
  } catch (e) {
    return { error: `error loading config file "${path}": yaml: ${(e as Error).message.split('\n')[0]}` };
  }
  const ctxName = cfg['current-context'];
  const ctx = cfg.contexts?.find((c) => c.name === ctxName)?.context;
  if (!ctxName || !ctx) return { error: 'invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable' };
  const cluster = cfg.clusters?.find((c) => c.name === ctx.cluster)?.cluster;
  const user = cfg.users?.find((u) => u.name === ctx.user)?.user ?? {};
  if (!cluster?.server) return { error: `invalid configuration: [context was not found for specified context: ${ctxName}, cluster has no server defined]` };
  let caPem: string | undefined;
  if (cluster['certificate-authority-data']) caPem = atobUtf8(cluster['certificate-authority-data']);
  else if (cluster['certificate-authority']) {
    const t = readText(p, cluster['certificate-authority']);
    if (typeof t !== 'string') return { error: `invalid configuration: unable to read certificate-authority ${cluster['certificate-authority']} for ${ctx.cluster} due to ${t.error}` };
    caPem = t;
  }
  let certPem: string | undefined;
  if (user['client-certificate-data']) certPem = atobUtf8(user['client-certificate-data']);
  else if (user['client-certificate']) {
    const t = readText(p, user['client-certificate']);
    if (typeof t !== 'string') return { error: `invalid configuration: unable to read client-cert ${user['client-certificate']} for ${ctx.user} due to ${t.error}` };
    certPem = t;
  }
  const server = cluster.server;
  const dial = apiServerDialer(p, server, caPem, cluster['insecure-skip-tls-verify'] === true);
  return { client: new ApiClient(dial, { clientCertPem: certPem, token: user.token }), server, dial };
}

/**
 * apiServerDialer connects a process to an apiserver URL through the lab's
 * network on every request, checking the server certificate against the CA
 * (client-go's transport): the errors are the texts client-go prints.
 */
export function apiServerDialer(p: Process, server: string, caPem: string | undefined, insecure = false): () => ApiHandler {
  const m = /^(https?):\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?/.exec(server);
  const host = (m?.[2] ?? server).replace(/^\[|\]$/g, '');
  const port = m?.[3] ? Number(m[3]) : m?.[1] === 'http' ? 80 : 443;
  return (): ApiHandler => {
    const peer = { host: p.hostname, ip: p.sys.hostIp };
    const addr = p.sys.net.resolve(host, peer);
    if (!addr) throw new ConnectionError(`dial tcp: lookup ${host}: no such host`, 'unreachable');
    let l;
    try {
      l = p.sys.net.dial(peer, addr, port);
    } catch (e) {
      if (e instanceof NetError) throw new ConnectionError(`dial tcp ${addr}:${port}: connect: connection refused`, e.code === 'ECONNREFUSED' ? 'refused' : 'timeout');
      throw e;
    }
    if (l.protocol !== 'kube-api') throw new ConnectionError('net/http: HTTP/1.x transport connection broken: malformed HTTP response', 'tls');
    if (l.tls && !insecure) {
      const problem = caPem ? verifyServerCertificate(l.tls.certPem, caPem, host, p.sys.runtime.now) : 'x509: certificate signed by unknown authority';
      if (problem) throw new ConnectionError(`tls: failed to verify certificate: ${problem}`, 'tls');
    }
    return l.handler as ApiHandler;
  };
}
