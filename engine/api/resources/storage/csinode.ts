import { list, rec } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** CSINode: the CSI drivers registered on each node (DRIVERS count). */
export const csiNodeDef = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSINode',
  plural: 'csinodes',
  namespaced: false,
  columns: [NAME_COLUMN, col('Drivers', 'integer', 'Drivers indicates the number of CSI drivers registered on the node'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', list(rec(obj.spec).drivers).length, age(obj, ctx)],
});
