import type { KObject } from '../api/types.ts';
import './cni/flannel/images.ts';
import './cni/flannel/manifest.ts';
import './cni/calico/images.ts';
import './cni/calico/manifest.ts';
import './cni/tigera/images.ts';
import './cni/tigera/manifest.ts';
import type { ApiClient, ResourceRef } from '../client/client.ts';
import { R } from '../client/refs.ts';
import { onEachApiserver, type ComponentContext, type ComponentStarter, type RunningComponent } from '../cluster/boot/components.ts';
import { startCoreDns } from './coredns/coredns.ts';
import { startIngressNginx } from './ingress/controller.ts';
import { CONTROLLER_SELECTOR, ingressNginxObjects } from './ingress/install.ts';
import './ingress/image.ts';
import { NGINX_GATEWAY_CONTROLLER, startGateway } from './gateway/controller.ts';
import { GATEWAY_API_RESOURCES } from '../api/resources/index.ts';
import { refOf } from '../client/client.ts';
import { startKubeProxy } from './kube-proxy/proxy.ts';
import { startLoadBalancer } from './kube-proxy/lb.ts';
import { startNetworkPolicy } from './policy/enforcer.ts';
import { enforcesNetworkPolicy } from './cni/configs.ts';
import { addonRef, kubeadmAddonObjects } from './kubeadm-addons.ts';
import { serviceIp } from '../controlplane/kubeadm/kubelet-config.ts';
import { SYSTEM_PRIORITY_CLASSES } from '../apiserver/bootstrap/priority-classes.ts';
import { controlPlaneImageTags } from '../controlplane/images.ts';

/** ensure creates an object unless it exists (a restored or hand-edited cluster keeps its own). */
function ensure(client: ApiClient, ref: ResourceRef, ns: string | undefined, obj: Record<string, unknown>): void {
  try {
    client.create(ref, ns, obj);
  } catch {
    // AlreadyExists, or the apiserver refused: what is there stays.
  }
}

function running(ctx: ComponentContext): boolean {
  return ctx.cluster.spec.installed !== false;
}

/**
 * startClusterServices writes the Services every kubeadm cluster has: default/kubernetes
 * (the apiserver behind the first service IP) and kube-system/kube-dns with the
 * coredns ConfigMap, as the apiserver and kubeadm's addon phase create them.
 */
function startClusterServices(ctx: ComponentContext): RunningComponent[] {
  if (!running(ctx)) return [];
  const admin = ctx.cluster.admin;
  const spec = ctx.cluster.spec;
  const cp = spec.machines.find((m) => m.role === 'control-plane')!;
  ensure(admin, R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } }, spec: { clusterIP: serviceIp(spec.serviceSubnet, 1), ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' } });
  ensure(admin, R.endpointslices, 'default', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } }, addressType: 'IPv4', endpoints: [{ addresses: [cp.ip], conditions: { ready: true } }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] });
  for (const pc of SYSTEM_PRIORITY_CLASSES) ensure(admin, R.priorityclasses, undefined, pc as unknown as Record<string, unknown>);
  for (const obj of kubeadmAddonObjects({ kubernetesVersion: `v${spec.version}`, corednsTag: controlPlaneImageTags(spec.version).coredns, podSubnet: spec.podSubnet, server: `https://${cp.ip}:6443`, serviceSubnet: spec.serviceSubnet })) {
    ensure(admin, addonRef(obj), 'kube-system', obj as unknown as Record<string, unknown>);
  }
  return [];
}

/** startKubeProxies runs kube-proxy on every node of the cluster as system:kube-proxy. */
function startKubeProxies(ctx: ComponentContext): RunningComponent[] {
  if (!running(ctx)) return [];
  // Every machine's data path: a prepared one that joins later routes Service traffic as soon as it does.
  return ctx.cluster.spec.machines
    .map((m) => {
      const h = startKubeProxy({ runtime: ctx.runtime, client: ctx.clientFor('system:kube-proxy'), net: ctx.world.net, nodeName: m.name });
      return { name: `kube-proxy/${m.name}`, stop: () => h.stop() };
    });
}

