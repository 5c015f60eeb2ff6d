import type { ContainerHost } from './container-host.ts';
import type { ContainerLog } from './logs.ts';
import type { MountPoint } from './mount-fs.ts';
import type { StoredImage } from './image-store.ts';

/** ContainerState is the CRI's state of a container. */
export type ContainerState = 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED' | 'CONTAINER_UNKNOWN';

/** SandboxState is the CRI's state of a pod sandbox. */
export type SandboxState = 'SANDBOX_READY' | 'SANDBOX_NOTREADY';

/** SandboxConfig is what the kubelet asks a sandbox to be (RunPodSandbox). */
export interface SandboxConfig {
  name: string;
  namespace: string;
  uid: string;
  attempt: number;
  hostname: string;
  /** ip is the pod's address (from the node's podCIDR), or the node's with hostNetwork */
  ip: string;
  hostNetwork?: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** files every container of the pod sees (/etc/hosts, /etc/resolv.conf, /etc/hostname) */
  etcFiles: Record<string, string>;
  /** podPeer describes the pod to NetworkPolicy (labels) */
  podLabels: Record<string, string>;
}

/** Sandbox is one pod sandbox. */
export interface Sandbox {
  id: string;
  config: SandboxConfig;
  state: SandboxState;
  createdAt: number;
  /** netns is the sandbox's network namespace name on the lab network */
  netns: string;
}

/** ContainerConfig is what the kubelet asks a container to be (CreateContainer). */
export interface ContainerConfig {
  name: string;
  attempt: number;
  /** image as the pod spec names it */
  image: string;
  /** command/args from the pod spec (empty: the image's entrypoint/cmd) */
  command: string[];
  args: string[];
  env: Record<string, string>;
  workingDir?: string;
  mounts: MountPoint[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** memoryLimitBytes: a container whose program uses more is OOM-killed (exit 137) */
  memoryLimitBytes?: number;
  /** stdin keeps the process's standard input open for attach (the pod spec's stdin); stdinOnce closes it when the first attached client detaches */
  stdin?: boolean;
  stdinOnce?: boolean;
  /** tty gives the process a terminal: a shell then prompts and reads commands line by line */
  tty?: boolean;
}

/** ContainerRecord is one container instance with its state and log. */
export interface ContainerRecord {
  id: string;
  sandboxId: string;
  config: ContainerConfig;
  image: StoredImage;
  state: ContainerState;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  pid?: number;
  argv: string[];
  /** env is the process environment the container started with (exec sessions get the same) */
  env?: Record<string, string>;
  log: ContainerLog;
  host: ContainerHost;
}

/** RuntimeEvent tells the kubelet's pod lifecycle event generator what changed. */
export interface RuntimeEvent {
  type: 'ContainerStarted' | 'ContainerDied' | 'ContainerRemoved' | 'SandboxStopped';
  containerId?: string;
  sandboxId: string;
}
