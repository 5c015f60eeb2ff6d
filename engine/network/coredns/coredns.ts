import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KObject } from '../../api/types.ts';
import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient } from '../../client/client.ts';
import { Informer } from '../../client/informer.ts';
import { R } from '../../client/refs.ts';
import type { Peer } from '../../host/net.ts';
import type { SimNetwork } from '../../cluster/network.ts';
import { addVirtualPod, claimAddress, privateAddress } from '../claims.ts';
import { cidrContains } from '../ip.ts';
import type { DnsHandler, DnsQuestion, DnsReply } from '../dns-protocol.ts';
import { DEFAULT_COREFILE, parseCorefile, type CoreConfig } from './corefile.ts';
import { servingConfig } from './instances.ts';
import { answer } from './records.ts';

/** CoreDnsOptions starts the cluster's DNS. */
export interface CoreDnsOptions {
  runtime: Runtime;
  client: ApiClient;
  net: SimNetwork;
  /**
   * up tells whether CoreDNS's pods serve. Absent, it is read from the API:
   * the coredns Deployment scaled to 0, or kube-dns pods that exist but none
   * Running and Ready, mean down.
   */
  up?: () => boolean;
  /** the kube-dns Service's address when the Service does not exist (kubeadm's default 10.96.0.10) */
  defaultIP?: string;
  /** upstream resolves names outside the cluster (the nodes' resolver) */
  upstream?: (name: string) => string | undefined;
}

/** CoreDnsHandle is the running cluster DNS. */
export interface CoreDnsHandle {
  stop(): void;
  /** query answers a question as the DNS service would (undefined: no answer, the client times out). */
  query(q: DnsQuestion): DnsReply | undefined;
  /** serving tells whether lookups are answered now. */
  serving(): boolean;
  /** corefileError is why CoreDNS would not start with the current Corefile. */
  corefileError(): string | undefined;
}

/**
 * startCoreDns answers DNS for the cluster: on the kube-dns Service's
 * address (port 53, protocol "dns") and on each kube-dns endpoint, from the
 * coredns ConfigMap's Corefile. It also backs SimNetwork.resolve for pods, so
 * every program in a pod resolves service names with its namespace's search
 * list. When the Corefile is broken or the pods are down, nothing answers.
 */
