import { parse } from 'yaml';
import { encodeBase64 } from '../../base/base64.ts';
import { R } from '../../client/refs.ts';
import type { Process } from '../../host/process.ts';
import { createCsr, csrToPem, KeyPool, kubeletClientFileName, nameFromGo, privateKeyToPem } from '../../pki/index.ts';
import { kubeconfigClient } from './kubeconfig-client.ts';

const PKI = '/var/lib/kubelet/pki';
/** How often the kubelet looks whether its CertificateSigningRequest was signed, and for how long. */
const POLL_MS = 1_000;
const WAIT_MS = 15 * 60_000;

/**
 * tlsBootstrap is the kubelet's TLS bootstrap (a node being joined): with
 * the bootstrap token of bootstrap-kubelet.conf it asks for a client
 * certificate (a CertificateSigningRequest for system:node:<name> in
 * system:nodes, signer kubernetes.io/kube-apiserver-client-kubelet), which
 * the controller manager approves and signs; it stores the certificate and
 * key in /var/lib/kubelet/pki/kubelet-client-current.pem and writes the
 * kubeconfig that points to it. Resolves to undefined once done, or to the
 * error the kubelet exits with.
 */
export async function tlsBootstrap(p: Process, o: { bootstrap: string; kubeconfig: string; nodeName: string; log: (msg: string) => void }): Promise<string | undefined> {
  const boot = kubeconfigClient(p, o.bootstrap);
  if ('error' in boot) return `failed to run Kubelet: unable to load bootstrap kubeconfig: ${boot.error}`;
  const cfg = parse(p.fs.readFile(o.bootstrap)) as { clusters?: { cluster: { server?: string; 'certificate-authority-data'?: string } }[] };
  const cluster = cfg.clusters?.[0]?.cluster ?? {};
  const key = new KeyPool(p.sys.runtime.rand).take()!;
  const csr = createCsr({ subject: nameFromGo({ commonName: `system:node:${o.nodeName}`, organization: ['system:nodes'] }), key });
  let name: string;
  try {
    const created = boot.client.create(R.certificatesigningrequests, undefined, {
      apiVersion: 'certificates.k8s.io/v1',
      kind: 'CertificateSigningRequest',
      metadata: { generateName: 'node-csr-' },
      spec: { request: encodeBase64(new TextEncoder().encode(csrToPem(csr))), signerName: 'kubernetes.io/kube-apiserver-client-kubelet', usages: ['digital signature', 'key encipherment', 'client auth'] },
    });
    name = created.metadata.name!;
  } catch (e) {
    return `failed to run Kubelet: unable to load TLS configuration from existing bootstrap client config read from ${o.bootstrap}: ${(e as Error).message}`;
  }
  o.log(`"Waiting for client certificate to be issued" csr="${name}"`);
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    let cert: string | undefined;
    try {
      cert = (boot.client.get(R.certificatesigningrequests, undefined, name).status as { certificate?: string } | undefined)?.certificate;
    } catch {
      // the apiserver may be restarting: ask again
    }
    if (cert) {
      const certPem = new TextDecoder().decode(Uint8Array.from(atob(cert), (c) => c.charCodeAt(0)));
      const file = `${PKI}/${kubeletClientFileName(p.sys.runtime.now)}`;
      p.fs.mkdir(PKI, { recursive: true });
      p.fs.writeFile(file, certPem + privateKeyToPem(key, 'pkcs1'), { mode: 0o600 });
      if (p.fs.exists(`${PKI}/kubelet-client-current.pem`)) p.fs.unlink(`${PKI}/kubelet-client-current.pem`);
      p.fs.symlink(file, `${PKI}/kubelet-client-current.pem`);
      p.fs.writeFile(o.kubeconfig, kubeletKubeconfig(cluster.server ?? '', cluster['certificate-authority-data'] ?? ''), { mode: 0o600 });
      o.log('"Certificate rotation detected, shutting down client connections to start using new credentials"');
      return undefined;
    }
    if (!(await p.sys.sleep(POLL_MS, p.signal))) return 'interrupted';
  }
  return `failed to run Kubelet: failed to wait for bootstrap certificate: timed out waiting for the condition`;
}

/** kubeletKubeconfig is /etc/kubernetes/kubelet.conf as the kubelet writes it after its TLS bootstrap. */
export function kubeletKubeconfig(server: string, caData: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${caData}
    server: ${server}
  name: default-cluster
contexts:
- context:
    cluster: default-cluster
    namespace: default
    user: default-auth
  name: default-context
current-context: default-context
kind: Config
preferences: {}
users:
- name: default-auth
  user:
    client-certificate: ${PKI}/kubelet-client-current.pem
    client-key: ${PKI}/kubelet-client-current.pem
`;
}
