import { parse } from 'yaml';
import { atobUtf8 } from '../../base/base64.ts';
import { ApiClient, ConnectionError } from '../../client/client.ts';
import type { ApiHandler } from '../../api/transport.ts';
import { NetError } from '../../host/net.ts';
import type { Process } from '../../host/process.ts';

interface Kubeconfig {
  clusters?: { name: string; cluster: { server?: string } }[];
  users?: { name: string; user: { 'client-certificate'?: string; 'client-certificate-data'?: string; token?: string } }[];
  contexts?: { name: string; context: { cluster: string; user: string } }[];
  'current-context'?: string;
}

/**
 * kubeconfigClient makes the API client a daemon builds from its kubeconfig:
 * requests travel the lab network to the server the file names, with the
 * client certificate it points to.
 */
export function kubeconfigClient(p: Process, path: string): { client: ApiClient; server: string } | { error: string } {
  let cfg: Kubeconfig;
  try {
    cfg = (parse(p.fs.readFile(path)) ?? {}) as Kubeconfig;
  } catch (e) {
    return { error: `invalid configuration: ${path}: ${(e as Error).message.split('\n')[0]}` };
  }
  const ctx = cfg.contexts?.find((c) => c.name === cfg['current-context']) ?? cfg.contexts?.[0];
  const cluster = cfg.clusters?.find((c) => c.name === ctx?.context.cluster) ?? cfg.clusters?.[0];
  const user = cfg.users?.find((u) => u.name === ctx?.context.user) ?? cfg.users?.[0];
  const server = cluster?.cluster.server;
  if (!server) return { error: 'invalid configuration: no server found for cluster "default-cluster"' };
  let certPem = '';
  try {
    if (user?.user['client-certificate-data']) certPem = atobUtf8(user.user['client-certificate-data']);
    // kubelet-client-current.pem holds the certificate and its key: the client presents the certificate.
    else if (user?.user['client-certificate']) certPem = p.fs.readFile(user.user['client-certificate']).replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----\n?/g, '');
  } catch (e) {
    return { error: `invalid configuration: unable to read client-cert ${user?.user['client-certificate']} for default-auth due to open ${user?.user['client-certificate']}: no such file or directory` };
  }
  const m = /^(https?):\/\/([^:/]+)(?::(\d+))?/.exec(server);
  const host = m?.[2] ?? server;
  const port = Number(m?.[3] ?? (m?.[1] === 'http' ? 80 : 443));
  const dial = (): ApiHandler => {
    const peer = { host: p.hostname, ip: p.sys.hostIp };
    const addr = p.sys.net.resolve(host, peer);
    if (!addr) throw new ConnectionError(`dial tcp: lookup ${host} on 127.0.0.53:53: server misbehaving`, 'unreachable');
    try {
      const l = p.sys.net.dial(peer, addr, port);
      if (l.protocol !== 'kube-api') throw new ConnectionError(`dial tcp ${addr}:${port}: connect: connection refused`, 'refused');
      return l.handler as ApiHandler;
    } catch (e) {
      if (e instanceof NetError) throw new ConnectionError(`dial tcp ${addr}:${port}: ${e.code === 'ECONNREFUSED' ? 'connect: connection refused' : 'i/o timeout'}`, e.code === 'ECONNREFUSED' ? 'refused' : 'timeout');
      throw e;
    }
  };
  const token = user?.user.token;
  return { client: new ApiClient(dial, token ? { token } : { clientCertPem: certPem }), server };
}
