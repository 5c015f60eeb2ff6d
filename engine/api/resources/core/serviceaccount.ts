import { list } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** ServiceAccount: SECRETS counts the legacy secret references; serviceaccounts/token mints TokenRequests. */
export const serviceAccountDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  shortNames: ['sa'],
  namespaced: true,
  subresources: ['token'],
  columns: [NAME_COLUMN, col('Secrets', 'string', 'ServiceAccount.secrets'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', list(obj.secrets).length, age(obj, ctx)],
});
