import type { Runtime } from '../../base/runtime.ts';
import type { Host } from '../../host/host.ts';
import type { ContainerRuntime } from '../runtime/runtime.ts';
import type { KubeletHandle } from '../kubelet/kubelet.ts';

/**
 * NodeEnv is what a node machine's daemons share: its container runtime
 * (containerd's state lives across kubelet restarts), whether containerd is
 * up, and the kubelet that runs now. The kubelet and containerd programs and
 * crictl find it by (runtime, host name).
 */
export interface NodeEnv {
  host: Host;
  cri: ContainerRuntime;
  nodeIp: string;
  controlPlane: boolean;
  kubeletVersion: string;
  podCIDR?: string;
  /** containerdUp: the containerd service runs (crictl and the kubelet reach its socket) */
  containerdUp: boolean;
  kubelet?: KubeletHandle;
}

const envs = new WeakMap<Runtime, Map<string, NodeEnv>>();

/** registerNodeEnv makes a machine a node: its runtime becomes reachable to its daemons and crictl. */
export function registerNodeEnv(runtime: Runtime, host: string, env: NodeEnv): void {
  let m = envs.get(runtime);
  if (!m) envs.set(runtime, (m = new Map()));
  m.set(host, env);
}

/** nodeEnvFor finds a machine's node environment (undefined on machines that are not nodes). */
export function nodeEnvFor(runtime: Runtime, host: string): NodeEnv | undefined {
  return envs.get(runtime)?.get(host);
}