export function startCoreDns(opts: CoreDnsOptions): CoreDnsHandle {
  const { runtime, client, net } = opts;
  const services = new Informer(client, R.services, runtime);
  const slices = new Informer(client, R.endpointslices, runtime);
  const namespaces = new Informer(client, R.namespaces, runtime);
  const configs = new Informer(client, R.configmaps, runtime, { namespace: 'kube-system', fieldSelector: 'metadata.name=coredns' });
  const deployments = new Informer(client, R.deployments, runtime, { namespace: 'kube-system', fieldSelector: 'metadata.name=coredns' });
  const pods = new Informer(client, R.pods, runtime, { namespace: 'kube-system', labelSelector: 'k8s-app=kube-dns' });
  const nodes = new Informer(client, R.nodes, runtime);
  const informers = [services, slices, namespaces, configs, deployments, pods, nodes];
  /** inCluster tells whether a dialler is one of this cluster's nodes or pods (a lab may hold several clusters). */
  const inCluster = (from: Peer): boolean => {
    const list = nodes.list() as Node[];
    if (list.length === 0) return true;
    return list.some((n) => n.metadata?.name === from.host || (n.status?.addresses ?? []).some((a) => a.address === from.ip) || (n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : [])).some((c) => cidrContains(c, from.ip)));
  };

  let parsedFrom: string | undefined;
  let parsed: CoreConfig | { error: string } = parseCorefile(DEFAULT_COREFILE);
  const isServing = (p: Pod) => p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  /** loaded is the configuration a serving coredns pod runs with (what it started with or last reloaded), if one publishes it. */
  const loaded = (): CoreConfig | undefined => {
    const serving = (pods.list() as Pod[]).filter(isServing).sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
    for (const p of serving) {
      const cfg = p.status?.podIP ? servingConfig(runtime, p.status.podIP) : undefined;
      if (cfg) return cfg;
    }
    return undefined;
  };
  /** fromConfigMap is the ConfigMap's Corefile, for clusters whose DNS pods do not report what they loaded. */
  const fromConfigMap = () => {
    const cm = configs.get('kube-system', 'coredns') as (KObject & { data?: Record<string, string> }) | undefined;
    const text = cm?.data?.['Corefile'] ?? DEFAULT_COREFILE;
    if (text !== parsedFrom) {
      parsedFrom = text;
      parsed = parseCorefile(text);
    }
    return parsed;
  };
  const config = (): CoreConfig | { error: string } => loaded() ?? fromConfigMap();
  const podsUp = () => {
    const dep = deployments.get('kube-system', 'coredns') as (KObject & { spec?: { replicas?: number } }) | undefined;
    if (dep && dep.spec?.replicas === 0) return false;
    const list = pods.list() as Pod[];
    if (list.length === 0) return true;
    return list.some(isServing);
  };
  const serving = () => !('error' in config()) && (opts.up ? opts.up() : podsUp());
  const upstream = opts.upstream ?? ((name: string) => net.resolve(name, { host: '', ip: '' }));
  const query = (q: DnsQuestion): DnsReply | undefined => {
    const cfg = config();
    if ('error' in cfg || !serving()) return undefined;
    return answer(q, cfg, {
      services: services.list() as Service[],
      slices: slices.list() as unknown as EndpointSlice[],
      namespaces: new Set(namespaces.list().map((n) => n.metadata.name ?? '')),
      upstream,
    });
  };
  const handler: DnsHandler = { query: (q) => query(q) };

  // Where the service is reached: the kube-dns cluster IP, which this cluster's nodes and pods
  // reach at CoreDNS's own address (claimed from kube-proxy while kube-dns has no endpoints),
  // and every endpoint address of kube-dns.
  const own = privateAddress(net);
  net.addAddress('coredns', own);
  const ownListener = net.listen('coredns', own, 53, { protocol: 'dns', handler });
  // NetworkPolicy sees this address as what it stands for: a CoreDNS pod in kube-system.
  const forgetPod = addVirtualPod(net, own, {
    namespace: 'kube-system',
    name: 'coredns',
    labels: { 'k8s-app': 'kube-dns' },
    ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9153, protocol: 'TCP' }],
  });
  let vip = opts.defaultIP ?? '10.96.0.10';
  let releaseVip = claimAddress(net, vip, 53);
  const offHook = net.addHook({
    rewrite: (from, address, port) => (port === 53 && address === vip && inCluster(from) ? { address: own, port: 53 } : undefined),
  });
  const bound = new Map<string, { close(): void }>();
  const sync = () => {
    const svc = services.get('kube-system', 'kube-dns') as Service | undefined;
    const nextVip = svc?.spec?.clusterIP && svc.spec.clusterIP !== 'None' ? svc.spec.clusterIP : (opts.defaultIP ?? '10.96.0.10');
    if (nextVip !== vip) {
      releaseVip();
      vip = nextVip;
      releaseVip = claimAddress(net, vip, 53);
    }
    const want = new Set<string>();
    for (const s of slices.list('kube-system') as unknown as EndpointSlice[]) {
      if (s.metadata?.labels?.['kubernetes.io/service-name'] !== 'kube-dns') continue;
      for (const e of s.endpoints ?? []) for (const ip of e.addresses ?? []) want.add(ip);
    }
    for (const [ip, b] of bound) {
      if (!want.has(ip)) {
        b.close();
        bound.delete(ip);
      }
    }
    for (const ip of want) {
      if (bound.has(ip)) continue;
      bound.set(ip, net.listen(net.hostOf(ip) ?? 'coredns', ip, 53, { protocol: 'dns', handler }));
    }
  };
  for (const inf of [services, slices]) inf.on({ add: sync, update: sync, delete: sync });

  const previousDns = net.dns;
  net.dns = (name: string, from: Peer) => {
    if (!from.pod || !inCluster(from)) return previousDns?.(name, from);
    const search = [`${from.pod.namespace}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'];
    const dots = name.split('.').length - 1;
    const tries = name.endsWith('.') ? [name] : dots >= 5 ? [`${name}.`, ...search.map((s) => `${name}.${s}.`)] : [...search.map((s) => `${name}.${s}.`), `${name}.`];
    for (const t of tries) {
      const r = query({ name: t, type: 'A' });
      if (!r) return undefined;
      const ip = r.answer.find((x) => x.type === 'A')?.data;
      if (ip) return ip;
    }
    return previousDns?.(name, from);
  };

  for (const inf of informers) inf.start();
  sync();
  return {
    stop() {
      for (const inf of informers) inf.stop();
      for (const b of bound.values()) b.close();
      bound.clear();
      ownListener.close();
      forgetPod();
      releaseVip();
      offHook();
      if (net.dns) net.dns = previousDns;
    },
    query,
    serving,
    corefileError: () => {
      const c = config();
      return 'error' in c ? c.error : undefined;
    },
  };
}
