import type { FileSystem } from '../../host/types.ts';

/** KUBELET_CONFIG is /var/lib/kubelet/config.yaml as kubeadm writes it (0s and empty values mean the defaults). */
export function kubeletConfigYaml(clusterDNS = '10.96.0.10'): string {
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
- ${clusterDNS}
clusterDomain: cluster.local
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

/** CRICTL_YAML is /etc/crictl.yaml pointing crictl at containerd (as exam machines have it). */
export const CRICTL_YAML = 'runtime-endpoint: unix:///run/containerd/containerd.sock\nimage-endpoint: unix:///run/containerd/containerd.sock\ntimeout: 10\ndebug: false\n';

/**
 * writeKubeletFiles lays down what kubeadm init/join leave on a node for the
 * kubelet: config.yaml, kubeadm-flags.env, the manifest folder and
 * crictl.yaml. The 10-kubeadm.conf drop-in is the kubeadm package's, under
 * /usr/lib: kubeadm writes none in /etc, so editing the package's copy is
 * what changes the kubelet's flags, as on a real node.
 */
export function writeKubeletFiles(fs: FileSystem, o: { nodeIp: string; clusterDNS?: string }): void {
  // files that exist are kept: a restored machine carries its own (maybe deliberately broken) copies
  const put = (path: string, text: string) => {
    if (!fs.exists(path)) fs.writeFile(path, text, { mode: 0o644 });
  };
  fs.mkdir('/var/lib/kubelet', { recursive: true });
  put('/var/lib/kubelet/config.yaml', kubeletConfigYaml(o.clusterDNS));
  put('/var/lib/kubelet/kubeadm-flags.env', `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --node-ip=${o.nodeIp} --pod-infra-container-image=registry.k8s.io/pause:3.10"\n`);
  fs.mkdir('/etc/kubernetes/manifests', { recursive: true });
  put('/etc/crictl.yaml', CRICTL_YAML);
}
