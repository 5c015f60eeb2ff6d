import { q } from '../resources.ts';
import type { AdmissionPlugin } from '../types.ts';
import { isResource, rec, rejected, str } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'PersistentVolumeClaimResize';

function storageOf(pvc: unknown) {
  return q(rec(rec(rec(rec(pvc).spec).resources).requests).storage);
}

/**
 * persistentVolumeClaimResize lets a claim grow only when it is bound and its
 * StorageClass sets allowVolumeExpansion: true.
 */
export function persistentVolumeClaimResize(): AdmissionPlugin {
  return {
    name: NAME,
    validate(req, view) {
      if (!isResource(req, '', 'persistentvolumeclaims') || req.operation !== 'UPDATE' || req.subresource || !req.object || !req.oldObject) return;
      const oldSize = storageOf(req.oldObject);
      const newSize = storageOf(req.object);
      if (!newSize || (oldSize && newSize.cmp(oldSize) <= 0)) return;
      if (str(rec(req.oldObject.status).phase) !== 'Bound') throw rejected(req, 'Only bound persistent volume claims can be expanded');
      const old = req.oldObject;
      const cls = str(rec(old.spec).storageClassName) || old.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] || '';
      const sc = cls ? view.get('storage.k8s.io', 'storageclasses', undefined, cls) : undefined;
      if (sc?.allowVolumeExpansion !== true) {
        throw rejected(req, 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
      }
    },
  };
}
