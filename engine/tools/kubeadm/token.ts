import { sha256 } from '@noble/hashes/sha2.js';
import { parse } from 'yaml';
import { atobUtf8, btoaUtf8 } from '../../base/base64.ts';
import type { KObject } from '../../api/types.ts';
import type { Process } from '../../host/process.ts';
import { parseCertificatePem, shortHumanDuration, toHex } from '../../pki/index.ts';
import { goTabwrite } from '../../pki/go-tabwriter.ts';
import { parseDuration } from '../etcdctl/flags.ts';
import { adminClient, fail, readOr } from './common.ts';
import { joinCommandText, oneLine } from './join-command.ts';
import { durationFlagError } from '../../base/go-duration.ts';

const SECRETS = { group: '', version: 'v1', plural: 'secrets', namespaced: true };
const DEFAULT_GROUP = 'system:bootstrappers:kubeadm:default-node-token';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** caCertHash is kubeadm's --discovery-token-ca-cert-hash: sha256 of the CA's SubjectPublicKeyInfo. */
export function caCertHash(caPem: string): string {
  return `sha256:${toHex(sha256(parseCertificatePem(caPem).spki))}`;
}

/** joinCommand is what --print-join-command prints (with kubeadm's trailing space). */
export function joinCommand(p: Process, token: string, certificateKey = ''): string | { error: string } {
  const conf = readOr(p, '/etc/kubernetes/admin.conf');
  if (!conf) return { error: 'failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory' };
  const doc = parse(conf) as { clusters?: { cluster: { server: string; 'certificate-authority-data'?: string } }[] };
  const cluster = doc.clusters?.[0]?.cluster;
  if (!cluster?.['certificate-authority-data']) return { error: 'failed to load admin kubeconfig: no CA data' };
  return oneLine(joinCommandText(cluster.server, token, caCertHash(atobUtf8(cluster['certificate-authority-data'])), { controlPlane: certificateKey !== '', certificateKey })) + '\n';
}

/** tokenCreate is `kubeadm token create [token] [--ttl d] [--description s] [--print-join-command]`. */
export function tokenCreate(p: Process, args: string[], o: { ttl: string; description: string; printJoin: boolean; groups: string[]; usages: string[]; certificateKey?: string }): number {
  const rand = p.sys.runtime.rand;
  let token = args[0];
  if (token === undefined) token = `${rand.string(6, ALPHABET)}.${rand.string(16, ALPHABET)}`;
  if (!/^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(token)) return fail(p, `the bootstrap token "${token}" was not of the form "^([a-z0-9]{6})\\.([a-z0-9]{16})$"`);
  const ttlMs = parseDuration(o.ttl);
  if (ttlMs === undefined) return fail(p, durationFlagError('--ttl', o.ttl) ?? `invalid argument "${o.ttl}" for "--ttl" flag: time: invalid duration "${o.ttl}"`);
  const c = adminClient(p);
  if ('error' in c) return fail(p, c.error);
  const [id, secret] = token.split('.') as [string, string];
  const data: Record<string, string> = { 'token-id': id, 'token-secret': secret };
  if (o.description) data['description'] = o.description;
  if (ttlMs > 0) data['expiration'] = new Date(p.sys.runtime.now + ttlMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const u of o.usages) data[`usage-bootstrap-${u}`] = 'true';
  data['auth-extra-groups'] = o.groups.join(',');
  const obj: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' }, type: 'bootstrap.kubernetes.io/token', data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, btoaUtf8(v)])) } as KObject;
  try {
    c.create(SECRETS, 'kube-system', obj);
  } catch (e) {
    return fail(p, `failed to create or update bootstrap token with name bootstrap-token-${id}: ${(e as Error).message}`);
  }
  if (o.printJoin) {
    const j = joinCommand(p, token, o.certificateKey);
    if (typeof j !== 'string') return fail(p, j.error);
    p.stdout.write(j);
  } else p.stdout.write(`${token}\n`);
  return 0;
}

/** tokenList is `kubeadm token list`. */
export function tokenList(p: Process): number {
  const c = adminClient(p);
  if ('error' in c) return fail(p, c.error);
  let items: KObject[];
  try {
    items = c.list(SECRETS, 'kube-system').items.filter((s) => (s as { type?: string }).type === 'bootstrap.kubernetes.io/token');
  } catch (e) {
    return fail(p, `failed to list bootstrap tokens: ${(e as Error).message}`);
  }
  const rows = ['TOKEN\tTTL\tEXPIRES\tUSAGES\tDESCRIPTION\tEXTRA GROUPS'];
  for (const s of items) {
    const d = Object.fromEntries(Object.entries(((s as { data?: Record<string, string> }).data ?? {})).map(([k, v]) => [k, atobUtf8(v)]));
    const exp = d['expiration'];
    const ttl = exp ? shortHumanDuration(Math.round((Date.parse(exp) - p.sys.runtime.now) / 1000)) : '<forever>';
    const usages = Object.keys(d).filter((k) => k.startsWith('usage-bootstrap-') && d[k] === 'true').map((k) => k.slice('usage-bootstrap-'.length)).sort();
    rows.push(`${d['token-id']}.${d['token-secret']}\t${ttl}\t${exp ?? '<never>'}\t${usages.join(',')}\t${d['description'] || '<none>'}\t${d['auth-extra-groups'] ?? ''}`);
  }
  p.stdout.write(goTabwrite(rows.join('\n') + '\n', 10, 3));
  return 0;
}

/** tokenDelete is `kubeadm token delete <id|token>…`. */
export function tokenDelete(p: Process, args: string[]): number {
  if (args.length === 0) return fail(p, 'missing argument; \'token delete\' is missing token of form "^([a-z0-9]{6})$" or "^([a-z0-9]{6})\\.([a-z0-9]{16})$"');
  const c = adminClient(p);
  if ('error' in c) return fail(p, c.error);
  for (const a of args) {
    const id = a.split('.')[0]!;
    if (!/^[a-z0-9]{6}$/.test(id)) return fail(p, `given token didn't match pattern "^([a-z0-9]{6})$" or "^([a-z0-9]{6})\\.([a-z0-9]{16})$"`);
    try {
      c.delete(SECRETS, 'kube-system', `bootstrap-token-${id}`);
    } catch {
      return fail(p, `failed to delete bootstrap token "${id}": secrets "bootstrap-token-${id}" not found`);
    }
    p.stdout.write(`bootstrap token "${id}" deleted\n`);
  }
  return 0;
}

export { DEFAULT_GROUP };
