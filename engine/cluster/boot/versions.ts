import { controlPlaneImageTags } from '../../controlplane/images.ts';

/** Versions of what a cluster of a given Kubernetes version runs (kubeadm's constants). */
export interface ComponentVersions {
  kubernetes: string;
  etcd: string;
  coredns: string;
  pause: string;
  containerd: string;
}

/**
 * componentVersions answers the image tags kubeadm uses for a Kubernetes
 * version; the control-plane tags come from the one table the images and
 * `kubeadm config images list` use, so they never disagree.
 */
export function componentVersions(version: string): ComponentVersions {
  const t = controlPlaneImageTags(version);
  return { kubernetes: t.kubernetes, etcd: t.etcd, coredns: t.coredns, pause: t.pause, containerd: '1.7.28' };
}
