import type { Namespace, Node, Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient } from '../../client/client.ts';
import { Informer } from '../../client/informer.ts';
import { R } from '../../client/refs.ts';
import type { Peer } from '../../host/net.ts';
import type { SimNetwork } from '../../cluster/network.ts';
import { allowedEgress, allowedIngress, type PolicyEndpoint } from './evaluate.ts';
import { virtualPodAt } from '../claims.ts';

/** NetworkPolicyOptions starts enforcement (the CNI's policy agent, cluster-wide). */
export interface NetworkPolicyOptions {
  runtime: Runtime;
  client: ApiClient;
  net: SimNetwork;
  /**
   * enforcesOn says whether the CNI on a node enforces policy (the policy
   * agent is per node: calico's felix does, flannel has none). A pod with
   * no node (an in-cluster service of the lab's own) asks with undefined.
   * Absent: every node enforces.
   */
  enforcesOn?(node: string | undefined): boolean;
}

/** NetworkPolicyHandle is the running enforcement. */
export interface NetworkPolicyHandle {
  stop(): void;
  /** allows is the decision for a dial, as the dial hook makes it (for tests and explanations). */
  allows(from: Peer, address: string, port: number): boolean;
}

/**
 * startNetworkPolicy enforces NetworkPolicy through SimNetwork's dial hook,
 * after kube-proxy's DNAT (policies see pod addresses, not service IPs). A
 * denied connection is dropped, so the client times out. Traffic between a
 * node and the pods running on it is always allowed, as the API documents.
 * Port 53 is matched as both UDP and TCP, since lookups travel over either.
 */
export function startNetworkPolicy(opts: NetworkPolicyOptions): NetworkPolicyHandle {
  const { runtime, client, net } = opts;
  const policies = new Informer(client, R.networkpolicies, runtime);
  const pods = new Informer(client, R.pods, runtime);
  const namespaces = new Informer(client, R.namespaces, runtime);
  const nodes = new Informer(client, R.nodes, runtime);
  const informers = [policies, pods, namespaces, nodes];
  let byIp: Map<string, Pod> | undefined;
  const invalidate = () => void (byIp = undefined);
  pods.on({ add: invalidate, update: invalidate, delete: invalidate });
  const podAt = (ip: string): Pod | undefined => {
    if (!byIp) {
      byIp = new Map();
      for (const p of pods.list() as Pod[]) {
        if (p.spec?.hostNetwork || !p.status?.podIP) continue;
        if (p.status.phase === 'Succeeded' || p.status.phase === 'Failed') continue;
        byIp.set(p.status.podIP, p);
      }
    }
    const real = byIp.get(ip);
    if (real) return real;
    const v = virtualPodAt(net, ip);
    return v ? ({ metadata: { name: v.name, namespace: v.namespace, labels: v.labels }, spec: { containers: [{ name: v.name, ports: v.ports }] } } as Pod) : undefined;
  };
  const nsLabels = (ns: string) => (namespaces.get(undefined, ns) as Namespace | undefined)?.metadata?.labels ?? { 'kubernetes.io/metadata.name': ns };
  const endpoint = (ip: string, pod: Pod | undefined): PolicyEndpoint => ({ ip, pod, namespaceLabels: pod ? nsLabels(pod.metadata?.namespace ?? '') : undefined });
  const nodeOfHost = (from: Peer): string | undefined => {
    for (const n of nodes.list() as Node[]) {
      if (n.metadata?.name === from.host || (n.status?.addresses ?? []).some((a) => a.address === from.ip)) return n.metadata?.name;
    }
    return undefined;
  };

  const allows = (from: Peer, address: string, port: number): boolean => {
    const all = policies.list() as NetworkPolicy[];
    if (all.length === 0) return true;
    const protocols = port === 53 ? ['UDP', 'TCP'] : ['TCP'];
    // A dialler known only by its peer description (the ingress controller) is judged as that pod.
    const src = podAt(from.ip) ?? (from.pod ? ({ metadata: { name: from.pod.name, namespace: from.pod.namespace, labels: from.pod.labels }, spec: { containers: [] } } as Pod) : undefined);
    const dst = podAt(address);
    const enforced = (p: Pod) => opts.enforcesOn?.(p.spec?.nodeName) ?? true;
    if (src && enforced(src) && !allowedEgress(all, src, endpoint(address, dst), port, protocols)) return false;
    if (dst && enforced(dst)) {
      if (!src) {
        const node = nodeOfHost(from);
        if (node && node === dst.spec?.nodeName) return true;
      }
      if (!allowedIngress(all, endpoint(from.ip, src), dst, port, protocols)) return false;
    }
    return true;
  };
  const off = net.addHook({ allow: allows });
  for (const inf of informers) inf.start();
  return {
    stop() {
      off();
      for (const inf of informers) inf.stop();
    },
    allows,
  };
}
