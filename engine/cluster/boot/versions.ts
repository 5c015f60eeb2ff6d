/** Versions of what a cluster of a given Kubernetes version runs (kubeadm's constants). */
export interface ComponentVersions {
  kubernetes: string;
  etcd: string;
  coredns: string;
  pause: string;
  containerd: string;
}

/** componentVersions answers the image tags kubeadm uses for a Kubernetes version. */
export function componentVersions(version: string): ComponentVersions {
  const minor = Number(version.split('.')[1] ?? 34);
  return {
    kubernetes: `v${version}`,
    etcd: minor >= 34 ? '3.6.4-0' : minor >= 32 ? '3.5.21-0' : '3.5.15-0',
    coredns: minor >= 33 ? 'v1.12.1' : minor >= 31 ? 'v1.11.3' : 'v1.11.1',
    pause: '3.10',
    containerd: '1.7.28',
  };
}
