import type { ComponentStarter } from '../../cluster/boot/components.ts';
import { ETCD_VERSION_FOR_CLIENTS } from './versions.ts';
import { etcdService } from './service.ts';
import { ETCD_PROTOCOL } from './wire.ts';

/**
 * etcdEndpoint makes the in-process store of a directly booted cluster
 * reachable as kubeadm's etcd is: https on the control plane's :2379 (every
 * address, so 127.0.0.1 too), serving etcd/server.crt and requiring a client
 * certificate signed by the etcd CA. `etcdctl` then works against the lab's
 * cluster as on an exam host. It is dropped once the control plane runs from
 * its static pod manifests (the etcd image listens itself).
 */
export const etcdEndpoint: ComponentStarter = (ctx) => {
  const { cluster, world } = ctx;
  const cp = cluster.spec.machines.find((m) => m.role === 'control-plane')!;
  const server = cluster.pki?.certs['etcd-server'];
  const ca = cluster.pki?.cas['etcd-ca'];
  if (!server || !ca) return [];
  const service = etcdService(cluster.kv, {
    name: cp.name,
    peerUrls: [`https://${cp.ip}:2380`],
    clientUrls: [`https://${cp.ip}:2379`],
    version: ETCD_VERSION_FOR_CLIENTS(cluster.spec.version),
  });
  const l = world.net.listen(cp.name, '0.0.0.0', 2379, { protocol: ETCD_PROTOCOL, tls: { certPem: server.certPem, clientCaPem: ca.certPem, requireClientCert: true }, handler: service });
  return [{ name: 'etcd', stop: () => l.close() }];
};
