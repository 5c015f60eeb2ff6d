import { str } from '../../validation/util.ts';
import { col, defineResource, NAME_COLUMN } from '../common.ts';

/** CSIStorageCapacity: per-topology capacity published by CSI drivers. */
export const csiStorageCapacityDef = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSIStorageCapacity',
  plural: 'csistoragecapacities',
  namespaced: true,
  columns: [NAME_COLUMN, col('StorageClassName', 'string', ''), col('Capacity', 'string', '')],
  row: (obj) => [obj.metadata.name ?? '', str(obj.storageClassName), obj.capacity !== undefined && obj.capacity !== null ? str(obj.capacity) : '<unset>'],
});
