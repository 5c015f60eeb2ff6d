import { componentVersions } from '../../cluster/boot/versions.ts';

/** ETCD_VERSION_FOR_CLIENTS is the server version etcd reports for a Kubernetes version ("3.5.21" from image tag "3.5.21-0"). */
export function ETCD_VERSION_FOR_CLIENTS(kubernetesVersion: string): string {
  return componentVersions(kubernetesVersion).etcd.replace(/-\d+$/, '');
}
