import type { Network } from '../host/net.ts';

/**
 * Some cluster services are served by the network components themselves
 * when their pods do not exist in the simulation (CoreDNS answering on the
 * kube-dns cluster IP in a cluster without kubelets). kube-proxy leaves such
 * an address:port to them instead of rejecting it for lack of endpoints.
 * Claims are counted: two clusters of one lab may claim the same address.
 */
const claimed = new WeakMap<object, Map<string, number>>();

/** claimAddress marks address:port as served directly on net; the returned function releases it. */
export function claimAddress(net: Network, address: string, port: number): () => void {
  let m = claimed.get(net);
  if (!m) claimed.set(net, (m = new Map()));
  const key = `${address}:${port}`;
  m.set(key, (m.get(key) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (m.get(key) ?? 1) - 1;
    if (n <= 0) m.delete(key);
    else m.set(key, n);
  };
}

/** isClaimed tells whether address:port is served directly. */
export function isClaimed(net: Network, address: string, port: number): boolean {
  return (claimed.get(net)?.get(`${address}:${port}`) ?? 0) > 0;
}

const counters = new WeakMap<object, number>();

/** privateAddress hands out a link-local address (169.254.20.N) unique on net, for a component's own listener. */
export function privateAddress(net: object): string {
  const n = (counters.get(net) ?? 0) + 1;
  counters.set(net, n);
  return `169.254.${20 + Math.floor(n / 250)}.${n % 250}`;
}

/** VirtualPod is the pod identity of an address served by a component itself (CoreDNS's address is "a kube-dns pod"). */
export interface VirtualPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ports?: { name: string; containerPort: number; protocol: string }[];
}

const virtualPods = new WeakMap<object, Map<string, VirtualPod>>();

/** addVirtualPod gives ip a pod identity for NetworkPolicy; the returned function removes it. */
export function addVirtualPod(net: object, ip: string, pod: VirtualPod): () => void {
  let m = virtualPods.get(net);
  if (!m) virtualPods.set(net, (m = new Map()));
  m.set(ip, pod);
  return () => void m.delete(ip);
}

/** virtualPodAt finds the pod identity of a component's address. */
export function virtualPodAt(net: object, ip: string): VirtualPod | undefined {
  return virtualPods.get(net)?.get(ip);
}