/** startLoadBalancerPool hands out LoadBalancer addresses from .200–.239 of the machines' network (Gateways use .240–.250). */
function startLoadBalancerPool(ctx: ComponentContext): RunningComponent[] {
  if (!running(ctx)) return [];
  const base = ctx.cluster.spec.machines[0]!.ip.split('.').slice(0, 3).join('.');
  const h = startLoadBalancer({ runtime: ctx.runtime, client: ctx.cluster.admin, first: `${base}.200`, last: `${base}.239` });
  return [{ name: 'load-balancer', stop: () => h.stop() }];
}

/** startClusterDns runs CoreDNS on the kube-dns Service. */
function startClusterDns(ctx: ComponentContext): RunningComponent[] {
  if (!running(ctx)) return [];
  const cp = ctx.cluster.spec.machines.find((m) => m.role === 'control-plane')!;
  const h = startCoreDns({
    runtime: ctx.runtime,
    // CoreDNS reads its Corefile from the mounted ConfigMap and is judged by its pods' state, which the cluster admin view gives.
    client: ctx.cluster.admin,
    net: ctx.world.net,
    defaultIP: serviceIp(ctx.cluster.spec.serviceSubnet, 10),
    upstream: (name) => ctx.world.net.resolve(name, { host: cp.name, ip: cp.ip }),
  });
  return [{ name: 'coredns', stop: () => h.stop() }];
}

/**
 * startPolicyAgent enforces NetworkPolicy on the nodes whose CNI does
 * (calico, however it was installed), judged from each node's CNI
 * configuration as the container runtime finds it: on flannel, or before
 * any CNI, policies are stored and do nothing.
 */
function startPolicyAgent(ctx: ComponentContext): RunningComponent[] {
  if (!running(ctx)) return [];
  const machines = ctx.cluster.spec.machines.map((m) => m.name);
  const enforcesOnMachine = (name: string) => {
    const host = ctx.world.hosts.get(name);
    return !!host && enforcesNetworkPolicy(host.fs);
  };
  const enforcesOn = (node: string | undefined) => (node ? enforcesOnMachine(node) : machines.some(enforcesOnMachine));
  const h = startNetworkPolicy({ runtime: ctx.runtime, client: ctx.cluster.admin, net: ctx.world.net, enforcesOn });
  return [{ name: `${ctx.cluster.spec.cni ?? 'cni'}-policy`, stop: () => h.stop() }];
}

/** startIngressAddon runs ingress-nginx when the lab definition lists the ingress-nginx add-on. */
function startIngressAddon(ctx: ComponentContext): RunningComponent[] {
  const addon = ctx.cluster.spec.addons.find((a) => a.name === 'ingress-nginx');
  if (!addon || !running(ctx)) return [];
  const admin = ctx.cluster.admin;
  const httpPort = typeof addon['nodePort'] === 'number' ? addon['nodePort'] : 30080;
  const httpsPort = typeof addon['httpsNodePort'] === 'number' ? addon['httpsNodePort'] : 30443;
  const refs: Record<string, ResourceRef> = { Namespace: R.namespaces, ServiceAccount: R.serviceaccounts, IngressClass: R.ingressclasses, Service: R.services, Deployment: R.deployments };
  for (const { kind, obj } of ingressNginxObjects(httpPort, httpsPort)) ensure(admin, refs[kind]!, obj.metadata?.namespace, obj as unknown as Record<string, unknown>);
  const h = startIngressNginx({ runtime: ctx.runtime, client: admin, net: ctx.world.net, httpNodePort: httpPort, httpsNodePort: httpsPort, pods: { namespace: 'ingress-nginx', labels: CONTROLLER_SELECTOR } });
  return [{ name: 'ingress-nginx-controller', stop: () => h.stop() }];
}

/**
 * startGatewayAddon installs the Gateway API kinds and NGINX Gateway Fabric
 * (GatewayClass "nginx") when the lab definition lists the nginx-gateway-fabric
 * (or gateway-api) add-on; Gateways get addresses from .240–.250 of the machines' network.
 * With `nodePort` (and `httpsNodePort`) the data plane's Service nginx-gateway is
 * a NodePort Service and every node answers there for the Gateways' port 80 (443) listeners.
 */
