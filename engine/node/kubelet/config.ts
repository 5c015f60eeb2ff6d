import { parse } from 'yaml';
import { unknownFields } from './config-fields.ts';

/** KubeletConfig is the part of KubeletConfiguration (kubelet.config.k8s.io/v1beta1) the lab's kubelet honours. */
export interface KubeletConfig {
  staticPodPath: string;
  clusterDNS: string[];
  clusterDomain: string;
  maxPods: number;
  /** syncFrequency: how often every pod is re-synced (ms) */
  syncFrequencyMs: number;
  /** fileCheckFrequency: how often the static-pod folder is re-read (ms) */
  fileCheckFrequencyMs: number;
  nodeStatusReportFrequencyMs: number;
  nodeLeaseDurationSeconds: number;
  cgroupDriver: string;
  containerRuntimeEndpoint: string;
  authenticationAnonymous: boolean;
  /** authentication.x509.clientCAFile: the CA bundle the kubelet's server checks client certificates against ('' for none) */
  clientCAFile: string;
  /**
   * strictError is the strict decoder's complaint (unknown fields): the kubelet then decodes
   * leniently, ignoring those fields, and logs it.
   */
  strictError?: string;
}

/** defaultKubeletConfig is the kubelet's defaults (with kubeadm's clusterDNS). */
export function defaultKubeletConfig(): KubeletConfig {
  return {
    staticPodPath: '',
    clusterDNS: ['10.96.0.10'],
    clusterDomain: 'cluster.local',
    maxPods: 110,
    syncFrequencyMs: 60_000,
    fileCheckFrequencyMs: 20_000,
    nodeStatusReportFrequencyMs: 300_000,
    nodeLeaseDurationSeconds: 40,
    cgroupDriver: 'systemd',
    containerRuntimeEndpoint: 'unix:///var/run/containerd/containerd.sock',
    authenticationAnonymous: false,
    clientCAFile: '',
  };
}

function durationMs(v: unknown, dflt: number): number {
  if (typeof v !== 'string') return dflt;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(v);
  if (!m) return dflt;
  // kubeadm writes 0s for "use the default"
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms']! || dflt;
}

/**
 * parseKubeletConfig reads config.yaml. Errors carry the kubelet's wording
 * after "failed to load kubelet config file, path: …, error: ".
 */
export function parseKubeletConfig(text: string, path: string): KubeletConfig | { error: string } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0]!;
    const line = /at line (\d+)/.exec(msg)?.[1] ?? '1';
    return { error: `failed to decode: yaml: line ${line}: ${msg.replace(/ at line \d+, column \d+:?$/, '').toLowerCase()}` };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { error: `failed to decode: couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(doc) ? 'array' : 'string'} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }` };
  const d = doc as Record<string, unknown>;
  if (d.kind === undefined) return { error: `failed to decode: Object 'Kind' is missing in '${text.trim().split('\n').slice(0, 1).join('')}'` };
  if (d.kind !== 'KubeletConfiguration' || d.apiVersion !== 'kubelet.config.k8s.io/v1beta1') {
    return { error: `failed to decode: no kind "${String(d.kind)}" is registered for version "${String(d.apiVersion)}" in scheme "pkg/kubelet/apis/config/scheme/scheme.go:33"` };
  }
  const c = defaultKubeletConfig();
  if (typeof d.staticPodPath === 'string') c.staticPodPath = d.staticPodPath;
  if (Array.isArray(d.clusterDNS)) c.clusterDNS = d.clusterDNS.map(String);
  if (typeof d.clusterDomain === 'string') c.clusterDomain = d.clusterDomain;
  if (typeof d.maxPods === 'number') c.maxPods = d.maxPods;
  if (typeof d.cgroupDriver === 'string') c.cgroupDriver = d.cgroupDriver;
  if (typeof d.containerRuntimeEndpoint === 'string' && d.containerRuntimeEndpoint !== '') c.containerRuntimeEndpoint = d.containerRuntimeEndpoint;
  const x509 = ((d.authentication as Record<string, unknown> | undefined)?.x509 ?? {}) as Record<string, unknown>;
  if (typeof x509.clientCAFile === 'string') c.clientCAFile = x509.clientCAFile;
  const unknown = unknownFields(d);
  if (unknown.length) c.strictError = `strict decoding error: ${unknown.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ')}`;
  c.syncFrequencyMs = durationMs(d.syncFrequency, c.syncFrequencyMs);
  c.fileCheckFrequencyMs = durationMs(d.fileCheckFrequency, c.fileCheckFrequencyMs);
  c.nodeStatusReportFrequencyMs = durationMs(d.nodeStatusReportFrequency, c.nodeStatusReportFrequencyMs);
  void path;
  return c;
}
