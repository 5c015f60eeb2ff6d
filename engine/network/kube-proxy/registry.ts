import type { ServicePortEntry } from './table.ts';

/** ProxyView is what a node's kube-proxy has programmed, for iptables-save on that node. */
export interface ProxyView {
  entries(): ServicePortEntry[];
  nodeIP(): string | undefined;
  clusterCIDR: string;
}

const views = new WeakMap<object, Map<string, ProxyView>>();

/** registerProxy records a node's kube-proxy on a network; the returned function forgets it. */
export function registerProxy(net: object, nodeName: string, view: ProxyView): () => void {
  let m = views.get(net);
  if (!m) views.set(net, (m = new Map()));
  m.set(nodeName, view);
  return () => {
    if (m.get(nodeName) === view) m.delete(nodeName);
  };
}

/** proxyOn finds the kube-proxy running on a node of a network. */
export function proxyOn(net: object, nodeName: string): ProxyView | undefined {
  return views.get(net)?.get(nodeName);
}
