/**
 * The certificates kubeadm creates (cmd/kubeadm/app/phases/certs/certlist.go and
 * phases/kubeconfig): names, common names, groups, usages, alternative names and
 * lifetimes, as kubeadm 1.31+ makes them.
 */
import { OID } from './oids.ts';

/** CERT_VALIDITY_MS is a leaf certificate's lifetime (CertificateValidityPeriod, 8760h). */
export const CERT_VALIDITY_MS = 365 * 24 * 3600 * 1000;
/** CA_VALIDITY_MS is a CA's lifetime (CACertificateValidityPeriod, 87600h). */
export const CA_VALIDITY_MS = 10 * CERT_VALIDITY_MS;
/** CERT_BACKDATE_MS is how far kubeadm backdates notBefore (CertificateBackdate, 5 minutes). */
export const CERT_BACKDATE_MS = 5 * 60 * 1000;

/** ClusterSettings are the InitConfiguration values the certificates depend on. */
export interface ClusterSettings {
  /** ClusterConfiguration.clusterName ("kubernetes") */
  clusterName: string;
  /** NodeRegistration.name of the control-plane node */
  nodeName: string;
  /** LocalAPIEndpoint.advertiseAddress */
  advertiseAddress: string;
  /** first IP of the service subnet ("10.96.0.1") */
  apiServerVip: string;
  /** Networking.dnsDomain ("cluster.local") */
  dnsDomain: string;
  /** ClusterConfiguration.controlPlaneEndpoint (host or host:port), optional */
  controlPlaneEndpoint?: string;
  /** APIServer.certSANs */
  certSANs?: readonly string[];
}

/** CertSpec describes one kubeadm certificate. */
export interface CertSpec {
  /** the name kubeadm uses in `certs renew` and `check-expiration` ("apiserver", "etcd-server") */
  name: string;
  /** file base name under /etc/kubernetes/pki ("apiserver", "etcd/server") */
  baseName: string;
  /** name of the signing CA; absent for a CA */
  caName?: string;
  commonName: (s: ClusterSettings) => string;
  organization?: readonly string[];
  usages?: readonly string[];
  altNames?: (s: ClusterSettings) => { dns: string[]; ips: string[] };
}

function hostOf(endpoint: string): string {
  const m = endpoint.match(/^\[(.*)\](?::\d+)?$/) ?? endpoint.match(/^([^:]+)(?::\d+)?$/);
  return m ? m[1]! : endpoint;
}

const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(':');

// pkiutil.RemoveDuplicateAltNames: DNS names sorted and unique, IPs unique in order.
function dedupe(dns: string[], ips: string[]): { dns: string[]; ips: string[] } {
  return { dns: [...new Set(dns)].sort(), ips: [...new Set(ips)] };
}

function apiServerAltNames(s: ClusterSettings): { dns: string[]; ips: string[] } {
  const dns = [s.nodeName, 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${s.dnsDomain}`];
  const ips = [s.apiServerVip, s.advertiseAddress];
  for (const san of [...(s.controlPlaneEndpoint ? [hostOf(s.controlPlaneEndpoint)] : []), ...(s.certSANs ?? [])]) {
    (isIp(san) ? ips : dns).push(san);
  }
  return dedupe(dns, ips);
}

function etcdAltNames(s: ClusterSettings): { dns: string[]; ips: string[] } {
  return dedupe([s.nodeName, 'localhost'], [s.advertiseAddress, '127.0.0.1', '::1']);
}

/** CA_SPECS are kubeadm's three certificate authorities. */
export const CA_SPECS: readonly CertSpec[] = [
  { name: 'ca', baseName: 'ca', commonName: () => 'kubernetes' },
  { name: 'front-proxy-ca', baseName: 'front-proxy-ca', commonName: () => 'front-proxy-ca' },
  { name: 'etcd-ca', baseName: 'etcd/ca', commonName: () => 'etcd-ca' },
];

/** LEAF_SPECS are the leaf certificates under /etc/kubernetes/pki. */
export const LEAF_SPECS: readonly CertSpec[] = [
  { name: 'apiserver', baseName: 'apiserver', caName: 'ca', commonName: () => 'kube-apiserver', usages: [OID.serverAuth], altNames: apiServerAltNames },
  { name: 'apiserver-kubelet-client', baseName: 'apiserver-kubelet-client', caName: 'ca', commonName: () => 'kube-apiserver-kubelet-client', organization: ['kubeadm:cluster-admins'], usages: [OID.clientAuth] },
  { name: 'front-proxy-client', baseName: 'front-proxy-client', caName: 'front-proxy-ca', commonName: () => 'front-proxy-client', usages: [OID.clientAuth] },
  { name: 'etcd-server', baseName: 'etcd/server', caName: 'etcd-ca', commonName: (s) => s.nodeName, usages: [OID.serverAuth, OID.clientAuth], altNames: etcdAltNames },
  { name: 'etcd-peer', baseName: 'etcd/peer', caName: 'etcd-ca', commonName: (s) => s.nodeName, usages: [OID.serverAuth, OID.clientAuth], altNames: etcdAltNames },
  { name: 'etcd-healthcheck-client', baseName: 'etcd/healthcheck-client', caName: 'etcd-ca', commonName: () => 'kube-etcd-healthcheck-client', usages: [OID.clientAuth] },
  { name: 'apiserver-etcd-client', baseName: 'apiserver-etcd-client', caName: 'etcd-ca', commonName: () => 'kube-apiserver-etcd-client', usages: [OID.clientAuth] },
];

/** KubeconfigSpec describes one kubeconfig kubeadm writes under /etc/kubernetes. */
export interface KubeconfigCertSpec {
  /** file name, also its name in `certs renew` ("admin.conf") */
  name: string;
  user: (s: ClusterSettings) => string;
  organization: readonly string[];
  /** controller-manager and scheduler talk to the local apiserver, the others to the control-plane endpoint */
  local: boolean;
}

/** KUBECONFIG_SPECS are the kubeconfig files of `kubeadm init` on the first control-plane node. */
export const KUBECONFIG_SPECS: readonly KubeconfigCertSpec[] = [
  { name: 'admin.conf', user: () => 'kubernetes-admin', organization: ['kubeadm:cluster-admins'], local: false },
  { name: 'super-admin.conf', user: () => 'kubernetes-super-admin', organization: ['system:masters'], local: false },
  { name: 'kubelet.conf', user: (s) => `system:node:${s.nodeName}`, organization: ['system:nodes'], local: false },
  { name: 'controller-manager.conf', user: () => 'system:kube-controller-manager', organization: [], local: true },
  { name: 'scheduler.conf', user: () => 'system:kube-scheduler', organization: [], local: true },
];

/** serverUrl is the https URL of an API endpoint (port 6443 unless the endpoint names one). */
export function serverUrl(s: ClusterSettings, local: boolean): string {
  const ep = !local && s.controlPlaneEndpoint ? s.controlPlaneEndpoint : s.advertiseAddress;
  if (/:\d+$/.test(ep) && !/^[0-9a-fA-F:]+$/.test(ep)) return `https://${ep}`;
  return ep.includes(':') && !ep.startsWith('[') ? `https://[${ep}]:6443` : `https://${ep}:6443`;
}
