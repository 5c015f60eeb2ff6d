import type { AdmissionPlugin } from '../types.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'StorageObjectInUseProtection';
/** PVC_FINALIZER keeps a claim while a pod uses it. */
export const PVC_FINALIZER = 'kubernetes.io/pvc-protection';
/** PV_FINALIZER keeps a volume while a claim is bound to it. */
export const PV_FINALIZER = 'kubernetes.io/pv-protection';

/** storageObjectInUseProtection adds the protection finalizer to every new claim and volume. */
export function storageObjectInUseProtection(): AdmissionPlugin {
  return {
    name: NAME,
    admit(req) {
      if (req.operation !== 'CREATE' || req.subresource || !req.object || req.def.group !== '') return;
      const fin = req.def.plural === 'persistentvolumeclaims' ? PVC_FINALIZER : req.def.plural === 'persistentvolumes' ? PV_FINALIZER : undefined;
      if (!fin) return;
      const m = req.object.metadata;
      if (!(m.finalizers ?? []).includes(fin)) m.finalizers = [...(m.finalizers ?? []), fin];
    },
  };
}
