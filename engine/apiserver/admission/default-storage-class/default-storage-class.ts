import { pickDefault } from '../default-class.ts';
import type { AdmissionPlugin } from '../types.ts';
import { isResource, specOf } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'DefaultStorageClass';
/** DEFAULT_CLASS_ANNOTATIONS mark a StorageClass as the cluster default. */
export const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/**
 * defaultStorageClass gives a new PersistentVolumeClaim that names no class
 * (storageClassName absent, not even "") the default StorageClass.
 */
export function defaultStorageClass(): AdmissionPlugin {
  return {
    name: NAME,
    admit(req, view) {
      if (!isResource(req, '', 'persistentvolumeclaims') || req.operation !== 'CREATE' || req.subresource || !req.object) return;
      const pvc = req.object;
      const spec = specOf(pvc);
      if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
      if (pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] !== undefined) return;
      const def = pickDefault(view.list('storage.k8s.io', 'storageclasses'), DEFAULT_CLASS_ANNOTATIONS);
      if (def) spec.storageClassName = def.metadata.name;
    },
  };
}
