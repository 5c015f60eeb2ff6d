import { PROTO_MESSAGES } from './schema.generated.ts';
import { Reader, WireError, type WireField } from './wire.ts';

/**
 * Decoding the bodies real clients send as application/vnd.kubernetes.protobuf
 * (client-go's typed clients do, for `kubectl create configmap`, `auth can-i`,
 * drain's evictions…) into the JSON objects the apiserver works on: the
 * `k8s\0` envelope (runtime.Unknown), then the object's message by the
 * field numbers of Kubernetes' generated.proto files, with the special
 * wire forms of Quantity, IntOrString, Time, Duration and raw JSON.
 *
 * Go structs decide which zero values survive a round trip through JSON
 * (omitempty); protobuf cannot tell them apart. Empty strings are dropped;
 * false and 0 are dropped except for the optional (pointer) fields where an
 * explicit false or 0 means something.
 */

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** KEEP_ZERO names fields whose false or 0 is a value the user chose (pointers in Go, or fields without omitempty). */
const KEEP_ZERO = new Set([
  'DeploymentSpec.replicas', 'ReplicaSetSpec.replicas', 'StatefulSetSpec.replicas', 'ReplicationControllerSpec.replicas', 'ScaleSpec.replicas',
  'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds',
  'backoffLimit', 'completions', 'parallelism', 'ttlSecondsAfterFinished', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit',
  'failedJobsHistoryLimit', 'runAsUser', 'runAsGroup', 'fsGroup', 'defaultMode', 'mode', 'priority', 'expirationSeconds',
  'tolerationSeconds', 'minReplicas', 'maxReplicas', 'targetCPUUtilizationPercentage', 'averageUtilization', 'value', 'containerPort',
  'port', 'automountServiceAccountToken', 'enableServiceLinks', 'hostUsers', 'allowPrivilegeEscalation',
  'privileged', 'readOnlyRootFilesystem', 'runAsNonRoot', 'immutable', 'suspend', 'allowVolumeExpansion', 'optional',
  'setHostnameAsFQDN', 'shareProcessNamespace', 'serving', 'terminating', 'allowed', 'denied', 'exitCode', 'restartCount', 'unschedulable',
]);

/**
 * INLINE names the embedded structs Go writes inline in JSON (`json:",inline"`)
 * while protobuf keeps them as a field: a Volume's source, an IngressRule's
 * value, a Probe's handler, the LocalObjectReference of configMap/secret refs.
 */
const INLINE = new Set(['localObjectReference', 'volumeSource', 'persistentVolumeSource', 'ingressRuleValue', 'ephemeralContainerCommon', 'ruleWithOperations', 'Probe.handler', 'RuleWithOperations.rule']);

function scoped(set: Set<string>, message: string, field: string): boolean {
  return set.has(field) || set.has(`${message.slice(message.lastIndexOf('.') + 1)}.${field}`);
}

/** decodeProtobufObject turns an enveloped protobuf body into a JSON object, or says why it cannot. */
export function decodeProtobufObject(bytes: Uint8Array): { value: Record<string, unknown> } | { error: string } {
  if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b)) return { error: 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]' };
  try {
    // runtime.Unknown: 1 typeMeta {1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType
    let typeMeta: Record<string, unknown> = {};
    let raw: Uint8Array = new Uint8Array();
    const r = new Reader(bytes.subarray(4));
    while (!r.done) {
      const f = r.next();
      if (f.no === 1 && f.type === 2) typeMeta = decodeFields('apimachinery.pkg.runtime.TypeMeta', f.bytes, 'typeMeta');
      else if (f.no === 2 && f.type === 2) raw = f.bytes;
    }
    const apiVersion = String(typeMeta.apiVersion ?? '');
    const kind = String(typeMeta.kind ?? '');
    const message = messageFor(apiVersion, kind);
    if (!message) return { error: `no kind "${kind}" is registered for version "${apiVersion}"` };
    const value = decodeMessage(message, raw, kind) as Record<string, unknown>;
    return { value: { apiVersion, kind, ...value } };
  } catch (e) {
    return { error: e instanceof WireError ? e.message : `proto: ${(e as Error).message}` };
  }
}

/** messageFor maps apiVersion/kind to its message: apps/v1 Deployment → api.apps.v1.Deployment. */
export function messageFor(apiVersion: string, kind: string): string | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const candidates =
    group === 'meta.k8s.io'
      ? [`apimachinery.pkg.apis.meta.${version}.${kind}`]
      : group === ''
        ? [`api.core.${version}.${kind}`]
        : group === 'internal.apiserver.k8s.io'
          ? [`api.apiserverinternal.${version}.${kind}`]
          : [`api.${group.split('.')[0]}.${version}.${kind}`];
  return candidates.find((c) => PROTO_MESSAGES[c]);
}

const utf8 = new TextDecoder('utf-8');

