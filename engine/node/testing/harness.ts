import { writeCniConfig } from '../../network/cni/configs.ts';
import type { KObject } from '../../api/types.ts';
import { testApiServer } from '../../apiserver/testing/harness.ts';
import { ApiClient } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { SimNetwork } from '../../cluster/network.ts';
import { createHost } from '../../host/image.ts';
import { loadShellParser } from '../../shell/parser/load.ts';
import { installNodeConnectors } from '../connector.ts';
import { makeImageCatalog } from '../images/catalog.ts';
import { WORKLOAD_IMAGES } from '../images/workloads.ts';
import { startKubelet, type KubeletHandle } from '../kubelet/kubelet.ts';
import { ContainerRuntime } from '../runtime/runtime.ts';
import { advance } from './advance.ts';

/**
 * nodeTestLab is an apiserver, a lab network and one node (node01) with its
 * container runtime and kubelet, for tests. The kubelet uses the admin
 * client here (the test apiserver has no Node authorizer).
 */
export async function nodeTestLab(opts: { staticPodPath?: string } = {}) {
  await loadShellParser();
  const h = testApiServer({ seed: 7 });
  const { runtime, server } = h;
  const admin = new ApiClient(() => server, { token: 'admin' });
  for (const ns of ['default', 'kube-system', 'kube-node-lease']) admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const net = new SimNetwork();
  const host = createHost({ name: 'node01', ip: '192.168.100.11', clock: runtime.clock });
  net.addAddress('node01', '192.168.100.11');
  net.addAddress('controlplane', '192.168.100.10');
  // The node of an installed cluster: its CNI has written its network configuration.
  writeCniConfig(host.fs, 'calico', 'node01', { network: '10.244.0.0/16', subnet: '10.244.1.0/24' });
  const cri = new ContainerRuntime({ runtime, net, catalog: makeImageCatalog(WORKLOAD_IMAGES), nodeName: 'node01', nodeIp: '192.168.100.11', nodeFs: host.fs, nodeProcs: host.procs });
  installNodeConnectors(server.ctx.connectors, { net, from: { host: 'controlplane', ip: '192.168.100.10' } });
  const start = (): KubeletHandle =>
    startKubelet({ runtime, client: admin, nodeName: 'node01', host, nodeIp: '192.168.100.11', cri, config: { staticPodPath: opts.staticPodPath ?? '/etc/kubernetes/manifests' }, podCIDR: '10.244.1.0/24' });
  let kubelet = start();
  const t = {
    runtime,
    server,
    admin,
    net,
    host,
    cri,
    get kubelet() {
      return kubelet;
    },
    restartKubelet() {
      kubelet.stop();
      kubelet = start();
    },
    advance: (ms: number) => advance(runtime, ms),
    /** run creates a pod bound to node01 (as the scheduler would have). */
    run(pod: Record<string, unknown>): KObject {
      const p = pod as { metadata?: Record<string, unknown>; spec?: Record<string, unknown> };
      return admin.create(R.pods, (p.metadata?.namespace as string) ?? 'default', { apiVersion: 'v1', kind: 'Pod', ...pod, spec: { nodeName: 'node01', ...(p.spec ?? {}) } });
    },
    pod: (name: string, ns = 'default'): KObject => admin.get(R.pods, ns, name),
    status: (name: string, ns = 'default') => admin.get(R.pods, ns, name).status as Record<string, unknown> & { phase: string; containerStatuses?: Record<string, unknown>[] },
    /** events lists "Type Reason Message" of an object's events, oldest first. */
    events(name: string, ns = 'default'): string[] {
      return admin
        .list(R.events, ns)
        .items.filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === name)
        .map((e) => {
          const ev = e as unknown as { type: string; reason: string; message: string; count?: number };
          return `${ev.type} ${ev.reason} ${ev.message}${(ev.count ?? 1) > 1 ? ` (x${ev.count})` : ''}`;
        });
    },
  };
  return t;
}
