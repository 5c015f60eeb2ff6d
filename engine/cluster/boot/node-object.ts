import { rfc3339 } from '../../base/clock.ts';
import type { KObject } from '../../api/types.ts';

/** NodeFacts are what a kubelet reports about its machine. */
export interface NodeFacts {
  name: string;
  ip: string;
  controlPlane: boolean;
  kubeletVersion: string;
  containerRuntimeVersion: string;
  podCIDR?: string;
  cpu: string;
  memoryKi: number;
  pods: number;
  machineID: string;
  /** notReady is why the kubelet reports the node not Ready (its runtime's network not ready), if it does */
  notReady?: string;
}

const OS_IMAGE = 'Ubuntu 22.04.5 LTS';
const KERNEL = '5.15.0-1083-kvm';

/** nodeObject builds the Node a kubelet registers, with the status it posts (Ready). */
export function nodeObject(f: NodeFacts, now: number): KObject {
  const t = rfc3339(now);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': f.name,
    'kubernetes.io/os': 'linux',
  };
  if (f.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const allocatableMemKi = f.memoryKi - 102400;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: f.name,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
      },
    },
    spec: {
      podCIDR: f.podCIDR,
      podCIDRs: f.podCIDR ? [f.podCIDR] : undefined,
      taints: f.controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : undefined,
    },
    status: {
      capacity: { cpu: f.cpu, 'ephemeral-storage': '101430960Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${f.memoryKi}Ki`, pods: String(f.pods) },
      allocatable: { cpu: f.cpu, 'ephemeral-storage': '93478772582', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${allocatableMemKi}Ki`, pods: String(f.pods) },
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        f.notReady
          ? { type: 'Ready', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletNotReady', message: f.notReady }
          : { type: 'Ready', status: 'True', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: f.ip },
        { type: 'Hostname', address: f.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: f.machineID,
        systemUUID: f.machineID.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
        bootID: f.machineID.split('').reverse().join('').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
        kernelVersion: KERNEL,
        osImage: OS_IMAGE,
        containerRuntimeVersion: f.containerRuntimeVersion,
        kubeletVersion: f.kubeletVersion,
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
