import type { KObject } from '../../../../api/types.ts';

/** DebugStyle is what a debugging container is made for: a node, a copy of a pod, or a running pod (an ephemeral container). */
export type DebugStyle = 'node' | 'podCopy' | 'ephemeral';

export const PROFILES = ['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin'] as const;
export type Profile = (typeof PROFILES)[number];

interface PodSpec {
  containers: Container[];
  volumes?: Record<string, unknown>[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  shareProcessNamespace?: boolean;
  securityContext?: Record<string, unknown>;
}

interface Container {
  name: string;
  securityContext?: { privileged?: boolean; runAsNonRoot?: boolean; capabilities?: { add?: string[]; drop?: string[] }; [k: string]: unknown };
  volumeMounts?: { name: string; mountPath: string }[];
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
}

const spec = (pod: KObject) => pod.spec as unknown as PodSpec;

function mountRootPartition(pod: KObject, container: string): void {
  const s = spec(pod);
  s.volumes = [...(s.volumes ?? []), { name: 'host-root', hostPath: { path: '/' } }];
  for (const c of s.containers) if (c.name === container) c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: '/host', name: 'host-root' }];
}

function useHostNamespaces(pod: KObject, on: boolean): void {
  const s = spec(pod);
  s.hostNetwork = on;
  s.hostPID = on;
  s.hostIPC = on;
}

function modify(pod: KObject, container: string, m: (c: Container) => void): void {
  for (const c of spec(pod).containers) if (c.name === container) m(c);
}

function addCapabilities(c: Container, caps: string[]): void {
  const sc = (c.securityContext ??= {});
  const capabilities = (sc.capabilities ??= {});
  capabilities.add = [...(capabilities.add ?? []), ...caps];
}

function removeProbes(pod: KObject): void {
  for (const c of spec(pod).containers) {
    delete c.livenessProbe;
    delete c.readinessProbe;
    delete c.startupProbe;
  }
}

/**
 * applyProfile shapes a debugging pod as kubectl's debug profiles do
 * (staging/src/k8s.io/kubectl/pkg/cmd/debug/profiles.go): which host
 * namespaces it joins, whether it mounts the node's root at /host, and the
 * debugging container's privileges.
 */
export function applyProfile(profile: Profile, style: DebugStyle, pod: KObject, container: string): void {
  const s = spec(pod);
  switch (profile) {
    case 'legacy':
      if (style === 'node') {
        mountRootPartition(pod, container);
        useHostNamespaces(pod, true);
      }
      return;
    case 'general':
      if (style === 'node') {
        mountRootPartition(pod, container);
        modify(pod, container, (c) => delete c.securityContext);
        useHostNamespaces(pod, true);
      } else if (style === 'podCopy') {
        removeProbes(pod);
        modify(pod, container, (c) => addCapabilities(c, ['SYS_PTRACE']));
        s.shareProcessNamespace = true;
      } else modify(pod, container, (c) => addCapabilities(c, ['SYS_PTRACE']));
      return;
    case 'baseline':
      modify(pod, container, (c) => delete c.securityContext);
      if (style === 'podCopy') {
        removeProbes(pod);
        s.shareProcessNamespace = true;
      }
      return;
    case 'restricted':
      modify(pod, container, (c) => {
        c.securityContext = { runAsNonRoot: true, capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } };
      });
      if (style === 'podCopy') {
        removeProbes(pod);
        s.shareProcessNamespace = true;
      }
      return;
    case 'netadmin':
      modify(pod, container, (c) => addCapabilities(c, ['NET_ADMIN', 'NET_RAW']));
      if (style === 'node') useHostNamespaces(pod, true);
      else if (style === 'podCopy') s.shareProcessNamespace = true;
      return;
    case 'sysadmin':
      modify(pod, container, (c) => {
        c.securityContext = { ...(c.securityContext ?? {}), privileged: true };
      });
      if (style === 'node') {
        mountRootPartition(pod, container);
        useHostNamespaces(pod, true);
      } else if (style === 'podCopy') s.shareProcessNamespace = true;
      return;
  }
}
