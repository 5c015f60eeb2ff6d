import { R } from '../../client/refs.ts';
import type { ComponentContext, RunningComponent } from '../../cluster/boot/components.ts';
import { deployment, ensure } from '../ensure.ts';
import { startExternalProvisioner } from './provisioner.ts';
import type { FileSystem } from '../../host/types.ts';

/** removeTree is `rm -rf path`. */
export function removeTree(fs: FileSystem, path: string): void {
  if (fs.lstat(path).type === 'dir') {
    for (const e of fs.readdir(path)) removeTree(fs, `${path}/${e}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}

/** LOCAL_PATH_PROVISIONER is the provisioner name of rancher/local-path-provisioner. */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** LOCAL_PATH_ROOT is where the provisioner's volumes live on each node (its config.json nodePathMap default). */
export const LOCAL_PATH_ROOT = '/opt/local-path-provisioner';

const NS = 'local-path-storage';
const LABELS = { app: 'local-path-provisioner' };

/**
 * startLocalPathAddon installs rancher/local-path-provisioner as its
 * local-path-storage.yaml does: the namespace, the Deployment, and the
 * StorageClass local-path (WaitForFirstConsumer, Delete), made the default
 * class. Each claim gets a hostPath volume on the node its first pod was
 * scheduled to, /opt/local-path-provisioner/pvc-<uid>_<namespace>_<name>,
 * removed when the volume is deleted.
 */
export function startLocalPathAddon(ctx: ComponentContext): RunningComponent[] {
  if (ctx.cluster.spec.installed === false || !ctx.cluster.spec.addons.some((a) => a.name === 'local-path-provisioner')) return [];
  const admin = ctx.cluster.admin;
  ensure(admin, R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  ensure(admin, R.serviceaccounts, NS, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'local-path-provisioner-service-account', namespace: NS } });
  ensure(admin, R.clusterroles, undefined, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'local-path-provisioner-role' },
    rules: [
      { apiGroups: [''], resources: ['nodes', 'persistentvolumeclaims', 'configmaps', 'pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'update', 'delete'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  ensure(admin, R.clusterrolebindings, undefined, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'local-path-provisioner-bind' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'local-path-provisioner-role' },
    subjects: [{ kind: 'ServiceAccount', name: 'local-path-provisioner-service-account', namespace: NS }],
  });
  ensure(admin, R.configmaps, NS, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'local-path-config', namespace: NS },
    data: { 'config.json': `{\n        "nodePathMap":[\n        {\n                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",\n                "paths":["${LOCAL_PATH_ROOT}"]\n        }\n        ]\n}` },
  });
  ensure(
    admin,
    R.deployments,
    NS,
    deployment(NS, 'local-path-provisioner', LABELS, {
      serviceAccountName: 'local-path-provisioner-service-account',
      containers: [
        {
          name: 'local-path-provisioner',
          image: 'rancher/local-path-provisioner:v0.0.31',
          imagePullPolicy: 'IfNotPresent',
          command: ['local-path-provisioner', '--debug', 'start', '--config', '/etc/config/config.json'],
          env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }, { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' }],
          volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config/' }],
        },
      ],
      volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
    }),
  );
  ensure(admin, R.storageclasses, undefined, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'local-path', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  const dirOf = (ns: string | undefined, name: string | undefined, uid: string | undefined) => `${LOCAL_PATH_ROOT}/pvc-${uid}_${ns}_${name}`;
  const h = startExternalProvisioner({
    runtime: ctx.runtime,
    client: ctx.clientFor(`system:serviceaccount:${NS}:local-path-provisioner-service-account`, ['system:serviceaccounts', `system:serviceaccounts:${NS}`]),
    provisioner: LOCAL_PATH_PROVISIONER,
    identity: `${LOCAL_PATH_PROVISIONER}_local-path-provisioner`,
    nodeFor: () => undefined,
    volumeSource(claim, _sc, _name, node) {
      const path = dirOf(claim.metadata.namespace, claim.metadata.name, claim.metadata.uid);
      ctx.world.host(node ?? '')?.fs.mkdir(path, { recursive: true });
      return {
        hostPath: { path, type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
      };
    },
    released(pv) {
      const path = (pv.spec as { hostPath?: { path?: string } }).hostPath?.path;
      const node = (pv.spec as { nodeAffinity?: { required?: { nodeSelectorTerms?: { matchExpressions?: { values?: string[] }[] }[] } } }).nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.[0]?.values?.[0];
      const fs = ctx.world.host(node ?? '')?.fs;
      // the provisioner's helper pod runs `rm -rf` on the volume's directory
      if (path && fs?.exists(path)) removeTree(fs, path);
    },
  });
  return [{ name: 'local-path-provisioner', stop: () => h.stop() }];
}
