import type { KObject } from '../../../../api/types.ts';
import { formatLabels } from '../../printers/table.ts';
import { describeEvents } from './events.ts';
import type { DescribeContext } from './types.ts';
import { PrefixWriter, printAnnotations, printLabels, humanDuration } from './writer.ts';
import { listItemsInChunks } from '../../resource/chunks.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

const MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

/** accessModes is GetAccessModesAsString ("RWO,ROX"). */
function accessModes(modes: string[] | undefined): string {
  const out: string[] = [];
  for (const m of ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']) if ((modes ?? []).includes(m)) out.push(MODES[m]!);
  return out.join(',');
}

const goList = (xs: string[] | undefined) => `[${(xs ?? []).join(' ')}]`;

function status(o: Any, d: DescribeContext): string {
  if (o.metadata.deletionTimestamp) return `Terminating (lasts ${humanDuration(d.now - Date.parse(o.metadata.deletionTimestamp))})`;
  return o.status?.phase ?? '';
}

/** describePersistentVolume is PersistentVolumeDescriber. */
export function describePersistentVolume(o: KObject, d: DescribeContext): string {
  const pv = o as Any;
  const spec = pv.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Finalizers:\t${goList(o.metadata.finalizers)}\n`);
  w.write(0, `StorageClass:\t${spec.storageClassName ?? o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`);
  w.write(0, `Status:\t${status(pv, d)}\n`);
  w.write(0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace}/${spec.claimRef.name}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${spec.capacity?.storage ?? '0'}\n`);
  if (!spec.nodeAffinity) w.write(0, 'Node Affinity:\t<none>\n');
  else {
    w.write(0, 'Node Affinity:\n');
    w.write(1, 'Required Terms:\n');
    (spec.nodeAffinity.required?.nodeSelectorTerms ?? []).forEach((t: Any, i: number) => {
      const exprs = (t.matchExpressions ?? []).map((e: Any) => `${e.key} ${e.operator.toLowerCase()} [${(e.values ?? []).join(', ')}]`);
      w.write(2, `Term ${i}:\t${exprs.join('\n') || '<none>'}\n`);
    });
  }
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(0, 'Source:\n');
  if (spec.hostPath) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? ''}\n`);
  else if (spec.nfs) w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${!!spec.nfs.readOnly}\n`);
  else if (spec.local) w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
  else if (spec.csi) w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${!!spec.csi.readOnly}\n`);
  if (d.showEvents) describeEvents(w, d.events(o, 'PersistentVolume'), d.now);
  return w.text();
}

const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };

/** describePersistentVolumeClaim is PersistentVolumeClaimDescriber. */
export function describePersistentVolumeClaim(o: KObject, d: DescribeContext): string {
  const pvc = o as Any;
  const spec = pvc.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  w.write(0, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
  w.write(0, `Status:\t${status(pvc, d)}\n`);
  w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Finalizers:\t${goList(o.metadata.finalizers)}\n`);
  const bound = !!spec.volumeName;
  w.write(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '0') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(0, 'DataSource:\n');
    if (spec.dataSource.apiGroup) w.write(1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(1, `Kind:\t${spec.dataSource.kind}\n`);
    w.write(1, `Name:\t${spec.dataSource.name}\n`);
  }
  let users: string[] = [];
  try {
    users = (listItemsInChunks(d.client, PODS, o.metadata.namespace, {}, d.chunkSize) as Any[]).filter((p) => (p.spec?.volumes ?? []).some((v: Any) => v.persistentVolumeClaim?.claimName === o.metadata.name)).map((p) => p.metadata.name);
  } catch {
    users = [];
  }
  w.write(0, 'Used By:\t');
  if (users.length === 0) w.line('<none>');
  users.forEach((u, i) => w.write(0, `${i ? '\t' : ''}${u}\n`));
  if (d.showEvents) describeEvents(w, d.events(o, 'PersistentVolumeClaim'), d.now);
  return w.text();
}

/** describeStorageClass is StorageClassDescriber. */
export function describeStorageClass(o: KObject, d: DescribeContext): string {
  const sc = o as Any;
  const a = o.metadata.annotations ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  const isDefault = a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  w.write(0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatLabels(o.metadata.annotations)}\n`);
  w.write(0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
  w.write(0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
  if (!sc.mountOptions?.length) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const m of sc.mountOptions) w.write(1, `${m}\n`);
  }
  if (sc.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  if (d.showEvents) describeEvents(w, d.events(o, 'StorageClass'), d.now);
  return w.text();
}
