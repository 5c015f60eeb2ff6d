import { list, rec, str } from '../../validation/util.ts';
import { col, defineResource, NAME_COLUMN } from '../common.ts';

/** ComponentStatus: read-only health of scheduler, controller-manager and etcd (deprecated, still served). */
export const componentStatusDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'ComponentStatus',
  plural: 'componentstatuses',
  shortNames: ['cs'],
  namespaced: false,
  verbs: ['get', 'list'],
  storagePrefix: '',
  deprecated: { since: [1, 19] },
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'Status of the component conditions'),
    col('Message', 'string', 'Message of the component conditions'),
    col('Error', 'string', 'Error of the component conditions'),
  ],
  row(obj) {
    const c = list(obj.conditions).find((x) => str(x.type) === 'Healthy');
    const status = c ? (str(c.status) === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown';
    return [obj.metadata.name ?? '', status, c ? str(c.message) : '', c ? str(rec(c).error) : ''];
  },
});
