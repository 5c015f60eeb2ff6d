import { atobUtf8 } from '../../base/base64.ts';
import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { Container } from './types.ts';

/** ObjectGetter reads a ConfigMap or Secret (through the API, as the Node authorizer allows). */
export type ObjectGetter = (kind: 'configmap' | 'secret', namespace: string, name: string) => KObject | undefined;

/** apiGetter reads ConfigMaps and Secrets with the kubelet's client; missing or forbidden reads are undefined. */
export function apiGetter(client: ApiClient): ObjectGetter {
  return (kind, ns, name) => {
    try {
      return client.get(kind === 'configmap' ? R.configmaps : R.secrets, ns, name);
    } catch {
      return undefined;
    }
  };
}

/** dataOf returns a ConfigMap's data (and binaryData) or a Secret's decoded data. */
export function dataOf(kind: 'configmap' | 'secret', obj: KObject): Record<string, string> {
  const o = obj as unknown as { data?: Record<string, string>; binaryData?: Record<string, string>; stringData?: Record<string, string> };
  if (kind === 'configmap') {
    const out: Record<string, string> = { ...(o.data ?? {}) };
    for (const [k, v] of Object.entries(o.binaryData ?? {})) out[k] = atobUtf8(v);
    return out;
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.data ?? {})) {
    try {
      out[k] = atobUtf8(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** fieldValue answers a downward-API fieldPath for a pod; undefined for an unsupported path. */
export function fieldValue(pod: KObject, path: string, ips: { podIP?: string; hostIP?: string }): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return ((pod.metadata as Record<string, unknown>)[m[1]!] as Record<string, string> | undefined)?.[m[2]!] ?? '';
  const spec = (pod.spec ?? {}) as { nodeName?: string; serviceAccountName?: string };
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace;
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return spec.nodeName;
    case 'spec.serviceAccountName':
      return spec.serviceAccountName;
    case 'status.podIP':
    case 'status.podIPs':
      return ips.podIP ?? '';
    case 'status.hostIP':
    case 'status.hostIPs':
      return ips.hostIP ?? '';
    case 'metadata.labels':
      return Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
    case 'metadata.annotations':
      return Object.entries(pod.metadata.annotations ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
  }
  return undefined;
}

/** expandVars replaces $(VAR) with the environment's value, as the kubelet does in env, command and args ($$ escapes). */
export function expandVars(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (all, name: string | undefined) => (all === '$$' ? '$' : name !== undefined && name in env ? env[name]! : all));
}

/**
 * containerEnv builds a container's environment in the kubelet's order:
 * service links, envFrom, then env (later wins). A missing ConfigMap/Secret
 * or key gives the kubelet's error (CreateContainerConfigError).
 */
export function containerEnv(pod: KObject, c: Container, get: ObjectGetter, serviceEnv: Record<string, string>, ips: { podIP?: string; hostIP?: string }): { env: Record<string, string> } | { error: string } {
  const ns = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = { ...serviceEnv };
  for (const from of c.envFrom ?? []) {
    const kind = from.configMapRef ? 'configmap' : 'secret';
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const obj = get(kind, ns, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { error: `${kind} "${ref.name}" not found` };
    }
    for (const [k, v] of Object.entries(dataOf(kind, obj))) env[`${from.prefix ?? ''}${k}`] = v;
  }
  for (const e of c.env ?? []) {
    if (e.valueFrom === undefined) {
      env[e.name] = expandVars(e.value ?? '', env);
      continue;
    }
    const vf = e.valueFrom;
    const keyRef = vf.configMapKeyRef ?? vf.secretKeyRef;
    if (keyRef) {
      const kind = vf.configMapKeyRef ? 'configmap' : 'secret';
      const obj = get(kind, ns, keyRef.name);
      if (!obj) {
        if (keyRef.optional) continue;
        return { error: `${kind} "${keyRef.name}" not found` };
      }
      const data = dataOf(kind, obj);
      if (!(keyRef.key in data)) {
        if (keyRef.optional) continue;
        return { error: `couldn't find key ${keyRef.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${ns}/${keyRef.name}` };
      }
      env[e.name] = data[keyRef.key]!;
    } else if (vf.fieldRef) {
      env[e.name] = fieldValue(pod, vf.fieldRef.fieldPath, ips) ?? '';
    } else if (vf.resourceFieldRef) {
      const r = vf.resourceFieldRef;
      const lim = c.resources?.limits?.[r.resource.replace(/^limits\./, '')] ?? c.resources?.requests?.[r.resource.replace(/^requests\./, '')];
      env[e.name] = lim ?? (r.resource.includes('cpu') ? '2' : '4121600000');
    }
  }
  return { env };
}

/** serviceLinkEnv is the docker-link style variables of the namespace's services (and the kubernetes service). */
export function serviceLinkEnv(services: KObject[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const s of services) {
    const spec = (s.spec ?? {}) as { clusterIP?: string; ports?: { port: number; protocol?: string; name?: string }[] };
    if (!spec.clusterIP || spec.clusterIP === 'None' || !spec.ports?.length) continue;
    const name = s.metadata.name!.toUpperCase().replace(/-/g, '_');
    const first = spec.ports[0]!;
    env[`${name}_SERVICE_HOST`] = spec.clusterIP;
    env[`${name}_SERVICE_PORT`] = String(first.port);
    for (const p of spec.ports) if (p.name) env[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    env[`${name}_PORT`] = `${(first.protocol ?? 'TCP').toLowerCase()}://${spec.clusterIP}:${first.port}`;
    for (const p of spec.ports) {
      const proto = (p.protocol ?? 'TCP').toUpperCase();
      const base = `${name}_PORT_${p.port}_${proto}`;
      env[base] = `${proto.toLowerCase()}://${spec.clusterIP}:${p.port}`;
      env[`${base}_PROTO`] = proto.toLowerCase();
      env[`${base}_PORT`] = String(p.port);
      env[`${base}_ADDR`] = spec.clusterIP;
    }
  }
  return env;
}
