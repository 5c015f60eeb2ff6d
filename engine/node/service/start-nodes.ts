import { nodeSubnets } from '../../controllers/nodeipam/controller.ts';
import { R } from '../../client/refs.ts';
import type { ComponentContext, RunningComponent } from '../../cluster/boot/components.ts';
import { clusterImageCatalog } from '../../cluster/images.ts';
import { installedVersion } from '../../host/packages/db.ts';
import { provisionPackages } from '../../host/packages/provision.ts';
import { attachSystemd, systemdFor } from '../../host/systemd/index.ts';
import { makeServices } from '../../shell/services.ts';
import { programByName } from '../../tools/registry.ts';
import { provisionKernel } from '../../tools/sysadmin/index.ts';
import { installNodeConnectors } from '../connector.ts';
import { SANDBOX_IMAGE } from '../images/workloads.ts';
import { ContainerRuntime } from '../runtime/runtime.ts';
import { writeKubeletFiles } from './files.ts';
import { writeCniConfig } from '../../network/cni/configs.ts';
import { registerNodeEnv } from './registry.ts';

/**
 * startNodes makes every machine of a cluster a node: packages, the
 * kubeadm files for the kubelet and the CNI's network configuration (on an
 * installed cluster), a containerd with the pause image, and the
 * kubelet and containerd services started by the machine's systemd. The
 * apiserver reaches each kubelet for logs and exec through the lab network.
 */
export function startNodes(ctx: ComponentContext): RunningComponent[] {
  const { world, runtime, cluster } = ctx;
  const spec = cluster.spec;
  const cp = spec.machines.find((m) => m.role === 'control-plane') ?? spec.machines[0]!;
  installNodeConnectors(cluster.apiserver.ctx.connectors, { net: world.net, from: { host: cp.name, ip: cp.ip } });
  const catalog = clusterImageCatalog();
  const out: RunningComponent[] = [];
  spec.machines.forEach((m, i) => {
    const host = world.mustHost(m.name);
    if (!installedVersion(host, 'kubelet')) {
      provisionPackages(host.fs, { kubernetesVersion: spec.version });
      // The install guide's kernel step: overlay and br_netfilter loaded, the k8s.conf files, ip_forward on.
      provisionKernel(host.fs, { kubernetesReady: true });
    }
    // A prepared machine waits for kubeadm init or join to write the kubelet's files; its kubelet fails until then.
    if (spec.installed !== false && !m.prepared) writeKubeletFiles(host.fs, { nodeIp: m.ip });
    // The cluster's CNI runs in-process: what its DaemonSet would install on a node (also one that joins later) is there.
    if (spec.installed !== false && !host.fs.exists('/etc/cni/net.d')) {
      writeCniConfig(host.fs, spec.cni ?? 'calico', m.name, { network: spec.podSubnet, subnet: nodeSubnets(spec.podSubnet)[i] ?? `10.244.${i}.0/24` });
    }
    const cri = new ContainerRuntime({ runtime, net: world.net, catalog, nodeName: m.name, nodeIp: m.ip, nodeFs: host.fs, nodeProcs: host.procs });
    cri.images.preload([SANDBOX_IMAGE], true);
    // Until the node IPAM controller's assignment is read, the node's share of the cluster's pod network as it hands them out.
    let podCIDR = nodeSubnets(spec.podSubnet)[i] ?? `10.244.${i}.0/24`;
    try {
      podCIDR = (cluster.admin.get(R.nodes, undefined, m.name).spec as { podCIDR?: string }).podCIDR ?? podCIDR;
    } catch {
      // the node registers itself
    }
    registerNodeEnv(runtime, m.name, { host, cri, nodeIp: m.ip, controlPlane: m.role === 'control-plane', kubeletVersion: `v${spec.version}`, podCIDR, containerdUp: true });
    let sd = systemdFor(runtime, m.name);
    if (!sd) {
      const sys = makeServices(host, { runtime, net: world.net, editor: world.editor, machines: () => world.machines(), session: { login: () => {}, logout: () => {} }, terminal: { columns: 80, rows: 24, interactive: false } });
      sd = attachSystemd({ host, sys, programs: (n) => programByName(n) });
      sd.boot();
    } else if (!sd.isActive('kubelet')) sd.start('kubelet');
    const unit = sd;
    out.push({ name: `kubelet@${m.name}`, stop: () => void unit.stop('kubelet') });
  });
  return out;
}
