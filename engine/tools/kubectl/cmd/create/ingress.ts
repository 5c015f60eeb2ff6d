import type { RunContext } from '../../cli/command.ts';
import { WrappedError, submitCreate } from './common.ts';
import { commandFromHelp } from './help.ts';
import { intOrString } from './simple.ts';
import { enforcedNamespace, make, nameArg, objectMeta } from './meta.ts';

const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

function backend(svc: string): Record<string, unknown> {
  const [name, port = ''] = svc.split(':');
  const p = intOrString(port);
  return { service: { name, port: typeof p === 'number' ? { number: p } : { name: p } } };
}

function httpPath(pathsvc: string): Record<string, unknown> {
  const parts = pathsvc.split('=');
  let path = `/${parts[0]}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(parts[1] ?? '') };
}

function tlsRules(rules: string[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const tls = rule.split(',');
    if (tls.length !== 2) continue;
    const host = rule.split('/')[0]!;
    const sn = tls[1]!.split('=');
    const secret = sn.length > 1 ? sn[1]! : '';
    if (seen.has(host)) continue;
    const idx = out.findIndex((t) => (t.secretName ?? '') === secret);
    if (idx > -1) {
      (out[idx]!.hosts ??= []).push(host);
      seen.add(host);
      continue;
    }
    const t: { hosts?: string[]; secretName?: string } = {};
    if (host) t.hosts = [host];
    if (secret) t.secretName = secret;
    if (t.hosts || t.secretName) out.push(t);
    seen.add(host);
  }
  return out;
}

function ingressRules(rules: string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0]!;
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const p = httpPath(noTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) {
      existing.http.paths.push(p);
      continue;
    }
    out.push(host ? { host, http: { paths: [p] } } : { http: { paths: [p] } });
  }
  return out;
}

async function run(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const rules = c.flag<string[]>('rule');
  const def = c.flag<string>('default-backend');
  const annotations = c.flag<string[]>('annotation');
  if (!def && rules.length === 0) {
    throw new WrappedError('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  }
  for (const r of rules) if (!RULE.test(r)) throw new WrappedError(`rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  for (const a of annotations) if (!a.includes('=')) throw new WrappedError(`annotation ${a} is invalid and should be in format key=[value]`);
  if (def && def.split(':').length !== 2) throw new WrappedError('default-backend should be in format servicename:serviceport');
  const ann: Record<string, string> = {};
  for (const a of annotations) ann[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
  const sortedAnn = Object.fromEntries(Object.entries(ann).sort(([a], [b]) => (a < b ? -1 : 1)));
  const spec: Record<string, unknown> = {};
  if (c.flag<string>('class')) spec.ingressClassName = c.flag<string>('class');
  if (def) spec.defaultBackend = backend(def);
  const tls = tlsRules(rules);
  if (tls.length) spec.tls = tls;
  const ir = ingressRules(rules);
  if (ir.length) spec.rules = ir;
  const obj = make('networking.k8s.io/v1', 'Ingress', { metadata: objectMeta(name, enforcedNamespace(c), undefined, sortedAnn), spec, status: { loadBalancer: {} } });
  return submitCreate(c, c.f.discovery().resolve('ingresses.networking.k8s.io'), obj, 'failed to create ingress: ');
}

/** createIngressCommand is `kubectl create ingress`. */
export const createIngressCommand = commandFromHelp('create ingress', { run, tweaks: { rule: { type: 'stringArray' }, annotation: { type: 'stringArray' } } });
