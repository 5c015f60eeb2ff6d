import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import type { ApiAccess, CommandResult, GradeTarget } from '../exercises/grader/target.ts';

interface Kubeconfig {
  'current-context'?: string;
  contexts?: { name: string; context: { cluster: string; user: string } }[];
  clusters?: { name: string; cluster: { server: string; 'certificate-authority'?: string; 'certificate-authority-data'?: string; 'tls-server-name'?: string; 'insecure-skip-tls-verify'?: boolean } }[];
  users?: { name: string; user: { 'client-certificate'?: string; 'client-certificate-data'?: string; 'client-key'?: string; 'client-key-data'?: string; token?: string } }[];
}

function material(base: string, data: string | undefined, file: string | undefined): string | undefined {
  if (data) return Buffer.from(data, 'base64').toString('utf8');
  if (file) return readFileSync(resolve(base, file), 'utf8');
  return undefined;
}

/** kubeconfigApi is a cluster's API over HTTPS, with a kubeconfig context's server, CA and credentials. */
export function kubeconfigApi(path: string, context?: string): ApiAccess {
  const kc = parse(readFileSync(path, 'utf8')) as Kubeconfig;
  const base = dirname(path);
  const name = context ?? kc['current-context'];
  const ctx = kc.contexts?.find((c) => c.name === name);
  if (!ctx) throw new Error(`context "${name}" not found in ${path}`);
  const cluster = kc.clusters?.find((c) => c.name === ctx.context.cluster)?.cluster;
  const user = kc.users?.find((u) => u.name === ctx.context.user)?.user ?? {};
  if (!cluster) throw new Error(`cluster "${ctx.context.cluster}" not found in ${path}`);
  const ca = material(base, cluster['certificate-authority-data'], cluster['certificate-authority']);
  const cert = material(base, user['client-certificate-data'], user['client-certificate']);
  const key = material(base, user['client-key-data'], user['client-key']);
  const server = new URL(cluster.server);
  return {
    request: (req) =>
      new Promise((done, fail) => {
        const qs = req.query && Object.keys(req.query).length ? `?${new URLSearchParams(req.query)}` : '';
        const body = req.body === undefined ? undefined : JSON.stringify(req.body);
        const r = request(
          {
            host: server.hostname,
            port: server.port || 443,
            method: req.method,
            path: `${server.pathname.replace(/\/$/, '')}${req.path}${qs}`,
            ca,
            cert,
            key,
            servername: cluster['tls-server-name'],
            rejectUnauthorized: !cluster['insecure-skip-tls-verify'],
            headers: {
              accept: 'application/json',
              ...(body ? { 'content-type': 'application/json' } : {}),
              ...(user.token ? { authorization: `Bearer ${user.token}` } : {}),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => {
              let parsed: unknown = text;
              try {
                parsed = JSON.parse(text);
              } catch {
                // not JSON: keep the text
              }
              done({ status: res.statusCode ?? 0, body: parsed });
            });
          },
        );
        r.on('error', fail);
        if (body) r.write(body);
        r.end();
      }),
  };
}

/**
 * kubeconfigTarget grades a real cluster through its API. Its hosts are not
 * reachable from here, so file, command and http checks fail with that reason.
 */
export function kubeconfigTarget(path: string): GradeTarget {
  const apis = new Map<string, ApiAccess>();
  const away = () => Promise.reject(new Error('the hosts cannot be reached when grading through --kubeconfig'));
  return {
    api: (context) => {
      const k = context ?? '';
      if (!apis.has(k)) apis.set(k, kubeconfigApi(path, context));
      return apis.get(k);
    },
    readFile: away,
    run: away as () => Promise<CommandResult>,
  };
}
