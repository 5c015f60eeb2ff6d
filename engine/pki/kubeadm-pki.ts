/**
 * createKubeadmPki produces every file `kubeadm init` (and `kubeadm join` on
 * workers, and each kubelet) leaves behind: the PKI under /etc/kubernetes/pki,
 * the kubeconfigs under /etc/kubernetes and the kubelet's /var/lib/kubelet/pki,
 * plus the parsed objects the apiserver and controllers need.
 */
import type { Rand } from '../base/rand.ts';
import { signerIssue } from './csr-signer.ts';
import { KeyPool } from './key-pool.ts';
import { privateKeyToPem, publicKeyToPem } from './keys.ts';
import { issued, leafConfigFor, newKubeadmCA, newKubeadmLeaf, type IssuedCert } from './kubeadm-certs.ts';
import {
  CA_SPECS, CERT_VALIDITY_MS, KUBECONFIG_SPECS, LEAF_SPECS, serverUrl, type ClusterSettings,
} from './kubeadm-specs.ts';
import { kubeconfigYaml } from './kubeconfig.ts';
import { kubeletClientFileName, kubeletClientPem, kubeletServingCert, type KubeletServing } from './kubelet-certs.ts';
import { nameFromGo } from './name.ts';
import { publicOf, type RsaPrivateKey, type RsaPublicKey } from './rsa.ts';

/** KubeadmPkiOptions describe the cluster being initialised. */
export interface KubeadmPkiOptions {
  /** ClusterConfiguration.clusterName (default "kubernetes") */
  clusterName?: string;
  /** the control-plane node's name ("controlplane") */
  controlPlaneHost: string;
  /** its advertise address */
  controlPlaneIp: string;
  /** first IP of the service CIDR (default "10.96.0.1") */
  serviceIp?: string;
  /** cluster DNS domain (default "cluster.local") */
  dnsDomain?: string;
  controlPlaneEndpoint?: string;
  certSANs?: readonly string[];
  now: number;
  rand: Rand;
  /** where keys come from (default: a new KeyPool drawing from rand) */
  keys?: KeyPool;
  /** worker nodes that joined the cluster */
  nodes?: readonly { name: string; ip: string }[];
  /**
   * shared is what a further control-plane node receives from the first one
   * (kubeadm's uploaded certificates): the CAs by name ("ca", "front-proxy-ca",
   * "etcd-ca") and the ServiceAccount key; only this node's leaves are new.
   */
  shared?: { cas: Record<string, IssuedCert>; saKey: RsaPrivateKey };
}

/** PkiFile is a file's content and permission bits. */
export interface PkiFile {
  content: string;
  mode: number;
}

/** KubeconfigCredentials is one kubeconfig's identity. */
export interface KubeconfigCredentials extends IssuedCert {
  user: string;
  server: string;
  yaml: string;
}

/** KubeletCredentials are one node's kubelet certificates. */
export interface KubeletCredentials {
  client: IssuedCert;
  serving: KubeletServing;
  kubeconfig: string;
}

/** KubeadmPki is everything createKubeadmPki made. */
export interface KubeadmPki {
  settings: ClusterSettings;
  /** host name → absolute path → file */
  files: Record<string, Record<string, PkiFile>>;
  /** host name → symlink path → target (kubelet-client-current.pem) */
  symlinks: Record<string, Record<string, string>>;
  /** "ca", "front-proxy-ca", "etcd-ca" */
  cas: Record<string, IssuedCert>;
  /** kubeadm's leaf certificates by name ("apiserver", "etcd-server", …) */
  certs: Record<string, IssuedCert>;
  /** "admin.conf", "super-admin.conf", "controller-manager.conf", "scheduler.conf", "kubelet.conf" */
  kubeconfigs: Record<string, KubeconfigCredentials>;
  /** sa.key / sa.pub, which sign and verify ServiceAccount tokens */
  serviceAccount: { key: RsaPrivateKey; publicKey: RsaPublicKey; keyPem: string; pubPem: string };
  /** node name → kubelet credentials (the control plane included) */
  kubelets: Record<string, KubeletCredentials>;
}

const PKI = '/etc/kubernetes/pki';
const KUBELET_PKI = '/var/lib/kubelet/pki';
const KUBELET_CURRENT = `${KUBELET_PKI}/kubelet-client-current.pem`;

