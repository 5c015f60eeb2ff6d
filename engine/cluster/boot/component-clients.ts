import type { Runtime } from '../../base/runtime.ts';
import { ApiClient, type Dialer } from '../../client/client.ts';
import { newKubeadmLeaf, OID, poolKey, type IssuedCert } from '../../pki/index.ts';

/**
 * componentClients gives the in-process components (kube-proxy, add-ons,
 * controllers of the direct control plane) clients that authenticate with a
 * client certificate of the cluster CA for their identity. Components with
 * the same identity (the kube-proxy of every node) share one certificate,
 * as they share one kubeconfig on a kubeadm cluster.
 */
export function componentClients(dial: Dialer, ca: IssuedCert, runtime: Runtime): (cn: string, orgs?: string[]) => ApiClient {
  const certs = new Map<string, string>();
  return (cn, orgs = []) => {
    const id = JSON.stringify([cn, orgs]);
    let certPem = certs.get(id);
    if (!certPem) {
      certPem = newKubeadmLeaf({ commonName: cn, organization: orgs, usages: [OID.clientAuth] }, poolKey(0), ca, runtime.now, runtime.rand).certPem;
      certs.set(id, certPem);
    }
    return new ApiClient(dial, { clientCertPem: certPem });
  };
}
