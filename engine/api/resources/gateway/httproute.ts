import { fieldErr } from '../../../base/errors.ts';
import { list, rec, strs } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';
import { gatewayBase } from './common.ts';

/** HTTPRoute (gateway.networking.k8s.io/v1): HOSTNAMES as the CRD prints them. */
export const httpRouteDef = defineResource({
  ...gatewayBase('httproutes'),
  version: 'v1',
  kind: 'HTTPRoute',
  plural: 'httproutes',
  namespaced: true,
  subresources: ['status'],
  ...specStatusStrategy(() => undefined),
  columns: [NAME_COLUMN, col('Hostnames', 'string', ''), col('Age', 'date', '')],
  row(obj, ctx) {
    const hosts = strs(rec(obj.spec).hostnames);
    return [obj.metadata.name ?? '', hosts.length ? JSON.stringify(hosts) : null, age(obj, ctx)];
  },
  validateSpec(obj) {
    return list(rec(obj.spec).parentRefs).flatMap((p, i) => (p.name ? [] : [fieldErr.required(`spec.parentRefs[${i}].name`, '')]));
  },
});