function startGatewayAddon(ctx: ComponentContext): RunningComponent[] {
  const addon = ctx.cluster.spec.addons.find((a) => a.name === 'nginx-gateway-fabric' || a.name === 'gateway-api');
  if (!addon || !running(ctx)) return [];
  // Every apiserver instance serves the kinds with their own behaviour, in place of plain CRD rows.
  const served = onEachApiserver(ctx, (api) => {
    for (const def of GATEWAY_API_RESOURCES) {
      const cur = api.registry.lookup(def.group, def.version, def.plural);
      if (cur && cur !== def) api.registry.remove(def.group, def.version, def.plural);
      if (!api.registry.lookup(def.group, def.version, def.plural)) api.registry.add(def);
    }
  });
  const admin = ctx.cluster.admin;
  // The release's CRDs (standard channel) exist as objects, as after `kubectl apply -f standard-install.yaml`.
  for (const crd of gatewayApiCrds()) ensure(admin, refOf('apiextensions.k8s.io/v1', 'customresourcedefinitions', false), undefined, crd);
  const httpNodePort = typeof addon['nodePort'] === 'number' ? addon['nodePort'] : undefined;
  const httpsNodePort = typeof addon['httpsNodePort'] === 'number' ? addon['httpsNodePort'] : undefined;
  const labels = { 'app.kubernetes.io/name': 'nginx-gateway', 'app.kubernetes.io/instance': 'nginx-gateway' };
  ensure(admin, R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'nginx-gateway' } });
  ensure(admin, refOf('gateway.networking.k8s.io/v1', 'gatewayclasses', false), undefined, { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'nginx', labels }, spec: { controllerName: NGINX_GATEWAY_CONTROLLER } });
  if (httpNodePort || httpsNodePort) {
    const ports = [
      ...(httpNodePort ? [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80, nodePort: httpNodePort }] : []),
      ...(httpsNodePort ? [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443, nodePort: httpsNodePort }] : []),
    ];
    ensure(admin, R.services, 'nginx-gateway', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-gateway', namespace: 'nginx-gateway', labels }, spec: { type: 'NodePort', selector: labels, ports } });
  }
  const base = ctx.cluster.spec.machines[0]!.ip.split('.').slice(0, 3).join('.');
  const h = startGateway({ runtime: ctx.runtime, client: admin, net: ctx.world.net, first: `${base}.240`, last: `${base}.250`, httpNodePort, httpsNodePort });
  return [
    {
      name: 'nginx-gateway',
      stop: () => {
        served.stop();
        h.stop();
      },
    },
  ];
}

/** gatewayApiCrds are the Gateway API's CustomResourceDefinitions for the kinds the lab serves. */
function gatewayApiCrds(): KObject[] {
  return GATEWAY_API_RESOURCES.map((d) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${d.plural}.${d.group}`,
      annotations: { 'api-approved.kubernetes.io': 'https://github.com/kubernetes-sigs/gateway-api/pull/3328', 'gateway.networking.k8s.io/bundle-version': 'v1.2.1', 'gateway.networking.k8s.io/channel': 'standard' },
    },
    spec: {
      group: d.group,
      names: { kind: d.kind, listKind: `${d.kind}List`, plural: d.plural, singular: d.singular, ...(d.shortNames?.length ? { shortNames: [...d.shortNames] } : {}), ...(d.categories?.length ? { categories: [...d.categories] } : {}) },
      scope: d.namespaced ? 'Namespaced' : 'Cluster',
      versions: [{ name: d.version, served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } }, subresources: { status: {} } }],
    },
  }) as unknown as KObject);
}

/** NETWORK_COMPONENTS start the cluster network: its Services, kube-proxy, CoreDNS, NetworkPolicy and ingress-nginx. */
export const NETWORK_COMPONENTS: ComponentStarter[] = [startClusterServices, startKubeProxies, startLoadBalancerPool, startClusterDns, startPolicyAgent, startIngressAddon, startGatewayAddon];
