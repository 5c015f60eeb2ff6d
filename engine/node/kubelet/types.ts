import type { KObject } from '../../api/types.ts';

/** Probe, Container, PodSpec: the parts of core/v1 the kubelet reads (kept loose: objects come from the API as JSON). */
export interface Probe {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string; httpHeaders?: { name: string; value: string }[] };
  tcpSocket?: { port: number | string; host?: string };
  grpc?: { port: number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string; apiVersion?: string };
    resourceFieldRef?: { resource: string; containerName?: string; divisor?: string };
  };
}

export interface Container {
  name: string;
  image: string;
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  args?: string[];
  workingDir?: string;
  env?: EnvVar[];
  envFrom?: { prefix?: string; configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } }[];
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  restartPolicy?: string;
  terminationMessagePath?: string;
}

export interface Volume {
  name: string;
  emptyDir?: { medium?: string; sizeLimit?: string };
  hostPath?: { path: string; type?: string };
  configMap?: { name: string; items?: { key: string; path: string; mode?: number }[]; optional?: boolean; defaultMode?: number };
  secret?: { secretName: string; items?: { key: string; path: string; mode?: number }[]; optional?: boolean; defaultMode?: number };
  projected?: { sources: ProjectedSource[]; defaultMode?: number };
  downwardAPI?: { items: { path: string; fieldRef?: { fieldPath: string } }[] };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
}

export interface ProjectedSource {
  configMap?: { name: string; items?: { key: string; path: string }[]; optional?: boolean };
  secret?: { name: string; items?: { key: string; path: string }[]; optional?: boolean };
  serviceAccountToken?: { path: string; expirationSeconds?: number; audience?: string };
  downwardAPI?: { items: { path: string; fieldRef?: { fieldPath: string } }[] };
}

export interface PodSpec {
  nodeName?: string;
  containers: Container[];
  initContainers?: Container[];
  /** ephemeralContainers are added to a running pod (kubectl debug): started once, never restarted */
  ephemeralContainers?: Container[];
  volumes?: Volume[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  hostNetwork?: boolean;
  hostname?: string;
  subdomain?: string;
  serviceAccountName?: string;
  dnsPolicy?: string;
}

/** specOf reads a pod's spec with its lists defaulted. */
export function specOf(pod: KObject): PodSpec {
  const s = (pod.spec ?? {}) as Partial<PodSpec>;
  return { ...s, containers: s.containers ?? [] } as PodSpec;
}

/** podKey is "namespace/name". */
export function podKey(pod: KObject): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

/** formatPod is the kubelet's "name_namespace(uid)" used in its messages. */
export function formatPod(pod: KObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid ?? ''})`;
}
