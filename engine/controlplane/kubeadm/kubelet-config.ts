/**
 * The kubelet's files kubeadm writes on every node it sets up
 * (phases/kubelet): /var/lib/kubelet/config.yaml, the KubeletConfiguration
 * as kubeadm marshals it (defaults left out, durations "0s", the cluster DNS
 * address and domain filled in), and /var/lib/kubelet/kubeadm-flags.env.
 */

/** kubeletConfigYaml is /var/lib/kubelet/config.yaml for a cluster. */
export function kubeletConfigYaml(o: { clusterDns: string; clusterDomain?: string }): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- ${o.clusterDns}
clusterDomain: ${o.clusterDomain ?? 'cluster.local'}
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

/** kubeadmFlagsEnv is /var/lib/kubelet/kubeadm-flags.env (containerd's socket). */
export function kubeadmFlagsEnv(): string {
  return 'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock"\n';
}

/** clusterDnsIp is the tenth address of the service range, where kubeadm puts CoreDNS. */
export function clusterDnsIp(serviceSubnet: string): string {
  return serviceIp(serviceSubnet, 10);
}

/** serviceIp is the n-th address of the service range (1: the kubernetes Service, in the apiserver certificate). */
export function serviceIp(serviceSubnet: string, n: number): string {
  const [ip] = serviceSubnet.split('/');
  const p = ip!.split('.').map(Number);
  return `${p[0]}.${p[1]}.${p[2]}.${p[3]! + n}`;
}
