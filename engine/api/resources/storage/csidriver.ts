import { isSet, list, rec, str, strs } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** CSIDriver: ATTACHREQUIRED, PODINFOONMOUNT, STORAGECAPACITY, TOKENREQUESTS, REQUIRESREPUBLISH, MODES. */
export const csiDriverDef = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSIDriver',
  plural: 'csidrivers',
  namespaced: false,
  columns: [
    NAME_COLUMN,
    col('AttachRequired', 'boolean', 'CSIDriverSpec.attachRequired'),
    col('PodInfoOnMount', 'boolean', 'CSIDriverSpec.podInfoOnMount'),
    col('StorageCapacity', 'boolean', 'CSIDriverSpec.storageCapacity'),
    col('TokenRequests', 'string', 'CSIDriverSpec.tokenRequests'),
    col('RequiresRepublish', 'boolean', 'CSIDriverSpec.requiresRepublish'),
    col('Modes', 'string', 'CSIDriverSpec.volumeLifecycleModes'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const s = rec(obj.spec);
    return [
      obj.metadata.name ?? '',
      isSet(s.attachRequired) ? s.attachRequired === true : true,
      s.podInfoOnMount === true,
      s.storageCapacity === true,
      isSet(s.tokenRequests) ? list(s.tokenRequests).map((t) => str(t.audience)).join(',') : '<unset>',
      s.requiresRepublish === true,
      strs(s.volumeLifecycleModes).join(',') || '<none>',
      age(obj, ctx),
    ];
  },
  defaults(obj) {
    const s = (obj.spec ??= {}) as Record<string, unknown>;
    s.attachRequired ??= true;
    s.podInfoOnMount ??= false;
    s.storageCapacity ??= false;
    s.fsGroupPolicy ??= 'ReadWriteOnceWithFSType';
    s.requiresRepublish ??= false;
    s.volumeLifecycleModes ??= ['Persistent'];
    s.seLinuxMount ??= false;
  },
});
