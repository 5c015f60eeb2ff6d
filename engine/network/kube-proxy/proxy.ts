import type { Node, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient } from '../../client/client.ts';
import { Informer } from '../../client/informer.ts';
import { R } from '../../client/refs.ts';
import type { Peer } from '../../host/net.ts';
import type { DialHook, SimNetwork } from '../../cluster/network.ts';
import { isClaimed } from '../claims.ts';
import { cidrContains } from '../ip.ts';
import { buildEntries, serviceKey, type Endpoint, type ServicePortEntry } from './table.ts';
import { registerProxy } from './registry.ts';

/** KubeProxyOptions starts kube-proxy for one node. */
export interface KubeProxyOptions {
  runtime: Runtime;
  client: ApiClient;
  net: SimNetwork;
  nodeName: string;
  /** the pod network (--cluster-cidr), for the masquerade rules iptables-save shows */
  clusterCIDR?: string;
}

/** KubeProxyHandle is a running kube-proxy. */
export interface KubeProxyHandle {
  stop(): void;
  /** entries lists the programmed service ports (for iptables-save and tests). */
  entries(): ServicePortEntry[];
  /** nodeIP is the node's InternalIP as kube-proxy learned it. */
  nodeIP(): string | undefined;
}

/**
 * startKubeProxy runs kube-proxy on one node in iptables mode: it watches
 * Services and EndpointSlices and installs a dial hook that DNATs, for dials
 * made on this node (by the node itself or its pods), every cluster IP and
 * external IP to an endpoint, and NodePorts on the node's own address. A
 * service port without endpoints is rejected (the client sees "connection
 * refused"), as the KUBE-SERVICES reject rules do.
 */
export function startKubeProxy(opts: KubeProxyOptions): KubeProxyHandle {
  const { runtime, client, net, nodeName } = opts;
  const services = new Informer(client, R.services, runtime);
  const slices = new Informer(client, R.endpointslices, runtime);
  const nodes = new Informer(client, R.nodes, runtime, { fieldSelector: `metadata.name=${nodeName}` });
  let byVip = new Map<string, ServicePortEntry>();
  let byNodePort = new Map<number, ServicePortEntry>();
  let all: ServicePortEntry[] = [];
  let dirty = true;
  /** ClientIP affinity: entry id + client IP → endpoint and when it was last used */
  const sticky = new Map<string, { ep: Endpoint; at: number }>();

  const rebuild = () => {
    if (!dirty) return;
    dirty = false;
    const sliceBySvc = new Map<string, EndpointSlice[]>();
    for (const s of slices.list() as unknown as EndpointSlice[]) {
      const owner = s.metadata?.labels?.['kubernetes.io/service-name'];
      if (!owner) continue;
      const k = serviceKey(s.metadata?.namespace, owner);
      sliceBySvc.set(k, [...(sliceBySvc.get(k) ?? []), s]);
    }
    all = [];
    byVip = new Map();
    byNodePort = new Map();
    for (const svc of services.list() as Service[]) {
      for (const e of buildEntries(svc, sliceBySvc.get(serviceKey(svc.metadata?.namespace, svc.metadata?.name)) ?? [])) {
        all.push(e);
        if (e.protocol !== 'TCP' && e.protocol !== 'UDP') continue;
        for (const ip of [...e.clusterIPs, ...e.externalIPs]) byVip.set(`${ip}:${e.port}`, e);
        if (e.nodePort) byNodePort.set(e.nodePort, e);
      }
    }
  };
  const mark = () => void (dirty = true);
  for (const inf of [services, slices]) inf.on({ add: mark, update: mark, delete: mark });

  const node = (): Node | undefined => nodes.get(undefined, nodeName) as Node | undefined;
  const nodeIP = (): string | undefined => node()?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  const onThisNode = (from: Peer): boolean => {
    if (from.host === nodeName || from.ip === nodeIP()) return true;
    const cidrs = node()?.spec?.podCIDRs ?? (node()?.spec?.podCIDR ? [node()!.spec!.podCIDR!] : []);
    return cidrs.some((c) => cidrContains(c, from.ip));
  };

  const pick = (e: ServicePortEntry, from: Peer, candidates: Endpoint[]): Endpoint => {
    if (e.affinity) {
      const key = `${e.id}|${from.ip}`;
      const s = sticky.get(key);
      if (s && runtime.now - s.at <= e.affinity.timeoutSeconds * 1000 && candidates.some((c) => c.ip === s.ep.ip && c.port === s.ep.port)) {
        s.at = runtime.now;
        return s.ep;
      }
      const ep = runtime.rand.pick(candidates);
      sticky.set(key, { ep, at: runtime.now });
      return ep;
    }
    return runtime.rand.pick(candidates);
  };

  const route = (e: ServicePortEntry, from: Peer, local: boolean) => {
    const candidates = local ? e.endpoints.filter((x) => x.nodeName === nodeName) : e.endpoints;
    if (candidates.length === 0) return 'reject' as const;
    const ep = pick(e, from, candidates);
    return { address: ep.ip, port: ep.port };
  };

  const hook: DialHook = {
    rewrite(from, address, port) {
      rebuild();
      const vip = byVip.get(`${address}:${port}`);
      // External and load-balancer addresses are announced to the whole network; cluster IPs exist only on nodes.
      if (vip && (onThisNode(from) || vip.externalIPs.includes(address))) {
        if (vip.endpoints.length === 0 && isClaimed(net, address, port)) return undefined;
        return route(vip, from, vip.internalLocal);
      }
      if (address === nodeIP()) {
        const np = byNodePort.get(port);
        if (np && np.endpoints.length === 0 && isClaimed(net, address, port)) return undefined;
        if (np) return route(np, from, np.externalLocal);
      }
      return undefined;
    },
  };
  const off = net.addHook(hook);
  const forget = registerProxy(net, nodeName, {
    entries: () => {
      rebuild();
      return all;
    },
    nodeIP,
    clusterCIDR: opts.clusterCIDR ?? '10.244.0.0/16',
  });
  for (const inf of [services, slices, nodes]) inf.start();
  return {
    stop() {
      off();
      forget();
      for (const inf of [services, slices, nodes]) inf.stop();
    },
    entries() {
      rebuild();
      return all;
    },
    nodeIP,
  };
}
