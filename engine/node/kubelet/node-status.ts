import { NETWORK_NOT_READY } from '../runtime/runtime.ts';
import { aggregateError } from './runtime-state.ts';
import { rfc3339, rfc3339Micro } from '../../base/clock.ts';
import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import { nodeObject } from '../../cluster/boot/node-object.ts';
import type { KubeletContext } from './context.ts';

/** NodeFactsInput are the machine facts the kubelet reports besides what it reads from the host. */
export interface NodeInfo {
  kubeletVersion: string;
  controlPlane: boolean;
  cpu: string;
  memoryKi: number;
}

interface Condition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/**
 * NodeStatusManager registers the kubelet's Node, posts its status (Ready,
 * pressure conditions, images) and renews its Lease in kube-node-lease every
 * 10 seconds, as the node heartbeat.
 */
export class NodeStatusManager {
  private lastPost = -Infinity;
  private lastConditions = '';
  node?: KObject;

  constructor(
    private readonly k: KubeletContext,
    private readonly info: NodeInfo,
  ) {}

  private desired(): KObject {
    const k = this.k;
    let machineID = '';
    try {
      machineID = k.host.fs.readFile('/etc/machine-id').trim();
    } catch {
      machineID = '0'.repeat(32);
    }
    // The Ready condition's message is the aggregate of the runtime's and the network's errors, as in the kubelet's ReadyCondition setter.
    const notReady = aggregateError([...k.runtimeErrors(), ...(k.cri.networkReady() ? [] : [NETWORK_NOT_READY])]);
    return nodeObject(
      {
        name: k.nodeName,
        ip: k.nodeIp,
        controlPlane: this.info.controlPlane,
        kubeletVersion: this.info.kubeletVersion,
        containerRuntimeVersion: `containerd://${k.cri.version.runtimeVersion.replace(/^v/, '')}`,
        cpu: this.info.cpu,
        memoryKi: this.info.memoryKi,
        pods: k.config.maxPods,
        machineID,
        ...(notReady ? { notReady } : {}),
      },
      k.runtime.now,
    );
  }

  /** register creates the Node, or adopts the one that exists (a restarted kubelet). */
  register(): boolean {
    const k = this.k;
    const want = this.desired();
    try {
      this.node = k.client.get(R.nodes, undefined, k.nodeName);
    } catch {
      try {
        // NodeRestriction forbids a kubelet the node-role labels: kubeadm's mark-control-plane phase adds them.
        const labels = Object.fromEntries(Object.entries(want.metadata.labels ?? {}).filter(([l]) => !l.startsWith('node-role.kubernetes.io/')));
        this.node = k.client.create(R.nodes, undefined, { ...want, metadata: { ...want.metadata, labels }, status: undefined });
        k.klog.info('kubelet_node_status.go:75', 'Attempting to register node', { node: k.nodeName });
        k.klog.info('kubelet_node_status.go:78', 'Successfully registered node', { node: k.nodeName });
      } catch (e) {
        k.klog.error('kubelet_node_status.go:107', 'Unable to register node with API server', { err: `Post "${k.apiServer}/api/v1/nodes": ${(e as Error).message}`, node: k.nodeName });
        return false;
      }
    }
    this.post(true);
    return true;
  }

  /** podCIDR is the node's pod range, as the node IPAM controller (or the boot) assigned it. */
  podCIDR(): string | undefined {
    return (this.node?.spec as { podCIDR?: string } | undefined)?.podCIDR;
  }

  /** fetchPodCIDR reads the node's podCIDR from the apiserver (the node IPAM controller assigns it after registration). */
  fetchPodCIDR(): string | undefined {
    try {
      this.node = this.k.client.get(R.nodes, undefined, this.k.nodeName);
    } catch {
      return undefined;
    }
    return this.podCIDR();
  }

  /** tick is the 10-second status loop: post when something changed or the report interval passed. */
  post(force = false): void {
    const k = this.k;
    const now = k.runtime.now;
    const want = this.desired();
    const wantStatus = want.status as { conditions: Condition[]; images?: unknown };
    // Conditions compare whole (heartbeat aside), as the kubelet's nodeStatusHasChanged does: a new message is a change.
    const key = JSON.stringify(wantStatus.conditions.map((c) => [c.type, c.status, c.reason, c.message]));
    try {
      const cur = k.client.get(R.nodes, undefined, k.nodeName);
      const old = ((cur.status as { conditions?: Condition[] } | undefined)?.conditions ?? []) as Condition[];
      // As the kubelet does, the status is compared with the Node as the apiserver has it (the node
      // controller may have set Ready to Unknown while the apiserver was out of reach).
      const onServer = JSON.stringify(
        wantStatus.conditions.map((c) => {
          const o = old.find((x) => x.type === c.type);
          return [c.type, o?.status, o?.reason, o?.message];
        }),
      );
      if (!force && key === this.lastConditions && key === onServer && now - this.lastPost < k.config.nodeStatusReportFrequencyMs) return;
      const t = rfc3339(now);
      const conditions = wantStatus.conditions.map((c) => {
        const prev = old.find((o) => o.type === c.type);
        return { ...c, lastHeartbeatTime: t, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : t };
      });
      const images = k.cri.images
        .list()
        .sort((a, b) => b.size - a.size)
        .slice(0, 50)
        .map((i) => ({ names: [...i.repoDigests, ...i.repoTags], sizeBytes: i.size }));
      const status = { ...(cur.status ?? {}), ...wantStatus, conditions, images };
      this.node = k.client.updateStatus(R.nodes, { ...cur, status });
      this.lastPost = now;
      this.lastConditions = key;
    } catch (e) {
      k.klog.error('kubelet_node_status.go:549', 'Error updating node status, will retry', { err: `error getting node "${k.nodeName}": Get "${k.apiServer}/api/v1/nodes/${k.nodeName}?timeout=10s": ${(e as Error).message}` });
    }
  }

  /** renewLease is the heartbeat: the Lease's renewTime moves forward every 10 seconds. */
  renewLease(): void {
    const k = this.k;
    const now = rfc3339Micro(k.runtime.now);
    try {
      let lease: KObject | undefined;
      try {
        lease = k.client.get(R.leases, 'kube-node-lease', k.nodeName);
      } catch {
        lease = undefined;
      }
      if (!lease) {
        const owner = this.node?.metadata.uid ? [{ apiVersion: 'v1', kind: 'Node', name: k.nodeName, uid: this.node.metadata.uid }] : undefined;
        k.client.create(R.leases, 'kube-node-lease', {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: k.nodeName, namespace: 'kube-node-lease', ownerReferences: owner },
          spec: { holderIdentity: k.nodeName, leaseDurationSeconds: k.config.nodeLeaseDurationSeconds, renewTime: now },
        });
        return;
      }
      k.client.update(R.leases, { ...lease, spec: { ...(lease.spec ?? {}), holderIdentity: k.nodeName, leaseDurationSeconds: k.config.nodeLeaseDurationSeconds, renewTime: now } });
    } catch (e) {
      k.klog.error('controller.go:145', 'Failed to ensure lease exists, will retry', { err: `Get "${k.apiServer}/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${k.nodeName}?timeout=10s": ${(e as Error).message}`, interval: '7s' });
    }
  }
}
