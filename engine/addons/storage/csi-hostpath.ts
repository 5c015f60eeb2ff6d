import { R } from '../../client/refs.ts';
import type { ComponentContext, RunningComponent } from '../../cluster/boot/components.ts';
import { ensure } from '../ensure.ts';
import { removeTree } from './local-path.ts';
import { startCsiResizer } from './csi-resizer.ts';
import { startExternalProvisioner } from './provisioner.ts';

/** CSI_HOSTPATH_DRIVER is the driver name of csi-driver-host-path. */
export const CSI_HOSTPATH_DRIVER = 'hostpath.csi.k8s.io';
/** CSI_HOSTPATH_DATA is the plugin's state directory on its node (a hostPath of its StatefulSet). */
export const CSI_HOSTPATH_DATA = '/var/lib/csi-hostpath-data';

const LABELS = { 'app.kubernetes.io/name': 'csi-hostpathplugin', 'app.kubernetes.io/component': 'plugin', 'app.kubernetes.io/instance': CSI_HOSTPATH_DRIVER };
const TOPOLOGY_KEY = 'topology.hostpath.csi/node';

/**
 * startCsiHostpathAddon installs csi-driver-host-path as its deploy script
 * does: the CSIDriver, the csi-hostpathplugin StatefulSet in default and the
 * StorageClass csi-hostpath-sc (Immediate, Delete, allowVolumeExpansion).
 * Claims get CSI volumes kept under /var/lib/csi-hostpath-data on the
 * plugin's node; expansion goes through external-resizer and the kubelet.
 */
export function startCsiHostpathAddon(ctx: ComponentContext): RunningComponent[] {
  if (ctx.cluster.spec.installed === false || !ctx.cluster.spec.addons.some((a) => a.name === 'csi-hostpath' || a.name === 'csi-hostpath-driver')) return [];
  const admin = ctx.cluster.admin;
  const machines = ctx.cluster.spec.machines.filter((m) => !m.prepared);
  // the plugin's StatefulSet has one replica; its volumes live on the node it runs on
  const pluginNode = (machines.find((m) => m.role === 'worker') ?? machines[0])!.name;
  ensure(admin, R.csidrivers, undefined, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'CSIDriver',
    metadata: { name: CSI_HOSTPATH_DRIVER, labels: { 'app.kubernetes.io/instance': CSI_HOSTPATH_DRIVER, 'app.kubernetes.io/part-of': 'csi-driver-host-path', 'app.kubernetes.io/name': CSI_HOSTPATH_DRIVER, 'app.kubernetes.io/component': 'csi-driver' } },
    spec: { attachRequired: true, podInfoOnMount: true, volumeLifecycleModes: ['Persistent', 'Ephemeral'], fsGroupPolicy: 'File' },
  });
  ensure(admin, R.serviceaccounts, 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'csi-hostpathplugin-sa', namespace: 'default', labels: LABELS } });
  ensure(admin, R.statefulsets, 'default', {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'csi-hostpathplugin', namespace: 'default', labels: LABELS },
    spec: {
      serviceName: 'csi-hostpathplugin',
      replicas: 1,
      selector: { matchLabels: LABELS },
      template: {
        metadata: { labels: LABELS },
        spec: {
          serviceAccountName: 'csi-hostpathplugin-sa',
          nodeSelector: { 'kubernetes.io/hostname': pluginNode },
          containers: [
            {
              name: 'hostpath',
              image: 'registry.k8s.io/sig-storage/hostpathplugin:v1.15.0',
              args: ['--drivername=hostpath.csi.k8s.io', '--v=5', '--endpoint=$(CSI_ENDPOINT)', '--nodeid=$(KUBE_NODE_NAME)'],
              env: [{ name: 'CSI_ENDPOINT', value: 'unix:///csi/csi.sock' }, { name: 'KUBE_NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
              volumeMounts: [{ mountPath: '/csi', name: 'socket-dir' }, { mountPath: '/csi-data-dir', name: 'csi-data-dir' }],
            },
          ],
          volumes: [
            { name: 'socket-dir', hostPath: { path: '/var/lib/kubelet/plugins/csi-hostpath', type: 'DirectoryOrCreate' } },
            { name: 'csi-data-dir', hostPath: { path: CSI_HOSTPATH_DATA, type: 'DirectoryOrCreate' } },
          ],
        },
      },
    },
  });
  ensure(admin, R.storageclasses, undefined, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'csi-hostpath-sc' },
    provisioner: CSI_HOSTPATH_DRIVER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    allowVolumeExpansion: true,
  });
  ensure(admin, R.clusterroles, undefined, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'external-provisioner-runner' },
    rules: [
      { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'update', 'delete'] },
      { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'watch', 'update', 'patch'] },
      { apiGroups: [''], resources: ['persistentvolumeclaims/status'], verbs: ['update', 'patch'] },
      { apiGroups: [''], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['list', 'watch', 'create', 'update', 'patch'] },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses', 'csinodes'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  ensure(admin, R.clusterrolebindings, undefined, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'csi-provisioner-role' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'external-provisioner-runner' },
    subjects: [{ kind: 'ServiceAccount', name: 'csi-hostpathplugin-sa', namespace: 'default' }],
  });
  const client = ctx.clientFor('system:serviceaccount:default:csi-hostpathplugin-sa', ['system:serviceaccounts', 'system:serviceaccounts:default']);
  const identity = `${ctx.runtime.now}-${ctx.runtime.rand.int(10000)}-${CSI_HOSTPATH_DRIVER}`;
  const provisioner = startExternalProvisioner({
    runtime: ctx.runtime,
    client,
    provisioner: CSI_HOSTPATH_DRIVER,
    identity: `csi-provisioner ${CSI_HOSTPATH_DRIVER}`,
    nodeFor: () => pluginNode,
    volumeSource(_claim, _sc, _name, node) {
      const handle = ctx.runtime.rand.uuid();
      try {
        // the kubelet publishes the driver's topology as a node label once the node plugin registers
        admin.patch(R.nodes, undefined, node ?? pluginNode, 'merge', { metadata: { labels: { [TOPOLOGY_KEY]: node ?? pluginNode } } });
      } catch {
        // the node is not registered yet: the volume still gets its affinity
      }
      ctx.world.host(node ?? pluginNode)?.fs.mkdir(`${CSI_HOSTPATH_DATA}/${handle}`, { recursive: true });
      return {
        csi: { driver: CSI_HOSTPATH_DRIVER, volumeHandle: handle, volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': identity } },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: TOPOLOGY_KEY, operator: 'In', values: [node ?? pluginNode] }] }] } },
      };
    },
    released(pv) {
      const handle = (pv.spec as { csi?: { volumeHandle?: string } }).csi?.volumeHandle;
      const fs = ctx.world.host(pluginNode)?.fs;
      if (handle && fs?.exists(`${CSI_HOSTPATH_DATA}/${handle}`)) removeTree(fs, `${CSI_HOSTPATH_DATA}/${handle}`);
    },
  });
  const resizer = startCsiResizer({ runtime: ctx.runtime, client, driver: CSI_HOSTPATH_DRIVER });
  return [{ name: 'csi-hostpathplugin', stop: () => (provisioner.stop(), resizer.stop()) }];
}