function decodeMessage(name: string, bytes: Uint8Array, path: string): unknown {
  switch (name) {
    case 'apimachinery.pkg.api.resource.Quantity':
      return (decodeFields(name, bytes, path).string as string | undefined) ?? '0';
    case 'apimachinery.pkg.util.intstr.IntOrString': {
      const v = decodeFields(name, bytes, path, true);
      return v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
    }
    case 'apimachinery.pkg.apis.meta.v1.Time':
    case 'apimachinery.pkg.apis.meta.v1.MicroTime': {
      const v = decodeFields(name, bytes, path, true) as { seconds?: number; nanos?: number };
      if (!v.seconds && !v.nanos) return undefined;
      const iso = new Date((v.seconds ?? 0) * 1000 + Math.floor((v.nanos ?? 0) / 1e6)).toISOString();
      if (name.endsWith('MicroTime')) return iso.replace(/\.(\d{3})Z$/, `.${String(Math.floor((v.nanos ?? 0) / 1000)).padStart(6, '0')}Z`);
      return iso.replace(/\.\d{3}Z$/, 'Z');
    }
    case 'apimachinery.pkg.apis.meta.v1.Duration':
      return goDuration((decodeFields(name, bytes, path, true).duration as number | undefined) ?? 0);
    case 'apimachinery.pkg.apis.meta.v1.FieldsV1':
    case 'apimachinery.pkg.runtime.RawExtension': {
      const v = decodeFields(name, bytes, path, true) as { Raw?: Uint8Array; raw?: Uint8Array };
      const raw = v.Raw ?? v.raw;
      if (!raw || raw.length === 0) return undefined;
      if (MAGIC.every((b, i) => raw[i] === b)) {
        const inner = decodeProtobufObject(raw);
        if ('error' in inner) throw new WireError(inner.error);
        return inner.value;
      }
      return JSON.parse(utf8.decode(raw));
    }
  }
  return decodeFields(name, bytes, path);
}

/** decodeFields reads a message into JSON; raw keeps bytes and zero values as they are (for the special messages above). */
function decodeFields(name: string, bytes: Uint8Array, path: string, raw = false): Record<string, unknown> {
  const schema = PROTO_MESSAGES[name];
  if (!schema) throw new WireError(`unknown message ${name}`);
  const out: Record<string, unknown> = {};
  const r = new Reader(bytes);
  while (!r.done) {
    const f = r.next();
    const def = schema[String(f.no)];
    if (!def) continue; // unknown fields are skipped, as gogo's Unmarshal skips them
    const [field, type, repeated] = def;
    if (type.startsWith('map:')) {
      const [k, v] = mapEntry(type.slice(4), f, `${path}.${field}`, raw);
      const m = (out[field] ??= {}) as Record<string, unknown>;
      m[k] = v;
      continue;
    }
    const values = scalarOrMessage(type, f, `${path}.${field}`, raw);
    if (repeated) {
      const list = (out[field] ??= []) as unknown[];
      list.push(...values);
    } else {
      out[field] = values[values.length - 1];
    }
  }
  if (!raw) {
    for (const [k, v] of Object.entries(out)) {
      if (v === undefined || v === '' || ((v === false || v === 0) && !scoped(KEEP_ZERO, name, k))) delete out[k];
      else if (scoped(INLINE, name, k) && v && typeof v === 'object') {
        delete out[k];
        Object.assign(out, v);
      }
    }
  }
  return out;
}

function mapEntry(valueType: string, f: WireField, path: string, raw: boolean): [string, unknown] {
  if (f.type !== 2) throw new WireError(`proto: wrong wireType for map ${path}`);
  const r = new Reader(f.bytes);
  let key = '';
  let value: unknown = valueType === 'string' ? '' : undefined;
  while (!r.done) {
    const e = r.next();
    if (e.no === 1 && e.type === 2) key = utf8.decode(e.bytes);
    else if (e.no === 2) value = scalarOrMessage(valueType, e, `${path}[${key}]`, raw)[0];
  }
  if (valueType === 'bytes' && value === undefined) value = '';
  return [key, value];
}

/** scalarOrMessage decodes one wire field (several values when a repeated scalar is packed). */
function scalarOrMessage(type: string, f: WireField, path: string, raw: boolean): unknown[] {
  switch (type) {
    case 'string':
      return [f.type === 2 ? utf8.decode(f.bytes) : ''];
    case 'bytes':
      if (f.type !== 2) throw new WireError(`proto: wrong wireType for ${path}`);
      return [raw ? f.bytes : Buffer.from(f.bytes).toString('base64')];
    case 'bool':
    case 'int32':
    case 'int64':
    case 'uint32':
    case 'uint64': {
      const nums = f.type === 2 ? packed(f.bytes) : f.type === 0 ? [f.value] : [];
      return type === 'bool' ? nums.map((n) => n !== 0) : type === 'int32' ? nums.map((n) => n | 0) : nums;
    }
    case 'double':
      return f.type === 1 ? [new DataView(f.bytes.buffer, f.bytes.byteOffset, 8).getFloat64(0, true)] : [];
    case 'float':
      return f.type === 5 ? [new DataView(f.bytes.buffer, f.bytes.byteOffset, 4).getFloat32(0, true)] : [];
  }
  if (f.type !== 2) throw new WireError(`proto: wrong wireType for ${path}`);
  return [decodeMessage(type, f.bytes, path)];
}

function packed(bytes: Uint8Array): number[] {
  const r = new Reader(bytes);
  const out: number[] = [];
  while (!r.done) out.push(r.varint());
  return out;
}

/** goDuration prints nanoseconds as Go's time.Duration.String does: 1h0m0s, 1m30s, 500ms, 0s. */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let n = Math.abs(ns);
  let out: string;
  if (n < 1e9) {
    out = n < 1e3 ? `${n}ns` : n < 1e6 ? `${trim(n / 1e3)}µs` : `${trim(n / 1e6)}ms`;
  } else {
    const h = Math.floor(n / 3.6e12);
    n -= h * 3.6e12;
    const m = Math.floor(n / 6e10);
    n -= m * 6e10;
    const s = trim(n / 1e9);
    out = h ? `${h}h${m}m${s}s` : m ? `${m}m${s}s` : `${s}s`;
  }
  return neg ? `-${out}` : out;
}

function trim(x: number): string {
  return String(Number(x.toFixed(9)));
}
