/**
 * The control plane as programs: images, kubeadm's files and etcd's wire
 * contract. See README.md.
 */
export { CONTROL_PLANE_IMAGES, controlPlaneImageTags, RELEASES, type ControlPlaneTags } from './images.ts';
export { writeKubeadmFiles, manifestSettingsFor, type Machines } from './kubeadm/files.ts';
export { staticPodManifests, type ManifestSettings } from './kubeadm/manifests.ts';
export { kubeletConfigYaml, kubeadmFlagsEnv, clusterDnsIp } from './kubeadm/kubelet-config.ts';
export { clusterConfigurationYaml, initDefaults } from './kubeadm/config.ts';
export { ETCD_PROTOCOL, type EtcdService, type EtcdMember } from './etcd/wire.ts';
export { etcdService } from './etcd/service.ts';
export { etcdEndpoint } from './etcd/direct-endpoint.ts';
export { versionInfo } from './version-info.ts';
export { kubeadmClusterObjects, createAll } from './kubeadm/post-init.ts';
