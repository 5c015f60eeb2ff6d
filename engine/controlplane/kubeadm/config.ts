/**
 * kubeadm's v1beta4 configuration documents: the ClusterConfiguration kept
 * in the kube-system/kubeadm-config ConfigMap (what `upgrade` reads) and the
 * defaults `kubeadm config print init-defaults` prints.
 */

/** ClusterConfigSettings are the fields of a ClusterConfiguration the lab varies. */
export interface ClusterConfigSettings {
  kubernetesVersion: string;
  podSubnet?: string;
  serviceSubnet: string;
  clusterName?: string;
  dataDir?: string;
  controlPlaneEndpoint?: string;
}

/** clusterConfigurationYaml is ClusterConfiguration as kubeadm marshals it (sorted keys, empty sections as {}). */
export function clusterConfigurationYaml(s: ClusterConfigSettings): string {
  return `apiServer: {}
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: ${s.clusterName ?? 'kubernetes'}
${s.controlPlaneEndpoint ? `controlPlaneEndpoint: ${s.controlPlaneEndpoint}\n` : ''}controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: ${s.dataDir ?? '/var/lib/etcd'}
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${s.kubernetesVersion}
networking:
  dnsDomain: cluster.local
${s.podSubnet ? `  podSubnet: ${s.podSubnet}\n` : ''}  serviceSubnet: ${s.serviceSubnet}
proxy: {}
scheduler: {}
`;
}

/** initDefaults is `kubeadm config print init-defaults` of a kubeadm of the given minor. */
export function initDefaults(minor: number): string {
  return `apiVersion: kubeadm.k8s.io/v1beta4
bootstrapTokens:
- groups:
  - system:bootstrappers:kubeadm:default-node-token
  token: abcdef.0123456789abcdef
  ttl: 24h0m0s
  usages:
  - signing
  - authentication
kind: InitConfiguration
localAPIEndpoint:
  advertiseAddress: 1.2.3.4
  bindPort: 6443
nodeRegistration:
  criSocket: unix:///var/run/containerd/containerd.sock
  imagePullPolicy: IfNotPresent
  imagePullSerial: true
  name: node
  taints: null
timeouts:
  controlPlaneComponentHealthCheck: 4m0s
  discovery: 5m0s
  etcdAPICall: 2m0s
  kubeletHealthCheck: 4m0s
  kubernetesAPICall: 1m0s
  tlsBootstrap: 5m0s
  upgradeManifests: 5m0s
---
${clusterConfigurationYaml({ kubernetesVersion: `1.${minor}.0`, serviceSubnet: '10.96.0.0/12' })}`;
}