/** createKubeadmPki builds the whole cluster PKI. It draws keys and serials from opts.rand only. */
export function createKubeadmPki(opts: KubeadmPkiOptions): KubeadmPki {
  const keys = opts.keys ?? new KeyPool(opts.rand);
  const { now, rand } = opts;
  const s: ClusterSettings = {
    clusterName: opts.clusterName ?? 'kubernetes',
    nodeName: opts.controlPlaneHost,
    advertiseAddress: opts.controlPlaneIp,
    apiServerVip: opts.serviceIp ?? '10.96.0.1',
    dnsDomain: opts.dnsDomain ?? 'cluster.local',
    ...(opts.controlPlaneEndpoint ? { controlPlaneEndpoint: opts.controlPlaneEndpoint } : {}),
    ...(opts.certSANs ? { certSANs: opts.certSANs } : {}),
  };
  const cp: Record<string, PkiFile> = {};
  const cert = (path: string, pem: string) => (cp[path] = { content: pem, mode: 0o644 });
  const secret = (path: string, content: string) => (cp[path] = { content, mode: 0o600 });

  // kubeadm's order: ca and its leaves, front-proxy, etcd, then sa and kubeconfigs.
  const cas: Record<string, IssuedCert> = {};
  const certs: Record<string, IssuedCert> = {};
  for (const ca of CA_SPECS) {
    const c = opts.shared?.cas[ca.name] ?? newKubeadmCA(ca.commonName(s), keys.newKey(), now, rand);
    cas[ca.name] = c;
    cert(`${PKI}/${ca.baseName}.crt`, c.certPem);
    secret(`${PKI}/${ca.baseName}.key`, c.keyPem);
    for (const leaf of LEAF_SPECS.filter((l) => l.caName === ca.name)) {
      const l = newKubeadmLeaf(leafConfigFor(leaf, s), keys.newKey(), c, now, rand);
      certs[leaf.name] = l;
      cert(`${PKI}/${leaf.baseName}.crt`, l.certPem);
      secret(`${PKI}/${leaf.baseName}.key`, l.keyPem);
    }
  }
  const saKey = opts.shared?.saKey ?? keys.newKey();
  const serviceAccount = { key: saKey, publicKey: publicOf(saKey), keyPem: privateKeyToPem(saKey), pubPem: publicKeyToPem(saKey) };
  secret(`${PKI}/sa.key`, serviceAccount.keyPem);
  secret(`${PKI}/sa.pub`, serviceAccount.pubPem);

  const ca = cas['ca']!;
  const kubeconfigs: Record<string, KubeconfigCredentials> = {};
  for (const k of KUBECONFIG_SPECS) {
    const user = k.user(s);
    const c = newKubeadmLeaf({ commonName: user, organization: k.organization, usages: ['1.3.6.1.5.5.7.3.2'] }, keys.newKey(), ca, now, rand);
    const server = serverUrl(s, k.local);
    const base = { clusterName: s.clusterName, server, caPem: ca.certPem, userName: user };
    // kubelet.conf is rewritten by kubeadm's kubelet-finalize phase to point at the rotating client certificate.
    const yaml = k.name === 'kubelet.conf'
      ? kubeconfigYaml({ ...base, clientCertificatePath: KUBELET_CURRENT, clientKeyPath: KUBELET_CURRENT })
      : kubeconfigYaml({ ...base, clientCertPem: c.certPem, clientKeyPem: c.keyPem });
    kubeconfigs[k.name] = { ...c, user, server, yaml };
    secret(`/etc/kubernetes/${k.name}`, yaml);
  }

  const files: Record<string, Record<string, PkiFile>> = { [s.nodeName]: cp };
  const symlinks: Record<string, Record<string, string>> = {};
  const kubelets: Record<string, KubeletCredentials> = {};
  const clientFile = `${KUBELET_PKI}/${kubeletClientFileName(now)}`;
  const addKubelet = (node: string, client: IssuedCert, kubeconfig: string, into: Record<string, PkiFile>) => {
    const serving = kubeletServingCert(node, now, keys.newKey(), keys.newKey());
    into[clientFile] = { content: kubeletClientPem(client), mode: 0o600 };
    into[`${KUBELET_PKI}/kubelet.crt`] = { content: serving.bundlePem, mode: 0o644 };
    into[`${KUBELET_PKI}/kubelet.key`] = { content: serving.keyPem, mode: 0o600 };
    symlinks[node] = { [KUBELET_CURRENT]: clientFile };
    kubelets[node] = { client, serving, kubeconfig };
  };
  addKubelet(s.nodeName, kubeconfigs['kubelet.conf']!, kubeconfigs['kubelet.conf']!.yaml, cp);

  for (const n of opts.nodes ?? []) {
    const key = keys.newKey();
    const c = signerIssue(
      { subject: nameFromGo({ commonName: `system:node:${n.name}`, organization: ['system:nodes'] }), publicKey: key },
      { ca: { cert: ca.cert, key: ca.key }, usages: ['digital signature', 'key encipherment', 'client auth'], now, rand, signingDurationMs: CERT_VALIDITY_MS },
    );
    if ('error' in c) throw new Error(c.error);
    // The TLS bootstrap writes kubelet.conf with the default-* names and a namespace.
    const yaml = kubeconfigYaml({
      clusterName: 'default-cluster', contextName: 'default-context', userName: 'default-auth', namespace: 'default',
      server: serverUrl(s, false), caPem: ca.certPem, clientCertificatePath: KUBELET_CURRENT, clientKeyPath: KUBELET_CURRENT,
    });
    const f: Record<string, PkiFile> = {
      [`${PKI}/ca.crt`]: { content: ca.certPem, mode: 0o644 },
      '/etc/kubernetes/kubelet.conf': { content: yaml, mode: 0o600 },
    };
    addKubelet(n.name, issued(c, key), yaml, f);
    files[n.name] = f;
  }
  return { settings: s, files, symlinks, cas, certs, kubeconfigs, serviceAccount, kubelets };
}
